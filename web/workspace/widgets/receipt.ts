// The receipt of a dossier (giấy tiếp nhận hồ sơ và hẹn trả kết quả) as the
// desk prints it: at reception, and again from the dossier page when the
// citizen lost it (marked as a reprint, with its date). The server's form 01
// (PDF, with the lookup QR code) stays under the dossier's printable forms.

import { el } from '../../shared/dom.js';
import { formatDateTime } from '../../shared/format.js';
import { tr } from '../../shared/i18n/i18n.js';

export interface ReceiptFacts {
  code: string;
  procedure: string;
  applicant: string;
  receivedAt: string | null;
  dueAt: string | null;
  steps: string;
  /** The e-result's secret, known only at reception. */
  secret?: HTMLElement | null;
  /** When reprinted: now. */
  reprintedAt?: string;
}

export function receiptSlip(r: ReceiptFacts): HTMLElement {
  return el('article', { class: 'ws-receipt', id: 'ws-receipt', 'data-code': r.code, ...(r.reprintedAt ? { 'data-reprint': 'true' } : {}) },
    el('h2', {}, tr('desk.receiptTitle')),
    r.reprintedAt ? el('p', { class: 'ws-receipt-reprint' }, tr('dossier.receiptReprint', { date: formatDateTime(r.reprintedAt) })) : null,
    el('dl', { class: 'ws-facts' },
      el('dt', {}, tr('desk.receiptCode')), el('dd', { id: 'ws-receipt-code', class: 'ws-code' }, r.code),
      el('dt', {}, tr('desk.receiptProcedure')), el('dd', {}, r.procedure),
      el('dt', {}, tr('desk.receiptApplicant')), el('dd', {}, r.applicant),
      el('dt', {}, tr('desk.receiptReceived')), el('dd', {}, formatDateTime(r.receivedAt)),
      el('dt', {}, tr('desk.receiptPromised')), el('dd', { id: 'ws-receipt-promised', class: 'ws-code' }, formatDateTime(r.dueAt)),
      el('dt', {}, tr('desk.receiptSteps')), el('dd', {}, r.steps)),
    r.secret ?? null,
    el('p', { class: 'ws-hint' }, tr('desk.receiptLookup')));
}
