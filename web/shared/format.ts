// Dates, times and durations as a Vietnamese office writes them: dd/MM/yyyy,
// 24-hour time, Asia/Ho_Chi_Minh (UTC+7, no daylight saving) whatever the
// browser's zone, and durations in working hours ("giờ làm việc"). Pure, so
// the unit tests run them in node (test/workspace/workspaceUnits.test.ts).

import type { Lang } from './i18n/i18n.js';

const VN_OFFSET_MS = 7 * 3_600_000;
const HOUR_MS = 3_600_000;

const pad = (n: number) => String(n).padStart(2, '0');

function vnParts(value: string | Date): { y: number; m: number; d: number; hh: number; mm: number } | null {
  const t = value instanceof Date ? value.getTime() : Date.parse(value);
  if (Number.isNaN(t)) return null;
  const v = new Date(t + VN_OFFSET_MS);
  return { y: v.getUTCFullYear(), m: v.getUTCMonth() + 1, d: v.getUTCDate(), hh: v.getUTCHours(), mm: v.getUTCMinutes() };
}

/** 02/03/2026 (a plain YYYY-MM-DD date is taken as written). */
export function formatDate(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-');
    return `${d}/${m}/${y}`;
  }
  const p = vnParts(value);
  return p ? `${pad(p.d)}/${pad(p.m)}/${p.y}` : String(value);
}

/** 02/03/2026 09:30 (Vietnam time): the one way both the designer and the workspace write an instant. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const p = vnParts(value);
  return p ? `${pad(p.d)}/${pad(p.m)}/${p.y} ${pad(p.hh)}:${pad(p.mm)}` : String(value);
}

/** The Vietnamese date (YYYY-MM-DD) of an instant. */
export function vnDay(value: string | Date): string {
  const p = vnParts(value);
  return p ? `${p.y}-${pad(p.m)}-${pad(p.d)}` : '';
}

/** A number with the language's decimal mark: 1,5 in Vietnamese, 1.5 in English. */
export function formatNumber(n: number, lang: Lang, decimals = 1): string {
  const factor = 10 ** decimals;
  const rounded = Math.round(n * factor) / factor;
  const text = String(rounded);
  return lang === 'vi' ? text.replace('.', ',') : text;
}

/** 1,5 giờ làm việc · 1.5 working hours (one decimal; whole hours without one). */
export function formatWorkingHours(ms: number, lang: Lang): string {
  const hours = Math.abs(ms) / HOUR_MS;
  const n = formatNumber(hours, lang, hours < 10 ? 1 : 0);
  if (lang === 'vi') return `${n} giờ làm việc`;
  return `${n} working ${n === '1' ? 'hour' : 'hours'}`;
}

/**
 * còn 2 giờ làm việc · quá hạn 1,5 giờ làm việc (and the English). `overdue`:
 * the deadline has passed though no working time has run since (out of
 * office hours): "quá hạn", never "còn 0 giờ làm việc".
 */
export function formatTimeLeft(ms: number | null, lang: Lang, overdue = false): string {
  if (ms === null) return lang === 'vi' ? 'không có hạn' : 'no deadline';
  if (overdue && ms >= 0) return lang === 'vi' ? 'quá hạn' : 'overdue';
  const amount = formatWorkingHours(ms, lang);
  if (ms < 0) return lang === 'vi' ? `quá hạn ${amount}` : `${amount} overdue`;
  return lang === 'vi' ? `còn ${amount}` : `${amount} left`;
}

/** 87,5% · 87.5% (null: no dossier to measure). */
export function formatPercent(ratio: number | null, lang: Lang): string {
  if (ratio === null || Number.isNaN(ratio)) return '—';
  return `${formatNumber(ratio * 100, lang, 1)}%`;
}

/** A ISO date-time for a date input's day at a time of day in Vietnam (a new promised date at 17:00). */
export function vnDateTimeIso(day: string, time = '17:00'): string {
  return new Date(`${day}T${time}:00+07:00`).toISOString();
}

/** The value of a datetime-local input (read as Vietnam time) as ISO. */
export function localInputToIso(value: string): string {
  return new Date(`${value.length === 16 ? `${value}:00` : value}+07:00`).toISOString();
}

/** The next working-looking day after `day` (Monday to Friday; the server has the real calendar). */
export function nextWeekday(day: string): string {
  let t = Date.parse(`${day}T00:00:00Z`);
  do t += 86_400_000; while ([0, 6].includes(new Date(t).getUTCDay()));
  return new Date(t).toISOString().slice(0, 10);
}

/** The file name a Content-Disposition header gives, if any. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const m = disposition && /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  return m ? decodeURIComponent(m[1]) : fallback;
}

/** "11/03/2026" (or "1/3/2026", or already "2026-03-11") → "2026-03-11"; null when it is no real date. */
export function parseVnDate(text: string): string | null {
  const t = text.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (match) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t))) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** "11/03/2026 14:30" (Vietnam time) → ISO; null when it is not one. */
export function parseVnDateTime(text: string): string | null {
  const match = /^(.+?)\s+(\d{1,2}):(\d{2})$/.exec(text.trim());
  const day = parseVnDate(match ? match[1] : text);
  if (!day) return null;
  const [hh, mm] = match ? [Number(match[2]), Number(match[3])] : [0, 0];
  if (hh > 23 || mm > 59) return null;
  return new Date(`${day}T${pad(hh)}:${pad(mm)}:00+07:00`).toISOString();
}
