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
    subject: 'Đã tiếp nhận hồ sơ {ma_ho_so}',
    body:
      'Kính gửi Ông/Bà,\n\nHồ sơ {ma_ho_so} ({thu_tuc}) đã được tiếp nhận lúc {ngay_tiep_nhan}.\n' +
      'Thời gian hẹn trả kết quả: {ngay_hen_tra}.\n\nTra cứu tình trạng hồ sơ: {duong_dan_tra_cuu}\n',
  },
  supplement_requested: {
    subject: 'Hồ sơ {ma_ho_so} cần bổ sung giấy tờ',
    body:
      'Kính gửi Ông/Bà,\n\nHồ sơ {ma_ho_so} ({thu_tuc}) cần được bổ sung, hoàn thiện.\nLý do: {ly_do}\n' +
      'Giấy tờ cần bổ sung:\n{giay_to_can_bo_sung}\nNơi nộp bổ sung: {bo_phan_mot_cua}.\n\nTra cứu tình trạng hồ sơ: {duong_dan_tra_cuu}\n',
  },
  apology: {
    subject: 'Thư xin lỗi và hẹn lại ngày trả kết quả hồ sơ {ma_ho_so}',
    body:
      'Kính gửi Ông/Bà,\n\nHồ sơ {ma_ho_so} ({thu_tuc}) chưa giải quyết được đúng hẹn. Chúng tôi thành thật xin lỗi Ông/Bà.\n' +
      'Lý do: {ly_do}\nThời gian hẹn trả kết quả mới: {ngay_hen_moi} (hẹn cũ: {ngay_hen_cu}).\n\nTra cứu tình trạng hồ sơ: {duong_dan_tra_cuu}\n',
  },
  result_ready: {
    subject: 'Hồ sơ {ma_ho_so} đã có kết quả',
    body:
      'Kính gửi Ông/Bà,\n\nHồ sơ {ma_ho_so} ({thu_tuc}) đã có kết quả giải quyết lúc {ngay_co_ket_qua}.\n' +
      'Mời Ông/Bà nhận kết quả tại: {bo_phan_mot_cua}.\n\nTra cứu tình trạng hồ sơ: {duong_dan_tra_cuu}\n',
  },
  returned: {
    subject: 'Đã trả kết quả hồ sơ {ma_ho_so}',
    body:
      'Kính gửi Ông/Bà,\n\nKết quả hồ sơ {ma_ho_so} ({thu_tuc}) đã được trả lúc {ngay_tra_ket_qua} ({hinh_thuc_tra}).\n' +
      'Cảm ơn Ông/Bà đã sử dụng dịch vụ.\n\nTra cứu tình trạng hồ sơ: {duong_dan_tra_cuu}\n',
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
