import type { Queryable } from '../store/db.js';
import { form06Counts } from '../store/queries/form06Counts.js';
import { assembleForm06 } from '../reports/form06Report.js';

export interface ReportPeriod {
  /** Vietnamese dates, both included. */
  from: string;
  to: string;
  /** Start of `from` and of the day after `to`. */
  start: Date;
  end: Date;
  /** What overdue is measured at: the end of the period, or now if it is not over. */
  asOf: Date;
}

/** Form 06 for a period, one row per procedure or per department. */
export async function form06(db: Queryable, groupBy: 'procedure' | 'department', period: ReportPeriod) {
  return assembleForm06(groupBy, period, await form06Counts(db, groupBy, period));
}
