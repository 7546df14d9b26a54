import type { Queryable } from '../db.js';

/** The counted columns of form 06 for one group; derived columns are computed in engine/reports. */
export interface Form06Counts {
  key: string;
  name: string;
  receivedOnline: number;
  receivedDirect: number;
  receivedPost: number;
  carriedOver: number;
  resolvedEarly: number;
  resolvedOnTime: number;
  resolvedLate: number;
  lateWithApology: number;
  pendingWithinDeadline: number;
  pendingOverdue: number;
  withdrawn: number;
  awaitingSupplement: number;
}

export interface Form06Period {
  /** Inclusive start. */
  start: Date;
  /** Exclusive end. Pending = not finished before it (nothing finishes after now, so an unfinished period works too). */
  end: Date;
  /** What overdue is measured at: the end of the period, or now if it is not over. */
  asOf: Date;
}

// Both groupings read the flows kept in the transaction of every change
// (migrations 0007 and 0023): received per channel, finished, resolved by
// timeliness, withdrawn, and the overdue flows. A period [S, E) and what came
// before it are summed from the monthly rows for their whole months and from
// the daily rows for the days at their edges. From those sums: the period's
// flows, what was carried over (received − finished before S), what is
// pending at E (received − finished before E) and what is overdue at E
// (overdue started − ended before E). A period not over is measured now: its
// overdue are the unfinished rows due before now, those due before today
// from the "open due" flows (each unfinished row on the day of its due time)
// and those due earlier today from a partial index of the unfinished rows. The rows waiting for a supplement at E (pending, never
// overdue) are few and read here. The columns mean what form06Scopes.ts says:
// the lists behind each cell (form06Members.ts) read the rows there, and the
// tests hold both to the same numbers. The period's bounds are the starts of
// Vietnamese days, as the routes give them; asOf is E, or now if E is later.
const DAY = (param: string) => `(${param}::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;
const S = DAY('$1');
const E = DAY('$2');
/** The first day of the month of a day, and of the first month starting on or after it. */
const monthOf = (day: string) => `date_trunc('month', ${day})::date`;
const monthFrom = (day: string) => `(date_trunc('month', ${day} - 1) + interval '1 month')::date`;
const FLOW_COLUMNS = 'received, received_online, received_direct, received_post, finished, resolved_early, resolved_on_time, resolved_late, late_with_apology, withdrawn, overdue_started, overdue_ended';
const sums = (days: string, months: string, key: string) => `
  SELECT f.key,
         sum(f.received) FILTER (WHERE f.in_period) AS received,
         sum(f.received_online) FILTER (WHERE f.in_period) AS received_online,
         sum(f.received_direct) FILTER (WHERE f.in_period) AS received_direct,
         sum(f.received_post) FILTER (WHERE f.in_period) AS received_post,
         sum(f.received - f.finished) FILTER (WHERE NOT f.in_period) AS carried_over,
         sum(f.resolved_early) FILTER (WHERE f.in_period) AS resolved_early,
         sum(f.resolved_on_time) FILTER (WHERE f.in_period) AS resolved_on_time,
         sum(f.resolved_late) FILTER (WHERE f.in_period) AS resolved_late,
         sum(f.late_with_apology) FILTER (WHERE f.in_period) AS late_with_apology,
         sum(f.withdrawn) FILTER (WHERE f.in_period) AS withdrawn,
         sum(f.received - f.finished) AS pending,
         sum(f.overdue_started - f.overdue_ended) AS overdue
    FROM (SELECT m.${key} AS key, m.month >= ${monthFrom(S)} AS in_period, ${FLOW_COLUMNS}
            FROM ${months} m
           WHERE m.month < ${monthOf(E)} AND (m.month < ${monthOf(S)} OR m.month >= ${monthFrom(S)})
          UNION ALL
          SELECT s.${key}, s.day >= ${S}, ${FLOW_COLUMNS}
            FROM ${days} s
           WHERE s.day >= ${monthOf(S)} AND s.day < ${E} AND NOT (s.day >= ${monthFrom(S)} AND s.day < ${monthOf(E)})) f
   GROUP BY f.key`;

// A period not over: the unfinished rows due before now (asOf), per key.
const TODAY = DAY('$3');
const TODAY_START = `(${TODAY}::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`;
const openOverdue = (days: string, months: string, key: string, dueToday: string) => `
  SELECT o.key, sum(o.n) AS n
    FROM (SELECT m.${key} AS key, m.open_due AS n FROM ${months} m WHERE m.month < ${monthOf(TODAY)} AND $3 < $2
          UNION ALL
          SELECT s.${key}, s.open_due FROM ${days} s WHERE s.day >= ${monthOf(TODAY)} AND s.day < ${TODAY} AND $3 < $2
          UNION ALL
          ${dueToday} AND $3 < $2) o
   GROUP BY o.key`;

// Waiting for the citizen's supplement at the end: clocks stopped, pending, never overdue.
const AWAITING_AT_END = `SELECT s.dossier_id FROM supplements s
                WHERE s.requested_at < $2 AND (s.received_at IS NULL OR s.received_at >= $2)`;
const COLUMNS = `COALESCE(days.received_online, 0)::int AS "receivedOnline",
  COALESCE(days.received_direct, 0)::int AS "receivedDirect",
  COALESCE(days.received_post, 0)::int AS "receivedPost",
  COALESCE(days.carried_over, 0)::int AS "carriedOver",
  COALESCE(days.resolved_early, 0)::int AS "resolvedEarly",
  COALESCE(days.resolved_on_time, 0)::int AS "resolvedOnTime",
  COALESCE(days.resolved_late, 0)::int AS "resolvedLate",
  COALESCE(days.late_with_apology, 0)::int AS "lateWithApology",
  (COALESCE(days.pending, 0) - overdue.n)::int AS "pendingWithinDeadline",
  overdue.n::int AS "pendingOverdue",
  COALESCE(days.withdrawn, 0)::int AS withdrawn,
  COALESCE(awaiting.n, 0)::int AS "awaitingSupplement"`;
// Overdue at the end: from the flows when the period is over (asOf = E), else
// the unfinished rows due before now; less those waiting for a supplement.
const OVERDUE = `CROSS JOIN LATERAL (SELECT CASE WHEN $3 >= $2 THEN COALESCE(days.overdue, 0) ELSE COALESCE(open_overdue.n, 0) END
                                  - COALESCE(awaiting.overdue, 0) AS n) overdue`;

// Per dossier, grouped by procedure. A dossier counts as finished when resolved
// (result ready), withdrawn or refused; its timeliness compares the result time
// with the current promised date (after an apology, the new one).
const BY_PROCEDURE = `WITH days AS (${sums('form06_procedure_days', 'form06_procedure_months', 'procedure_code')}
), open_overdue AS (${openOverdue('form06_procedure_days', 'form06_procedure_months', 'procedure_code', `SELECT d.procedure_code, 1 FROM dossiers d
     WHERE COALESCE(d.resolved_at, d.withdrawn_at, d.refused_at) IS NULL AND d.due_at >= ${TODAY_START} AND d.due_at < $3`)}
), awaiting AS (
  SELECT d.procedure_code AS key, count(*) AS n, count(*) FILTER (WHERE d.due_at < $3) AS overdue
    FROM dossiers d
   WHERE d.id IN (${AWAITING_AT_END}) AND d.received_at < $2
     AND (COALESCE(d.resolved_at, d.withdrawn_at, d.refused_at) IS NULL OR COALESCE(d.resolved_at, d.withdrawn_at, d.refused_at) >= $2)
   GROUP BY d.procedure_code
)
SELECT days.key, COALESCE(p.name, days.key) AS name,
  ${COLUMNS}
FROM days LEFT JOIN open_overdue ON open_overdue.key = days.key LEFT JOIN awaiting ON awaiting.key = days.key
  ${OVERDUE}
  LEFT JOIN procedures p ON p.code = days.key
WHERE COALESCE(days.received, 0) + COALESCE(days.carried_over, 0) > 0
ORDER BY days.key`;

// Per step, grouped by the department it was routed to: each agency's time
// against its own allotment (Circular 01/2018 rates agencies per step). A step
// is finished when completed or cancelled; timeliness is the one recorded at completion.
const BY_DEPARTMENT = `WITH days AS (${sums('form06_department_days', 'form06_department_months', 'department')}
), open_overdue AS (${openOverdue('form06_department_days', 'form06_department_months', 'department', `SELECT t.department, 1 FROM tasks t
     WHERE t.completed_at IS NULL AND t.due_at >= ${TODAY_START} AND t.due_at < $3`)}
), awaiting AS (
  SELECT t.department AS key, count(*) AS n, count(*) FILTER (WHERE t.due_at < $3) AS overdue
    FROM tasks t
   WHERE t.dossier_id IN (${AWAITING_AT_END}) AND t.created_at < $2 AND (t.completed_at IS NULL OR t.completed_at >= $2)
   GROUP BY t.department
)
SELECT days.key, COALESCE(dep.name, days.key) AS name,
  ${COLUMNS}
FROM days LEFT JOIN open_overdue ON open_overdue.key = days.key LEFT JOIN awaiting ON awaiting.key = days.key
  ${OVERDUE}
  LEFT JOIN departments dep ON dep.code = days.key
WHERE COALESCE(days.received, 0) + COALESCE(days.carried_over, 0) > 0
ORDER BY days.key`;

export async function form06Counts(db: Queryable, groupBy: 'procedure' | 'department', period: Form06Period): Promise<Form06Counts[]> {
  const { rows } = await db.query<Form06Counts>(groupBy === 'procedure' ? BY_PROCEDURE : BY_DEPARTMENT, [period.start, period.end, period.asOf]);
  return rows;
}
