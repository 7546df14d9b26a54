// Form 03 of Circular 03/2025: refusal to receive and resolve the dossier,
// with every reason.

import { renderPdf } from './formWriter.js';
import { hourMinuteDate } from './formText.js';
import { DEFAULT_PLACE, type FormOptions } from './formOptions.js';
import type { PrintableDossier } from './printableDossier.js';

export const FORM_03_TITLE = 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ';

export function form03Applies(d: PrintableDossier): boolean {
  return d.refusal !== null;
}

export function renderForm03(d: PrintableDossier, options: FormOptions): Promise<Buffer> {
  const refusal = d.refusal;
  if (!refusal) throw new RangeError(`dossier ${d.code} was never refused`);
  return renderPdf({ title: `Mẫu số 03 - ${FORM_03_TITLE}`, subject: d.code, issuedAt: options.issuedAt }, (form) => {
    form.formNumber('Mẫu số 03 (Thông tư 03/2025/TT-VPCP)')
      .heading(d.receivingAgency, d.receivingPoint, options.place ?? DEFAULT_PLACE, options.issuedAt)
      .title(FORM_03_TITLE, `Mã hồ sơ: ${d.code}`)
      .paragraph(`${d.receivingPoint} đã nhận hồ sơ của:`)
      .field('Ông/Bà', `${d.applicant.name} (số định danh ${d.applicant.idNumber})`)
      .field('Nội dung yêu cầu giải quyết', `${d.procedure.name} (mã thủ tục ${d.procedure.code})`)
      .field('Thời gian nhận hồ sơ', hourMinuteDate(d.receivedAt))
      .paragraph('Qua xem xét, cơ quan, đơn vị thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:')
      .list(refusal.reasons.length ? refusal.reasons : ['(không ghi lý do)'])
      .field('Thời điểm từ chối', hourMinuteDate(refusal.at))
      .paragraph('Xin thông báo để ông/bà được biết và thực hiện.', { italic: true })
      .signatures(null, { title: 'Người tiếp nhận hồ sơ', name: refusal.by });
  });
}
