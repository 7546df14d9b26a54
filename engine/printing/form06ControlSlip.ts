// Form 06 of Circular 03/2025: the control slip of the dossier's handling.
// Header: dossier code, handling and coordinating agencies, reception and
// promised return to the minute; then one row per handover with who handed
// over and who received, when, and the leg's result against its own allotment.

import { renderPdf } from './formWriter.js';
import { hourMinuteDate, shortDateTime, TIMELINESS_VI } from './formText.js';
import { DEFAULT_PLACE, type FormOptions } from './formOptions.js';
import type { PrintableDossier, PrintableHandover } from './printableDossier.js';

export const FORM_06_TITLE = 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ';

/** Every received dossier has its control slip, even before its first handover. */
export function form06Applies(d: PrintableDossier): boolean {
  return d.received;
}

function party(p: { unit: string; person: string | null }): string {
  return p.person ? `${p.unit} (${p.person})` : p.unit;
}

function row(h: PrintableHandover, i: number): string[] {
  return [
    `${i + 1}. Giao: ${party(h.handedOverBy)}\nNhận: ${party(h.receivedBy)}`,
    `Giao nhận: ${shortDateTime(h.handedOverAt)}${h.dueAt ? `\nHạn: ${shortDateTime(h.dueAt)}` : ''}${h.completedAt ? `\nXong: ${shortDateTime(h.completedAt)}` : ''}`,
    h.timeliness ? TIMELINESS_VI[h.timeliness] : 'Đang xử lý',
    h.note,
  ];
}

export function renderForm06(d: PrintableDossier, options: FormOptions): Promise<Buffer> {
  return renderPdf({ title: `Mẫu số 06 - ${FORM_06_TITLE}`, subject: d.code, issuedAt: options.issuedAt }, (form) => {
    form.formNumber('Mẫu số 06 (Thông tư 03/2025/TT-VPCP)')
      .heading(d.receivingAgency, d.receivingPoint, options.place ?? DEFAULT_PLACE, options.issuedAt)
      .title(FORM_06_TITLE)
      .field('Mã hồ sơ', d.code)
      .field('Người nộp hồ sơ', `${d.applicant.name} (số định danh ${d.applicant.idNumber})`)
      .field('Thủ tục', `${d.procedure.name} (mã thủ tục ${d.procedure.code})`)
      .field('Cơ quan giải quyết hồ sơ', d.handlingAgency)
      .field('Cơ quan phối hợp giải quyết hồ sơ', d.coordinatingAgencies.join('; ') || 'Không')
      .field('Thời gian nhận hồ sơ', hourMinuteDate(d.receivedAt))
      .field('Thời gian hẹn trả kết quả', hourMinuteDate(d.dueAt))
      .table(
        [
          { header: 'Tên cơ quan, đơn vị, người giao và người nhận hồ sơ', weight: 36 },
          { header: 'Thời gian giao, nhận hồ sơ', weight: 24 },
          { header: 'Kết quả giải quyết (trước hạn / đúng hạn / quá hạn)', weight: 18 },
          { header: 'Ghi chú', weight: 22 },
        ],
        d.handovers.map(row),
      );
  });
}
