// Form 02 of Circular 03/2025: request to supplement and complete the
// dossier, with its reason and the person to contact (guidance given once, in full).

import { renderPdf } from './formWriter.js';
import { hourMinuteDate } from './formText.js';
import { DEFAULT_PLACE, type FormOptions } from './formOptions.js';
import type { PrintableDossier } from './printableDossier.js';

export const FORM_02_TITLE = 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ';

export function form02Applies(d: PrintableDossier): boolean {
  return d.supplements.length > 0;
}

/** Prints the latest request (a second one is itself a fact the index counts). */
export function renderForm02(d: PrintableDossier, options: FormOptions): Promise<Buffer> {
  const request = d.supplements.at(-1);
  if (!request) throw new RangeError(`dossier ${d.code} was never asked to supplement`);
  return renderPdf({ title: `Mẫu số 02 - ${FORM_02_TITLE}`, subject: d.code, issuedAt: options.issuedAt }, (form) => {
    form.formNumber('Mẫu số 02 (Thông tư 03/2025/TT-VPCP)')
      .heading(d.receivingAgency, request.department, options.place ?? DEFAULT_PLACE, options.issuedAt)
      .title(FORM_02_TITLE, `Mã hồ sơ: ${d.code}`)
      .field('Hồ sơ của', `${d.applicant.name} (số định danh ${d.applicant.idNumber})`)
      .field('Nội dung yêu cầu giải quyết', `${d.procedure.name} (mã thủ tục ${d.procedure.code})`)
      .field('Ngày tiếp nhận', hourMinuteDate(d.receivedAt))
      .paragraph('Sau khi xem xét, đề nghị ông/bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:')
      .list(request.items.length ? request.items : ['(theo lý do nêu dưới đây)'])
      .field('Lý do', request.reason)
      .field('Người liên hệ', request.contactPerson)
      .field('Thời điểm yêu cầu', hourMinuteDate(request.requestedAt))
      .paragraph('Thời gian bổ sung hồ sơ không tính vào thời hạn giải quyết. Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, ông/bà liên hệ người nêu trên để được hướng dẫn.', { italic: true })
      .signatures(null, { title: 'Người hướng dẫn', name: request.requestedBy });
  });
}
