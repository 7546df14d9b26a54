// Form 04 of Circular 03/2025: apology and request to extend the processing
// time, from the head of the responsible agency, with the new appointment
// (moved no more than once, sent at least one day before the due date).

import { renderPdf } from './formWriter.js';
import { hourMinuteDate } from './formText.js';
import { DEFAULT_PLACE, type FormOptions } from './formOptions.js';
import type { PrintableDossier } from './printableDossier.js';

export const FORM_04_TITLE = 'PHIẾU XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT HỒ SƠ';

export function form04Applies(d: PrintableDossier): boolean {
  return d.apologies.length > 0;
}

export function renderForm04(d: PrintableDossier, options: FormOptions): Promise<Buffer> {
  const apology = d.apologies.at(-1);
  if (!apology) throw new RangeError(`dossier ${d.code} has no apology`);
  return renderPdf({ title: `Mẫu số 04 - ${FORM_04_TITLE}`, subject: d.code, issuedAt: options.issuedAt }, (form) => {
    form.formNumber('Mẫu số 04 (Thông tư 03/2025/TT-VPCP)')
      .heading(d.handlingAgency, apology.responsibleUnit, options.place ?? DEFAULT_PLACE, options.issuedAt)
      .title(FORM_04_TITLE, `Mã hồ sơ: ${d.code}`)
      .paragraph(`Kính gửi: Ông/Bà ${d.applicant.name}`, { bold: true })
      .paragraph(`Ngày ${hourMinuteDate(d.receivedAt)}, ${d.receivingPoint} tiếp nhận hồ sơ của ông/bà đề nghị giải quyết thủ tục "${d.procedure.name}" (mã hồ sơ ${d.code}); thời gian hẹn trả kết quả: ${hourMinuteDate(apology.previousDueAt)}.`)
      .paragraph(`Tuy nhiên đến nay, ${apology.responsibleUnit} chưa giải quyết xong hồ sơ của ông/bà.`)
      .field('Lý do', apology.reason)
      .field('Đơn vị để xảy ra chậm', apology.responsibleUnit)
      .paragraph(`Sự chậm trễ này đã gây phiền hà, tốn kém cho ông/bà. ${d.handlingAgency} trân trọng xin lỗi và đề nghị gia hạn thời gian giải quyết hồ sơ.`)
      .field('Thời gian hẹn trả kết quả mới', hourMinuteDate(apology.newDueAt))
      .field('Ngày gửi phiếu', hourMinuteDate(apology.issuedAt))
      .paragraph('Thời gian hẹn trả kết quả chỉ được điều chỉnh một lần. Rất mong nhận được sự thông cảm của ông/bà.', { italic: true })
      .signatures(null, { title: 'Thủ trưởng cơ quan', note: '(Ký, ghi rõ họ tên, đóng dấu hoặc ký số)' });
  });
}
