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

// Both groupings read two things (migration 0007): the daily flows kept in
// the transaction of every change (received per channel, finished, resolved
// by timeliness, withdrawn: sums over the period's days, and over the days
// before it for what was carried over), and the dossiers or steps pending at
// the period's end. The columns mean what form06Scopes.ts says:
// the lists behind each cell (form06Members.ts) read the same rows there, and
// the tests hold both to the same numbers. The period's bounds are the starts
// of Vietnamese days, as the routes give them.
const DAY = (param: string) => `(${param}::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;
const sums = (table: string, key: string) => `
  SELECT s.${key} AS key,
         sum(s.received) FILTER (WHERE s.day >= ${DAY('$1')}) AS received,
         sum(s.received_online) FILTER (WHERE s.day >= ${DAY('$1')}) AS received_online,
         sum(s.received_direct) FILTER (WHERE s.day >= ${DAY('$1')}) AS received_direct,
         sum(s.received_post) FILTER (WHERE s.day >= ${DAY('$1')}) AS received_post,
         sum(s.received - s.finished) FILTER (WHERE s.day < ${DAY('$1')}) AS carried_over,
         sum(s.resolved_early) FILTER (WHERE s.day >= ${DAY('$1')}) AS resolved_early,
         sum(s.resolved_on_time) FILTER (WHERE s.day >= ${DAY('$1')}) AS resolved_on_time,
         sum(s.resolved_late) FILTER (WHERE s.day >= ${DAY('$1')}) AS resolved_late,
         sum(s.late_with_apology) FILTER (WHERE s.day >= ${DAY('$1')}) AS late_with_apology,
         sum(s.withdrawn) FILTER (WHERE s.day >= ${DAY('$1')}) AS withdrawn
    FROM ${table} s
   WHERE s.day < ${DAY('$2')}
   GROUP BY s.${key}`;

// Pending at the end E: received before E and not finished before it
// (received < E <= finished, or not finished), i.e. E in the span
// (received, finished]: one stabbing query on a GiST index of the spans
// (migration 0007), whatever the period. Written exactly as the index is.
const DOSSIER_SPAN = `tstzrange(d.received_at, CASE WHEN COALESCE(d.resolved_at, d.withdrawn_at, d.refused_at) IS NULL THEN NULL
  ELSE GREATEST(d.received_at, COALESCE(d.resolved_at, d.withdrawn_at, d.refused_at)) END, '(]')`;
const STEP_SPAN = `tstzrange(t.created_at, CASE WHEN t.completed_at IS NULL THEN NULL ELSE GREATEST(t.created_at, t.completed_at) END, '(]')`;

// A dossier waiting for the citizen's supplement at the end has its clocks
// stopped: pending, never overdue.
const AWAITING_AT_END = `SELECT DISTINCT s.dossier_id FROM supplements s
                WHERE s.requested_at < $2 AND (s.received_at IS NULL OR s.received_at >= $2)`;
const PENDING_COUNTS = `count(*) FILTER (WHERE a.dossier_id IS NOT NULL OR u.due_at IS NULL OR u.due_at >= $3) AS within_deadline,
         count(*) FILTER (WHERE a.dossier_id IS NULL AND u.due_at < $3) AS overdue,
         count(*) FILTER (WHERE a.dossier_id IS NOT NULL) AS awaiting`;
const COLUMNS = `COALESCE(days.received_online, 0)::int AS "receivedOnline",
  COALESCE(days.received_direct, 0)::int AS "receivedDirect",
  COALESCE(days.received_post, 0)::int AS "receivedPost",
  COALESCE(days.carried_over, 0)::int AS "carriedOver",
  COALESCE(days.resolved_early, 0)::int AS "resolvedEarly",
  COALESCE(days.resolved_on_time, 0)::int AS "resolvedOnTime",
  COALESCE(days.resolved_late, 0)::int AS "resolvedLate",
  COALESCE(days.late_with_apology, 0)::int AS "lateWithApology",
  COALESCE(pending.within_deadline, 0)::int AS "pendingWithinDeadline",
  COALESCE(pending.overdue, 0)::int AS "pendingOverdue",
  COALESCE(days.withdrawn, 0)::int AS withdrawn,
  COALESCE(pending.awaiting, 0)::int AS "awaitingSupplement"`;

// Per dossier, grouped by procedure. A dossier counts as finished when resolved
// (result ready), withdrawn or refused; its timeliness compares the result time
// with the current promised date (after an apology, the new one).
const BY_PROCEDURE = `WITH days AS (${sums('form06_procedure_days', 'procedure_code')}
), pending AS (
  SELECT u.procedure_code AS key,
         ${PENDING_COUNTS}
    FROM (SELECT d.id, d.procedure_code, d.due_at FROM dossiers d WHERE ${DOSSIER_SPAN} @> $2::timestamptz) u
    LEFT JOIN (${AWAITING_AT_END}) a ON a.dossier_id = u.id
   GROUP BY u.procedure_code
)
SELECT days.key, COALESCE(p.name, days.key) AS name,
  ${COLUMNS}
FROM days LEFT JOIN pending ON pending.key = days.key LEFT JOIN procedures p ON p.code = days.key
WHERE COALESCE(days.received, 0) + COALESCE(days.carried_over, 0) > 0
ORDER BY days.key`;

// Per step, grouped by the department it was routed to: each agency's time
// against its own allotment (Circular 01/2018 rates agencies per step). A step
// is finished when completed or cancelled; timeliness is the one recorded at completion.
const BY_DEPARTMENT = `WITH days AS (${sums('form06_department_days', 'department')}
), pending AS (
  SELECT u.department AS key,
         ${PENDING_COUNTS}
    FROM (SELECT t.dossier_id, t.department, t.due_at FROM tasks t WHERE ${STEP_SPAN} @> $2::timestamptz) u
    LEFT JOIN (${AWAITING_AT_END}) a ON a.dossier_id = u.dossier_id
   GROUP BY u.department
)
SELECT days.key, COALESCE(dep.name, days.key) AS name,
  ${COLUMNS}
FROM days LEFT JOIN pending ON pending.key = days.key LEFT JOIN departments dep ON dep.code = days.key
WHERE COALESCE(days.received, 0) + COALESCE(days.carried_over, 0) > 0
ORDER BY days.key`;

export async function form06Counts(db: Queryable, groupBy: 'procedure' | 'department', period: Form06Period): Promise<Form06Counts[]> {
  const { rows } = await db.query<Form06Counts>(groupBy === 'procedure' ? BY_PROCEDURE : BY_DEPARTMENT, [period.start, period.end, period.asOf]);
  return rows;
}
