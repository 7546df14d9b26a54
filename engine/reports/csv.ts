// RFC 4180 CSV. Spreadsheet programs open a UTF-8 file with Vietnamese names
// correctly only when it starts with a byte-order mark, hence the BOM.

const BOM = '\uFEFF';

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = value instanceof Date ? value.toISOString() : String(value);
  // A leading = + - @ would run as a formula in a spreadsheet (CSV injection); names are text.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv<T extends object>(columns: ReadonlyArray<keyof T>, rows: readonly T[]): string {
  const lines = [columns.map((c) => cell(String(c))).join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))];
  return BOM + lines.join('\r\n') + '\r\n';
}
