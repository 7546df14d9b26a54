// How the forms write times and outcomes: Vietnamese wording, Vietnam time
// (UTC+7, no daylight saving), as the forms of Circular 03/2025 print them.

import type { Timeliness } from '../timeliness/classifyTimeliness.js';

const VIETNAM_OFFSET_MS = 7 * 3_600_000;

function parts(t: Date) {
  const local = new Date(t.getTime() + VIETNAM_OFFSET_MS);
  const two = (n: number) => String(n).padStart(2, '0');
  return {
    hour: two(local.getUTCHours()),
    minute: two(local.getUTCMinutes()),
    day: two(local.getUTCDate()),
    month: two(local.getUTCMonth() + 1),
    year: String(local.getUTCFullYear()),
  };
}

/** "09 giờ 30 phút, ngày 02 tháng 03 năm 2026" */
export function hourMinuteDate(t: Date | null): string {
  if (!t) return '…';
  const p = parts(t);
  return `${p.hour} giờ ${p.minute} phút, ngày ${p.day} tháng ${p.month} năm ${p.year}`;
}

/** "ngày 02 tháng 03 năm 2026" */
export function longDate(t: Date): string {
  const p = parts(t);
  return `ngày ${p.day} tháng ${p.month} năm ${p.year}`;
}

/** "09:30 02/03/2026" for table cells. */
export function shortDateTime(t: Date | null): string {
  if (!t) return '';
  const p = parts(t);
  return `${p.hour}:${p.minute} ${p.day}/${p.month}/${p.year}`;
}

export const TIMELINESS_VI: Record<Timeliness, string> = {
  early: 'Trước hạn',
  on_time: 'Đúng hạn',
  late: 'Quá hạn',
};

export const CHANNEL_VI: Record<string, string> = {
  direct: 'Trực tiếp',
  online: 'Trực tuyến',
  post: 'Qua dịch vụ bưu chính',
};
