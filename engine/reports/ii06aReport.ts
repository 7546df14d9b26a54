import type { PeriodDossier } from '../store/queries/ii06aDossiers.js';
import { classifyTimeliness } from '../timeliness/classifyTimeliness.js';
import { processingEnd } from '../portal/portalRecord.js';

// Biểu II.06a/VPCP/KSTT (Circular 01/2020/TT-VPCP): the results of handling
// dossiers in a period, grouped by procedure, field (lĩnh vực) or agency.
// Pure: the dossiers of the period in, the counts out.

export type Ii06aGroupBy = 'procedure' | 'field' | 'agency';

export interface Ii06aRow {
  key: string;
  name: string;
  receivedTotal: number;
  receivedOnline: number;
  receivedDirect: number;
  receivedPost: number;
  carriedOver: number;
  resolvedTotal: number;
  resolvedEarly: number;
  resolvedOnTime: number;
  resolvedLate: number;
  pendingTotal: number;
  pendingWithinDeadline: number;
  pendingOverdue: number;
  withdrawn: number;
  stopped: number;
}

export interface Ii06aPeriod {
  from: string;
  to: string;
  start: Date;
  end: Date;
  /** What overdue is measured at: the end of the period, or now if it is not over. */
  asOf: Date;
}

export const II06A_COLUMNS: Array<keyof Ii06aRow> = [
  'key', 'name',
  'receivedTotal', 'receivedOnline', 'receivedDirect', 'receivedPost', 'carriedOver',
  'resolvedTotal', 'resolvedEarly', 'resolvedOnTime', 'resolvedLate',
  'pendingTotal', 'pendingWithinDeadline', 'pendingOverdue',
  'withdrawn', 'stopped',
];

/** Vietnamese column headings of the form, for the exports. */
export const II06A_HEADINGS: Record<keyof Ii06aRow, string> = {
  key: 'Mã', name: 'Tên',
  receivedTotal: 'Tổng số hồ sơ tiếp nhận', receivedOnline: 'Trực tuyến', receivedDirect: 'Trực tiếp', receivedPost: 'Dịch vụ bưu chính', carriedOver: 'Từ kỳ trước chuyển sang',
  resolvedTotal: 'Tổng số đã giải quyết', resolvedEarly: 'Trước hạn', resolvedOnTime: 'Đúng hạn', resolvedLate: 'Quá hạn',
  pendingTotal: 'Tổng số đang giải quyết', pendingWithinDeadline: 'Trong hạn', pendingOverdue: 'Quá hạn',
  withdrawn: 'Rút hồ sơ', stopped: 'Dừng xử lý',
};

const UNASSIGNED_FIELD = 'chưa phân lĩnh vực';

/** Where one dossier falls in the period: its cells of the form. */
export type Ii06aCell = keyof Omit<Ii06aRow, 'key' | 'name' | 'receivedTotal' | 'resolvedTotal' | 'pendingTotal'>;

export function cellsOf(d: PeriodDossier, p: Ii06aPeriod): Ii06aCell[] {
  const cells: Ii06aCell[] = [];
  if (d.receivedAt < p.start) cells.push('carriedOver');
  else cells.push(d.channel === 'online' ? 'receivedOnline' : d.channel === 'post' ? 'receivedPost' : 'receivedDirect');
  const inPeriod = (x: Date | null) => x !== null && x.getTime() >= p.start.getTime() && x.getTime() < p.end.getTime();
  if (inPeriod(d.resolvedAt)) {
    const timeliness = classifyTimeliness(d.resolvedAt!, d.dueAt);
    cells.push(timeliness === 'early' ? 'resolvedEarly' : timeliness === 'on_time' ? 'resolvedOnTime' : 'resolvedLate');
  } else if (inPeriod(d.withdrawnAt)) cells.push('withdrawn');
  else if (inPeriod(d.stoppedAt)) cells.push('stopped');
  else {
    // Pending at the end (nothing of it finished before the period). One
    // waiting for the citizen's supplement has its clock stopped: within.
    const waiting = d.openSupplementSince !== null;
    cells.push(!waiting && d.dueAt && p.asOf.getTime() > d.dueAt.getTime() ? 'pendingOverdue' : 'pendingWithinDeadline');
  }
  return cells;
}

export function groupKey(d: PeriodDossier, groupBy: Ii06aGroupBy): { key: string; name: string } {
  if (groupBy === 'procedure') return { key: d.procedureCode, name: d.procedureName };
  if (groupBy === 'field') return { key: d.field ?? UNASSIGNED_FIELD, name: d.field ?? UNASSIGNED_FIELD };
  return { key: d.agency, name: d.agency };
}

function emptyRow(key: string, name: string): Ii06aRow {
  return { ...(Object.fromEntries(II06A_COLUMNS.map((c) => [c, 0])) as unknown as Ii06aRow), key, name };
}

function add(row: Ii06aRow, cells: Ii06aCell[]) {
  for (const c of cells) row[c]++;
  row.receivedTotal = row.receivedOnline + row.receivedDirect + row.receivedPost + row.carriedOver;
  row.resolvedTotal = row.resolvedEarly + row.resolvedOnTime + row.resolvedLate;
  row.pendingTotal = row.pendingWithinDeadline + row.pendingOverdue;
}

export interface Ii06aReport {
  groupBy: Ii06aGroupBy;
  from: string;
  to: string;
  asOf: Date;
  rows: Ii06aRow[];
  total: Ii06aRow;
}

export function assembleIi06a(groupBy: Ii06aGroupBy, p: Ii06aPeriod, dossiers: readonly PeriodDossier[]): Ii06aReport {
  const rows = new Map<string, Ii06aRow>();
  const total = emptyRow('TOTAL', 'Tổng số');
  for (const d of dossiers) {
    const cells = cellsOf(d, p);
    const g = groupKey(d, groupBy);
    const row = rows.get(g.key) ?? emptyRow(g.key, g.name);
    rows.set(g.key, row);
    add(row, cells);
    add(total, cells);
  }
  return { groupBy, from: p.from, to: p.to, asOf: p.asOf, rows: [...rows.values()].sort((a, b) => a.key.localeCompare(b.key)), total };
}

// ── The service index of Decision 766/QĐ-TTg, from the same dossiers ──

export interface ProgressVerdict {
  code: string;
  onTime: boolean;
  /** Why, in a few words (the dashboard lists the dossiers behind the figure). */
  why: string;
}

/**
 * One dossier's progress verdict, as the national portal scores it: the
 * processing end (`NgayKetThucXuLy`, or the request date while a supplement
 * is awaited, or the end of the period for a dossier still open) less the
 * time paused for supplements and fees, against the date promised at
 * reception. More than one supplement request counts as overdue.
 */
export function progressVerdict(d: PeriodDossier, p: Ii06aPeriod): ProgressVerdict {
  if (d.supplements > 1) return { code: d.code, onTime: false, why: `${d.supplements} supplement requests` };
  const ended = processingEnd(d);
  const end = ended && ended < p.asOf ? ended : d.openSupplementSince ?? p.asOf;
  const promised = d.originalDueAt ?? d.dueAt;
  if (!promised) return { code: d.code, onTime: true, why: 'no time limit' };
  const counted = end.getTime() - d.supplementPausedMs - d.feePausedMs;
  const onTime = counted <= promised.getTime();
  const state = ended && ended < p.asOf ? 'ended' : d.openSupplementSince ? 'waiting for a supplement since' : 'open at';
  return { code: d.code, onTime, why: `${state} ${end.toISOString()}${d.supplementPausedMs + d.feePausedMs ? `, ${Math.round((d.supplementPausedMs + d.feePausedMs) / 60_000)} min paused` : ''}; promised ${promised.toISOString()}` };
}

export interface IndexGroup {
  /** The group's maximum points in Decision 766. */
  max: number;
  /** Points; null when our data does not hold the inputs. */
  score: number | null;
  formula: string;
  numerator: number;
  denominator: number;
  /** The dossiers behind the figure: counted in the numerator, and the others. */
  counted: string[];
  notCounted: string[];
  note?: string;
}

export interface ServiceIndex {
  from: string;
  to: string;
  asOf: Date;
  progress: IndexGroup & { verdicts: ProgressVerdict[] };
  online: IndexGroup;
  onlinePayment: IndexGroup;
  digitisation: IndexGroup;
}

const points = (max: number, share: number, fullAt = 1) => Math.round(max * Math.min(1, share / fullAt) * 100) / 100;

function group(max: number, formula: string, members: Array<{ code: string; yes: boolean }>, score: (share: number) => number | null, note?: string): IndexGroup {
  const counted = members.filter((m) => m.yes).map((m) => m.code);
  const notCounted = members.filter((m) => !m.yes).map((m) => m.code);
  const share = members.length ? counted.length / members.length : 0;
  return { max, score: members.length ? score(share) : null, formula, numerator: counted.length, denominator: members.length, counted, notCounted, ...(note ? { note } : {}) };
}

export function serviceIndex(p: Ii06aPeriod, dossiers: readonly PeriodDossier[], documents: { digitised: Set<string> } | null): ServiceIndex {
  const verdicts = dossiers.map((d) => progressVerdict(d, p));
  const receivedInPeriod = dossiers.filter((d) => d.receivedAt >= p.start);
  const feeBearing = dossiers.filter((d) => d.feeRequested);
  // Online filings need no scan (Circular 03 art. 5): digitisation counts the papers received at the desk or by post.
  const paper = receivedInPeriod.filter((d) => d.channel !== 'online');
  return {
    from: p.from,
    to: p.to,
    asOf: p.asOf,
    progress: {
      ...group(20, '20 × (resolved on time + pending within deadline) ÷ (all received or processed in the period); on time: processing end − supplement and fee pauses ≤ promised date; more than one supplement is overdue',
        verdicts.map((v) => ({ code: v.code, yes: v.onTime })), (share) => points(20, share)),
      verdicts,
    },
    online: group(12, '12 × min(1, dossiers filed online ÷ dossiers received in the period ÷ 50%)',
      receivedInPeriod.map((d) => ({ code: d.code, yes: d.channel === 'online' })), (share) => points(12, share, 0.5)),
    onlinePayment: group(10, '6 × A, A = fee-bearing dossiers paid online ÷ fee-bearing dossiers (the parts 2.5B and 2.5C need inputs this system does not hold)',
      feeBearing.map((d) => ({ code: d.code, yes: d.paidOnline })), (share) => Math.round(6 * share * 100) / 100,
      'only the 6A part is computed: B (procedures with online payment) and C (payment data shared with the portal) are not held here'),
    digitisation: documents
      ? group(22, '22 × min(1, paper dossiers with their papers scanned at reception ÷ paper dossiers received in the period ÷ 80%)',
          paper.map((d) => ({ code: d.code, yes: documents.digitised.has(d.code) })), (share) => points(22, share, 0.8))
      : { max: 22, score: null, formula: 'needs the dossier documents (scans at reception)', numerator: 0, denominator: 0, counted: [], notCounted: [], note: 'no document store in this database' },
  };
}
