import ExcelJS from 'exceljs';
import { toCsv } from './csv.js';
import { II06A_COLUMNS, II06A_HEADINGS, type Ii06aReport } from './ii06aReport.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The rows as CSV (UTF-8 with BOM), the total last. */
export function ii06aCsv(report: Ii06aReport): string {
  return toCsv(II06A_COLUMNS, [...report.rows, report.total]);
}

const GROUP_TITLE = { procedure: 'thủ tục hành chính', field: 'lĩnh vực', agency: 'cơ quan' } as const;

/** The form as a workbook: title, period, the Vietnamese headings, one row per group, the total. */
export async function ii06aXlsx(report: Ii06aReport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'onestop';
  const sheet = book.addWorksheet('II.06a');
  sheet.addRow(['Biểu II.06a/VPCP/KSTT: Kết quả giải quyết thủ tục hành chính']);
  sheet.addRow([`Theo ${GROUP_TITLE[report.groupBy]}, từ ${report.from} đến ${report.to}`]);
  sheet.addRow([]);
  const heading = sheet.addRow(II06A_COLUMNS.map((c) => II06A_HEADINGS[c]));
  heading.font = { bold: true };
  for (const r of report.rows) sheet.addRow(II06A_COLUMNS.map((c) => r[c]));
  const total = sheet.addRow(II06A_COLUMNS.map((c) => report.total[c]));
  total.font = { bold: true };
  sheet.getRow(1).font = { bold: true, size: 13 };
  sheet.getColumn(2).width = 40;
  return Buffer.from(await book.xlsx.writeBuffer());
}
