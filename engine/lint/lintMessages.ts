// The lint problems in the reader's language. A problem carries its rule id
// and parameters (problem.ts); English is the rule's own sentence (the most
// precise one, written where the rule finds the mistake), Vietnamese is
// written here, one sentence per rule saying what is wrong and what to do,
// with the element named by {element}. A rule may report a finer `code`
// (reporter.report(id, message, { code, params })) for which this catalogue
// has its own sentence. Shared by the designer (live lint, server problems)
// and the tests; test/lint/lintMessages.test.ts checks that every rule of the
// plugin has its Vietnamese sentence.

import type { LintProblem } from './problem.js';

export type LintLang = 'vi' | 'en';
export type LintParams = Record<string, string | number>;

/** One Vietnamese sentence per rule (`well-formed`: the parser's own problems). */
export const LINT_MESSAGES_VI: Readonly<Record<string, string>> = {
  'well-formed': 'Tệp không phải BPMN 2.0 hợp lệ, hoặc có phần không đọc được và sẽ bị bỏ qua: mở lại tệp gốc hoặc sửa phần bị lỗi.',
  'executable-process': 'Chưa xác định được quy trình: tệp cần đúng một quy trình thực thi được, có mã thủ tục hành chính (onestop:procedureCode) hợp lệ.',
  'no-script': '{element} dùng mã lệnh hoặc biểu thức không phải FEEL: quy trình tải lên không bao giờ chạy mã lệnh; thay bằng bước xử lý của cán bộ hoặc điều kiện FEEL.',
  'feel-condition': 'Điều kiện của {element} không phải biểu thức FEEL hợp lệ hoặc có thể chạy quá lâu: viết lại, ví dụ decision = "approve".',
  'user-task-department': '{element} chưa có phòng ban xử lý hợp lệ: chọn một phòng ban đã khai báo cho bước, hoặc đặt bước vào làn của phòng ban đó.',
  'deadline-format': 'Thời hạn, loại lịch hoặc cách tính khi bổ sung hồ sơ của {element} không hợp lệ: thời hạn viết dạng P3D (3 ngày làm việc) hoặc PT8H (8 giờ).',
  'form-schema': 'Biểu mẫu của {element} không dùng được: mở “Thiết kế biểu mẫu” trong bảng thuộc tính để sửa.',
  'gateway-conditions': '{element} rời cổng rẽ nhánh mà không có điều kiện và không phải luồng mặc định: thêm điều kiện FEEL hoặc đặt làm luồng mặc định.',
  'deadline-budget': 'Cộng thời hạn các bước trên đường đi qua {element} vượt thời hạn giải quyết của thủ tục: rút ngắn thời hạn các bước hoặc xem lại thời hạn thủ tục.',
  'supported-elements': '{element} thuộc loại phần tử hệ thống không chạy: đổi sang loại được hỗ trợ, thường là bước xử lý của cán bộ.',
  'cycle-without-wait': 'Vòng lặp qua {element} không có bước nào chờ người xử lý: hồ sơ sẽ quay vòng mãi. Đặt bước quyết định việc lặp lại vào trong vòng.',
  'model-limits': 'Quy trình vượt giới hạn tại {element} (số phần tử, số bước song song, độ sâu lồng nhau hoặc độ dài mã): chia thành các thủ tục nhỏ hơn hoặc rút gọn.',
  'document-lists': 'Danh sách giấy tờ của {element} không hợp lệ: thành phần hồ sơ chỉ khai ở sự kiện bắt đầu, giấy tờ kết quả chỉ ở bước xử lý, mỗi giấy tờ có mã và tên riêng.',
  'lane-department': '{element} giao cho phòng ban khác với phòng ban của làn chứa nó: kéo bước sang làn của phòng ban xử lý, hoặc sửa phòng ban của bước.',
  'multi-instance': 'Cách lặp nhiều lần (đa thể hiện) của {element} không được chấp nhận: xem lại tập hợp và điều kiện hoàn thành.',
  'call-activity': '{element} gọi một thủ tục không dùng được: ghi mã của một thủ tục khác đã triển khai vào calledElement.',
};

/** Sentences for finer codes a rule may report (`rule.code`). */
export const LINT_CODE_MESSAGES_VI: Readonly<Record<string, string>> = {
  'conditional-event': '{element} là sự kiện điều kiện: hệ thống không theo dõi dữ liệu hồ sơ để chờ điều kiện trở thành đúng và không bao giờ coi điều kiện là đúng. Hãy dùng cổng rẽ nhánh loại trừ với điều kiện FEEL.',
  'event-sub-process-start': '{element} là sự kiện bắt đầu không loại của một tiến trình con sự kiện, nên tiến trình con này không bao giờ chạy: đặt cho nó một bộ hẹn giờ, một tin nhắn hoặc một lỗi.',
};

/** How a problem names its element when the page has nothing better: the name, else the id. */
export function elementLabel(name: string | undefined | null, id: string | null | undefined): string {
  const clean = name?.replace(/\s+/g, ' ').trim();
  if (clean && id) return `“${clean}” (${id})`;
  return clean ? `“${clean}”` : id ?? '';
}

function fill(template: string, params: LintParams): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => (params[key] !== undefined ? String(params[key]) : match));
}

/**
 * The problem as the reader reads it. `element` names the element where the
 * page knows its name better than the problem does (the designer's canvas).
 */
export function lintMessage(problem: Pick<LintProblem, 'rule' | 'message'> & { code?: string; params?: LintParams }, lang: LintLang, element?: string): string {
  if (lang === 'en') return problem.message;
  const rule = (problem.rule ?? '').replace(/^onestop\//, '');
  const template = (problem.code && LINT_CODE_MESSAGES_VI[problem.code]) ?? LINT_MESSAGES_VI[rule];
  if (!template) return problem.message;
  const params: LintParams = { ...(problem.params ?? {}) };
  if (element) params.element = element;
  if (params.element === undefined || params.element === '') params.element = 'Phần tử này';
  const text = fill(template, params);
  return text.charAt(0).toUpperCase() + text.slice(1);
}
