// Form 01 of Circular 03/2025: receipt and appointment slip, handed to the
// applicant at reception with the dossier code and the promised return time.

import { renderPdf } from './formWriter.js';
import { CHANNEL_VI, hourMinuteDate } from './formText.js';
import { DEFAULT_PLACE, type FormOptions } from './formOptions.js';
import type { PrintableDossier } from './printableDossier.js';

export const FORM_01_TITLE = 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ';

/** Every dossier that was received has a receipt; one refused at reception, or filed and not yet checked, does not. */
export function form01Applies(d: PrintableDossier): boolean {
  return d.received;
}

export function renderForm01(d: PrintableDossier, options: FormOptions): Promise<Buffer> {
  return renderPdf({ title: `Mẫu số 01 - ${FORM_01_TITLE}`, subject: d.code, issuedAt: options.issuedAt }, (form) => {
    form.formNumber('Mẫu số 01 (Thông tư 03/2025/TT-VPCP)')
      .heading(d.receivingAgency, d.receivingPoint, options.place ?? DEFAULT_PLACE, options.issuedAt)
      .title(FORM_01_TITLE, `Mã hồ sơ: ${d.code}`)
      .paragraph(`${d.receivingPoint} đã tiếp nhận hồ sơ của:`)
      .field('Ông/Bà', d.applicant.name)
      .field('Số định danh cá nhân', d.applicant.idNumber);
    if (d.applicant.phone) form.field('Số điện thoại', d.applicant.phone);
    if (d.applicant.email) form.field('Thư điện tử', d.applicant.email);
    if (d.applicant.address) form.field('Địa chỉ', d.applicant.address);
    form.field('Nội dung yêu cầu giải quyết', `${d.procedure.name} (mã thủ tục ${d.procedure.code})`)
      .field('Hình thức nộp hồ sơ', CHANNEL_VI[d.channel] ?? d.channel)
      .field('Cơ quan giải quyết', d.handlingAgency)
      .field('Thời gian nhận hồ sơ', hourMinuteDate(d.receivedAt))
      .field('Thời gian trả kết quả giải quyết hồ sơ', hourMinuteDate(d.dueAt))
      .field('Nhận kết quả tại', d.receivingPoint);
    if (d.ruleSet) form.field('Quy định áp dụng', `${d.ruleSet.name} (${d.ruleSet.id})`);
    if (options.lookupUrl) form.linkWithQr(options.lookupUrl, 'Tra cứu tình trạng giải quyết hồ sơ: quét mã QR hoặc mở địa chỉ');
    else form.paragraph('Tra cứu tình trạng giải quyết hồ sơ bằng mã hồ sơ trên Cổng Dịch vụ công.', { italic: true });
    form.signatures({ title: 'Người nộp hồ sơ' }, { title: 'Người tiếp nhận hồ sơ', name: d.receivedBy });
  });
}
