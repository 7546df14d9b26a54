// The notices a citizen receives about their dossier, and the values each
// one's template may use (named in Vietnamese, for the administrator who
// writes them). Pure: the admin page and the server check a
// template against the same list.

export const NOTICE_KINDS = ['received', 'supplement_requested', 'apology', 'result_ready', 'returned'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export function isNoticeKind(x: unknown): x is NoticeKind {
  return typeof x === 'string' && (NOTICE_KINDS as readonly string[]).includes(x);
}

/** Every notice knows its dossier, procedure and the lookup link. */
const COMMON = ['ma_ho_so', 'thu_tuc', 'duong_dan_tra_cuu'] as const;

/** The placeholders ({name}) each kind's template may use. */
export const NOTICE_PLACEHOLDERS: Readonly<Record<NoticeKind, readonly string[]>> = {
  received: [...COMMON, 'ngay_tiep_nhan', 'ngay_hen_tra'],
  supplement_requested: [...COMMON, 'ngay_yeu_cau', 'ly_do', 'giay_to_can_bo_sung', 'bo_phan_mot_cua'],
  apology: [...COMMON, 'ly_do', 'ngay_hen_cu', 'ngay_hen_moi'],
  result_ready: [...COMMON, 'ngay_co_ket_qua', 'bo_phan_mot_cua'],
  returned: [...COMMON, 'ngay_tra_ket_qua', 'hinh_thuc_tra'],
};

/** How a notice goes: by e-mail, or as a text to the applicant's phone (an SMS or Zalo gateway). */
export type NoticeContact = 'email' | 'phone';

/** Where a notice stands in the delivery log. */
export type NoticeStatus = 'pending' | 'sent' | 'failed' | 'skipped';
