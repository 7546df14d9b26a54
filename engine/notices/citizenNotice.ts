// What a notice to the citizen says, from the fact that causes it: the
// values of its template, written as a Vietnamese office writes them (times
// in Vietnam's zone). Pure; the unit of work queues the result
// (engine/notices/noticeQueue.ts) in the change's own transaction.

import { shortDateTime } from '../printing/formText.js';
import type { NoticeKind } from './noticeKinds.js';

export interface CitizenNotice {
  kind: NoticeKind;
  at: Date;
  /** The kind's own placeholders, already written out. */
  values: Record<string, string>;
}

/** "09:30 ngày 02/03/2026" (Vietnam time). */
export function noticeTime(t: Date | null | undefined): string {
  if (!t) return 'chưa xác định';
  return shortDateTime(t).replace(' ', ' ngày ');
}

const RETURN_CHANNEL_VI = { in_person: 'nhận trực tiếp', post: 'gửi qua dịch vụ bưu chính' } as const;

export const noticeOfReception = (at: Date, f: { receivedAt: Date; dueAt: Date | null }): CitizenNotice => ({
  kind: 'received', at, values: { ngay_tiep_nhan: noticeTime(f.receivedAt), ngay_hen_tra: noticeTime(f.dueAt) },
});

export const noticeOfSupplementRequest = (at: Date, f: { reason: string; items: readonly string[] }): CitizenNotice => ({
  kind: 'supplement_requested', at, values: { ngay_yeu_cau: noticeTime(at), ly_do: f.reason, giay_to_can_bo_sung: f.items.map((i) => `- ${i}`).join('\n') },
});

export const noticeOfApology = (at: Date, f: { reason: string; previousDueAt: Date | null; dueAt: Date }): CitizenNotice => ({
  kind: 'apology', at, values: { ly_do: f.reason, ngay_hen_cu: noticeTime(f.previousDueAt), ngay_hen_moi: noticeTime(f.dueAt) },
});

export const noticeOfResult = (at: Date): CitizenNotice => ({ kind: 'result_ready', at, values: { ngay_co_ket_qua: noticeTime(at) } });

export const noticeOfReturn = (at: Date, f: { channel?: 'in_person' | 'post'; trackingNumber?: string | null }): CitizenNotice => ({
  kind: 'returned',
  at,
  values: {
    ngay_tra_ket_qua: noticeTime(at),
    hinh_thuc_tra: `${RETURN_CHANNEL_VI[f.channel ?? 'in_person']}${f.trackingNumber ? `, mã bưu gửi ${f.trackingNumber}` : ''}`,
  },
});
