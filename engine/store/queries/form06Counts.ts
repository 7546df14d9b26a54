import { DEPARTMENT_SCOPE, PROCEDURE_SCOPE } from './form06Scopes.js';
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

// The day a time falls on in Vietnam: early = resolved on a day before the promised day (Circular 01/2018),
// as engine/timeliness/classifyTimeliness does.
const vnDay = (column: string) => `(${column} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;

// A dossier waiting for the citizen's supplement has its clocks stopped: it
// is pending, never overdue (its due date is recomputed when the supplement comes).

// Per dossier, grouped by procedure. A dossier counts as finished when resolved
// (result ready), withdrawn or refused; its timeliness compares the result time
// with the current promised date (after an apology, the new one).
const BY_PROCEDURE = `${PROCEDURE_SCOPE}
SELECT f.procedure_code AS key, COALESCE(p.name, f.procedure_code) AS name,
  count(*) FILTER (WHERE received_in_period AND channel = 'online')::int AS "receivedOnline",
  count(*) FILTER (WHERE received_in_period AND channel = 'direct')::int AS "receivedDirect",
  count(*) FILTER (WHERE received_in_period AND channel = 'post')::int AS "receivedPost",
  count(*) FILTER (WHERE NOT received_in_period)::int AS "carriedOver",
  count(*) FILTER (WHERE resolved_in_period AND NOT COALESCE(late, false) AND due_at IS NOT NULL AND ${vnDay('resolved_at')} < ${vnDay('due_at')})::int AS "resolvedEarly",
  count(*) FILTER (WHERE resolved_in_period AND NOT COALESCE(late, false) AND (due_at IS NULL OR ${vnDay('resolved_at')} >= ${vnDay('due_at')}))::int AS "resolvedOnTime",
  count(*) FILTER (WHERE resolved_in_period AND late)::int AS "resolvedLate",
  count(*) FILTER (WHERE resolved_in_period AND late AND apologised)::int AS "lateWithApology",
  count(*) FILTER (WHERE pending AND (awaiting_supplement OR due_at IS NULL OR due_at >= $3))::int AS "pendingWithinDeadline",
  count(*) FILTER (WHERE pending AND NOT awaiting_supplement AND due_at < $3)::int AS "pendingOverdue",
  count(*) FILTER (WHERE withdrawn_at >= $1 AND withdrawn_at < $2)::int AS withdrawn,
  count(*) FILTER (WHERE pending AND awaiting_supplement)::int AS "awaitingSupplement"
FROM flagged f LEFT JOIN procedures p ON p.code = f.procedure_code
GROUP BY f.procedure_code, p.name
ORDER BY f.procedure_code`;

// Per step, grouped by the department it was routed to: each agency's time
// against its own allotment (Circular 01/2018 rates agencies per step). A step
// is finished when completed or cancelled; timeliness is the one recorded at completion.
const BY_DEPARTMENT = `${DEPARTMENT_SCOPE}
SELECT f.department AS key, COALESCE(dep.name, f.department) AS name,
  count(*) FILTER (WHERE received_in_period AND channel = 'online')::int AS "receivedOnline",
  count(*) FILTER (WHERE received_in_period AND channel = 'direct')::int AS "receivedDirect",
  count(*) FILTER (WHERE received_in_period AND channel = 'post')::int AS "receivedPost",
  count(*) FILTER (WHERE NOT received_in_period)::int AS "carriedOver",
  count(*) FILTER (WHERE resolved_in_period AND timeliness = 'early')::int AS "resolvedEarly",
  count(*) FILTER (WHERE resolved_in_period AND COALESCE(timeliness, 'on_time') = 'on_time')::int AS "resolvedOnTime",
  count(*) FILTER (WHERE resolved_in_period AND timeliness = 'late')::int AS "resolvedLate",
  count(*) FILTER (WHERE resolved_in_period AND timeliness = 'late' AND apologised)::int AS "lateWithApology",
  count(*) FILTER (WHERE pending AND (awaiting_supplement OR due_at IS NULL OR due_at >= $3))::int AS "pendingWithinDeadline",
  count(*) FILTER (WHERE pending AND NOT awaiting_supplement AND due_at < $3)::int AS "pendingOverdue",
  count(*) FILTER (WHERE status = 'cancelled' AND completed_at >= $1 AND completed_at < $2 AND dossier_withdrawn_at IS NOT NULL)::int AS withdrawn,
  count(*) FILTER (WHERE pending AND awaiting_supplement)::int AS "awaitingSupplement"
FROM flagged f LEFT JOIN departments dep ON dep.code = f.department
GROUP BY f.department, dep.name
ORDER BY f.department`;

export async function form06Counts(db: Queryable, groupBy: 'procedure' | 'department', period: Form06Period): Promise<Form06Counts[]> {
  const { rows } = await db.query<Form06Counts>(groupBy === 'procedure' ? BY_PROCEDURE : BY_DEPARTMENT, [period.start, period.end, period.asOf]);
  return rows;
}
