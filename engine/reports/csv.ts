// RFC 4180 CSV. Spreadsheet programs open a UTF-8 file with Vietnamese names
// correctly only when it starts with a byte-order mark, hence the BOM.

const BOM = '\uFEFF';

export interface CsvOptions<T> {
  /** The header line's words per column (default: the column's name). */
  headings?: Partial<Record<keyof T, string>>;
  /**
   * Numbers with a decimal comma (0,6), as a spreadsheet set to Vietnamese
   * reads them; the cells are then separated by semicolons, as that
   * spreadsheet expects.
   */
  decimalComma?: boolean;
}

function cell(value: unknown, separator: string, decimalComma: boolean): string {
  if (value === null || value === undefined) return '';
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (decimalComma && typeof value === 'number') text = text.replace('.', ',');
  // A leading = + - @ would run as a formula in a spreadsheet (CSV injection); names are text.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return new RegExp(`["${separator}\r\n]`).test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv<T extends object>(columns: ReadonlyArray<keyof T>, rows: readonly T[], options: CsvOptions<T> = {}): string {
  const separator = options.decimalComma ? ';' : ',';
  const comma = options.decimalComma ?? false;
  const heading = (c: keyof T) => options.headings?.[c] ?? String(c);
  const lines = [columns.map((c) => cell(heading(c), separator, false)).join(separator), ...rows.map((r) => columns.map((c) => cell(r[c], separator, comma)).join(separator))];
  return BOM + lines.join('\r\n') + '\r\n';
}
