// The validator's sentences (ajv's, and the engine's: engine/forms/formValidator.ts)
// in the language of the page. English is ajv's own.

import { currentLang } from '../i18n/i18n.js';

const FIELD_MESSAGES_VI: Array<[RegExp, string]> = [
  [/^is required$/, 'bắt buộc'],
  [/^must have required property '(.+)'$/, 'thiếu trường $1'],
  [/^must NOT have fewer than (\d+) characters?$/, 'cần ít nhất $1 ký tự'],
  [/^must NOT have more than (\d+) characters?$/, 'tối đa $1 ký tự'],
  [/^must NOT have fewer than (\d+) items?$/, 'cần ít nhất $1 mục'],
  [/^must be >= (.+)$/, 'phải lớn hơn hoặc bằng $1'],
  [/^must be <= (.+)$/, 'phải nhỏ hơn hoặc bằng $1'],
  [/^must be > (.+)$/, 'phải lớn hơn $1'],
  [/^must be < (.+)$/, 'phải nhỏ hơn $1'],
  // The pattern itself means nothing to the person typing; the form's own
  // message (x-message, engine/forms/formRules.ts) says what is expected.
  [/^must match pattern "(.+)"$/, 'không đúng định dạng'],
  [/^must match format "date"$/, 'phải là ngày hợp lệ'],
  [/^must match format "date-time"$/, 'phải là ngày giờ hợp lệ'],
  [/^must match format "email"$/, 'phải là địa chỉ thư điện tử hợp lệ'],
  [/^must be a valid email$/, 'phải là địa chỉ thư điện tử hợp lệ'],
  [/^must be a valid (.+)$/, 'không đúng định dạng $1'],
  [/^must match format "(.+)"$/, 'không đúng định dạng $1'],
  [/^must be integer$/, 'phải là số nguyên'],
  [/^must be number$/, 'phải là số'],
  [/^must be string$/, 'phải là chuỗi ký tự'],
  [/^must be boolean$/, 'phải là có/không'],
  [/^must be equal to one of the allowed values$/, 'phải chọn một giá trị trong danh sách'],
  [/^must be one of (.+)$/, 'phải là một trong $1'],
  [/^must be equal to constant$/, 'giá trị không hợp lệ'],
  [/^must match exactly one schema in oneOf$/, 'phải chọn một giá trị trong danh sách'],
  [/^must satisfy one of the alternatives.*$/, 'phải chọn một giá trị trong danh sách'],
  [/^is not a field of this form$/, 'không phải trường của biểu mẫu'],
  [/^is not a known field$/, 'không phải trường của biểu mẫu'],
];

const FIELD_MESSAGES_EN: Array<[RegExp, string]> = [
  [/^must match pattern "(.+)"$/, 'is not in the expected format'],
];

export function fieldMessage(message: string): string {
  if (currentLang() !== 'vi') {
    for (const [pattern, replacement] of FIELD_MESSAGES_EN) if (pattern.test(message)) return replacement;
    return message;
  }
  for (const [pattern, replacement] of FIELD_MESSAGES_VI) if (pattern.test(message)) return message.replace(pattern, replacement);
  return message;
}
