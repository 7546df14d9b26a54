// Form 05 of Circular 03/2025: notice that the processing of the dossier is
// stopped (Decree 118/2025 art. 21, at the applicant's request).

import { renderPdf } from './formWriter.js';
import { hourMinuteDate } from './formText.js';
import { DEFAULT_PLACE, type FormOptions } from './formOptions.js';
import type { PrintableDossier } from './printableDossier.js';

export const FORM_05_TITLE = 'THÔNG BÁO VỀ VIỆC DỪNG XỬ LÝ HỒ SƠ';

export function form05Applies(d: PrintableDossier): boolean {
  return d.stop !== null;
}

export function renderForm05(d: PrintableDossier, options: FormOptions): Promise<Buffer> {
  const stop = d.stop;
  if (!stop) throw new RangeError(`dossier ${d.code} was never stopped`);
  return renderPdf({ title: `Mẫu số 05 - ${FORM_05_TITLE}`, subject: d.code, issuedAt: options.issuedAt }, (form) => {
    form.formNumber('Mẫu số 05 (Thông tư 03/2025/TT-VPCP)')
      .heading(d.receivingAgency, d.receivingPoint, options.place ?? DEFAULT_PLACE, options.issuedAt)
      .title(FORM_05_TITLE, `Mã hồ sơ: ${d.code}`)
      .paragraph(`Kính gửi: Ông/Bà ${d.applicant.name}`, { bold: true })
      .paragraph(`${d.receivingPoint} đã tiếp nhận hồ sơ của ông/bà đề nghị giải quyết thủ tục "${d.procedure.name}" (mã thủ tục ${d.procedure.code}) vào lúc ${hourMinuteDate(d.receivedAt)}.`)
      .paragraph(`Theo đề nghị của ông/bà, việc xử lý hồ sơ được dừng kể từ ${hourMinuteDate(stop.at)}.`)
      .field('Lý do', stop.reason)
      .paragraph('Hồ sơ và các giấy tờ đã nộp được trả lại theo quy định. Ông/bà có thể nộp lại hồ sơ khi có nhu cầu.', { italic: true })
      .signatures(null, { title: 'Người tiếp nhận hồ sơ', name: stop.by });
  });
}
