// The wording of the notices: Vietnamese defaults an administrator may
// replace (stored in notice_templates), placeholders written {name}. A
// template is checked before it is stored: a placeholder the kind does not
// know would reach the citizen as "{...}", so it is refused.

import type { FieldError } from '../errors.js';
import { NOTICE_PLACEHOLDERS, type NoticeKind } from './noticeKinds.js';

export interface NoticeTemplate {
  subject: string;
  body: string;
}

export const DEFAULT_TEMPLATES: Readonly<Record<NoticeKind, NoticeTemplate>> = {
  received: {
    subject: 'Đã tiếp nhận hồ sơ {code}',
    body:
      'Kính gửi Ông/Bà,\n\nHồ sơ {code} ({procedure}) đã được tiếp nhận lúc {receivedAt}.\n' +
      'Thời gian hẹn trả kết quả: {dueAt}.\n\nTra cứu tình trạng hồ sơ: {link}\n',
  },
  supplement_requested: {
    subject: 'Hồ sơ {code} cần bổ sung giấy tờ',
    body:
      'Kính gửi Ông/Bà,\n\nHồ sơ {code} ({procedure}) cần được bổ sung, hoàn thiện.\nLý do: {reason}\n' +
      'Giấy tờ cần bổ sung:\n{items}\nNơi nộp bổ sung: {place}.\n\nTra cứu tình trạng hồ sơ: {link}\n',
  },
  apology: {
    subject: 'Thư xin lỗi và hẹn lại ngày trả kết quả hồ sơ {code}',
    body:
      'Kính gửi Ông/Bà,\n\nHồ sơ {code} ({procedure}) chưa giải quyết được đúng hẹn. Chúng tôi thành thật xin lỗi Ông/Bà.\n' +
      'Lý do: {reason}\nThời gian hẹn trả kết quả mới: {newDueAt} (hẹn cũ: {previousDueAt}).\n\nTra cứu tình trạng hồ sơ: {link}\n',
  },
  result_ready: {
    subject: 'Hồ sơ {code} đã có kết quả',
    body:
      'Kính gửi Ông/Bà,\n\nHồ sơ {code} ({procedure}) đã có kết quả giải quyết lúc {resolvedAt}.\n' +
      'Mời Ông/Bà nhận kết quả tại: {place}.\n\nTra cứu tình trạng hồ sơ: {link}\n',
  },
  returned: {
    subject: 'Đã trả kết quả hồ sơ {code}',
    body:
      'Kính gửi Ông/Bà,\n\nKết quả hồ sơ {code} ({procedure}) đã được trả lúc {returnedAt} ({returnChannel}).\n' +
      'Cảm ơn Ông/Bà đã sử dụng dịch vụ.\n\nTra cứu tình trạng hồ sơ: {link}\n',
  },
};

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** The placeholders a text uses that the kind does not know, each once. */
function unknownPlaceholders(kind: NoticeKind, text: string): string[] {
  const known = new Set(NOTICE_PLACEHOLDERS[kind]);
  const unknown = new Set<string>();
  for (const m of text.matchAll(PLACEHOLDER)) if (!known.has(m[1])) unknown.add(m[1]);
  return [...unknown];
}

/** What is wrong with a template for this kind; empty when it may be stored. */
export function templateErrors(kind: NoticeKind, t: NoticeTemplate): FieldError[] {
  const errors: FieldError[] = [];
  for (const field of ['subject', 'body'] as const) {
    if (!t[field].trim()) {
      errors.push({ path: `/${field}`, message: 'must not be empty', code: 'required' });
      continue;
    }
    for (const name of unknownPlaceholders(kind, t[field])) {
      errors.push({
        path: `/${field}`,
        message: `unknown placeholder {${name}}: this notice knows ${NOTICE_PLACEHOLDERS[kind].map((p) => `{${p}}`).join(', ')}`,
        code: 'unknown-placeholder',
        params: { placeholder: name, known: NOTICE_PLACEHOLDERS[kind].join(', ') },
      });
    }
  }
  if (t.subject.includes('\n')) errors.push({ path: '/subject', message: 'must be one line', code: 'one-line' });
  return errors;
}

/** The template with its placeholders filled in (a missing value is left empty). */
export function renderTemplate(t: NoticeTemplate, values: Readonly<Record<string, string>>): NoticeTemplate {
  const fill = (text: string) => text.replace(PLACEHOLDER, (_m, name: string) => values[name] ?? '');
  return { subject: fill(t.subject), body: fill(t.body) };
}
