import type { Form06Counts } from '../store/queries/form06Counts.js';

/** One row of the statutory report (form 06) with its derived columns. */
export interface Form06Row extends Form06Counts {
  receivedTotal: number;
  resolvedTotal: number;
  lateWithoutApology: number;
  pendingTotal: number;
  /** Service index (Decision 766) progress ratio; null when nothing was resolved or pending. */
  progressRatio: number | null;
}

export interface Form06Report {
  groupBy: 'procedure' | 'department';
  /** The period as Vietnamese dates, both inclusive. */
  from: string;
  to: string;
  asOf: Date;
  rows: Form06Row[];
  total: Form06Row;
}

const COUNTED: Array<keyof Omit<Form06Counts, 'key' | 'name'>> = [
  'receivedOnline', 'receivedDirect', 'receivedPost', 'carriedOver',
  'resolvedEarly', 'resolvedOnTime', 'resolvedLate', 'lateWithApology',
  'pendingWithinDeadline', 'pendingOverdue', 'withdrawn', 'awaitingSupplement',
];

/**
 * Progress ratio of the service index (Decision 766/QĐ-TTg):
 * (resolved early or on time + pending within deadline) ÷ (resolved + pending).
 */
export function progressRatio(c: Pick<Form06Counts, 'resolvedEarly' | 'resolvedOnTime' | 'resolvedLate' | 'pendingWithinDeadline' | 'pendingOverdue'>): number | null {
  const good = c.resolvedEarly + c.resolvedOnTime + c.pendingWithinDeadline;
  const all = good + c.resolvedLate + c.pendingOverdue;
  // Four decimals: a percentage with two, as published.
  return all === 0 ? null : Math.round((good / all) * 10_000) / 10_000;
}

export function form06Row(c: Form06Counts): Form06Row {
  return {
    ...c,
    receivedTotal: c.carriedOver + c.receivedOnline + c.receivedDirect + c.receivedPost,
    resolvedTotal: c.resolvedEarly + c.resolvedOnTime + c.resolvedLate,
    lateWithoutApology: c.resolvedLate - c.lateWithApology,
    pendingTotal: c.pendingWithinDeadline + c.pendingOverdue,
    progressRatio: progressRatio(c),
  };
}

export function assembleForm06(
  groupBy: Form06Report['groupBy'],
  period: { from: string; to: string; asOf: Date },
  counts: Form06Counts[],
): Form06Report {
  const sum = Object.fromEntries(COUNTED.map((k) => [k, counts.reduce((n, c) => n + c[k], 0)])) as Omit<Form06Counts, 'key' | 'name'>;
  return {
    groupBy,
    from: period.from,
    to: period.to,
    asOf: period.asOf,
    rows: counts.map(form06Row),
    total: form06Row({ key: 'TOTAL', name: 'Tổng cộng', ...sum }),
  };
}

/** Column order of the CSV, the order of the printed form. */
export const FORM06_COLUMNS: Array<keyof Form06Row> = [
  'key', 'name',
  'receivedTotal', 'receivedOnline', 'receivedDirect', 'receivedPost', 'carriedOver',
  'resolvedTotal', 'resolvedEarly', 'resolvedOnTime', 'resolvedLate', 'lateWithApology', 'lateWithoutApology',
  'pendingTotal', 'pendingWithinDeadline', 'pendingOverdue',
  'withdrawn', 'awaitingSupplement', 'progressRatio',
];

/** The CSV's header line in Vietnamese, each column named apart from the others (the printed form groups them). */
export const FORM06_HEADINGS_VI: Record<keyof Form06Row, string> = {
  key: 'Mã', name: 'Tên',
  receivedTotal: 'Nhận giải quyết – tổng số', receivedOnline: 'Nhận – trực tuyến', receivedDirect: 'Nhận – trực tiếp', receivedPost: 'Nhận – bưu chính', carriedOver: 'Kỳ trước chuyển qua',
  resolvedTotal: 'Đã giải quyết – tổng số', resolvedEarly: 'Đã giải quyết – trước hạn', resolvedOnTime: 'Đã giải quyết – đúng hạn', resolvedLate: 'Đã giải quyết – quá hạn',
  lateWithApology: 'Quá hạn có thư xin lỗi', lateWithoutApology: 'Quá hạn không có thư xin lỗi',
  pendingTotal: 'Đang giải quyết – tổng số', pendingWithinDeadline: 'Đang giải quyết – trong hạn', pendingOverdue: 'Đang giải quyết – quá hạn',
  withdrawn: 'Rút hồ sơ', awaitingSupplement: 'Chờ bổ sung', progressRatio: 'Tỷ lệ tiến độ',
};
