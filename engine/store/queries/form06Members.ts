import { DEPARTMENT_SCOPE, PROCEDURE_SCOPE } from './form06Scopes.js';
import type { Queryable } from '../db.js';
import type { DossierListItem } from './dossierList.js';
import type { Form06Period } from './form06Counts.js';
import type { Page, PageRequest } from './page.js';
import type { Timeliness } from '../../timeliness/classifyTimeliness.js';

// The dossiers (or, per department, the steps) behind one cell of form 06:
// what a supervisor opens when a number looks wrong. Each condition below is
// the FILTER of the same column in form06Counts.ts, over the same scope; the
// derived columns are the union of their parts. test/workspace checks that
// every cell's count equals the number of members listed here.

export const FORM06_MEMBER_COLUMNS = [
  'receivedTotal', 'receivedOnline', 'receivedDirect', 'receivedPost', 'carriedOver',
  'resolvedTotal', 'resolvedEarly', 'resolvedOnTime', 'resolvedLate', 'lateWithApology', 'lateWithoutApology',
  'pendingTotal', 'pendingWithinDeadline', 'pendingOverdue', 'withdrawn', 'awaitingSupplement',
] as const;
export type Form06MemberColumn = (typeof FORM06_MEMBER_COLUMNS)[number];

const vnDay = (column: string) => `(${column} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;

const BY_PROCEDURE_CONDITIONS: Record<Form06MemberColumn, string> = {
  receivedTotal: 'true',
  receivedOnline: `received_in_period AND channel = 'online'`,
  receivedDirect: `received_in_period AND channel = 'direct'`,
  receivedPost: `received_in_period AND channel = 'post'`,
  carriedOver: 'NOT received_in_period',
  resolvedTotal: 'resolved_in_period',
  resolvedEarly: `resolved_in_period AND NOT COALESCE(late, false) AND due_at IS NOT NULL AND ${vnDay('resolved_at')} < ${vnDay('due_at')}`,
  resolvedOnTime: `resolved_in_period AND NOT COALESCE(late, false) AND (due_at IS NULL OR ${vnDay('resolved_at')} >= ${vnDay('due_at')})`,
  resolvedLate: 'resolved_in_period AND late',
  lateWithApology: 'resolved_in_period AND late AND apologised',
  lateWithoutApology: 'resolved_in_period AND late AND NOT apologised',
  pendingTotal: 'pending',
  pendingWithinDeadline: 'pending AND (awaiting_supplement OR due_at IS NULL OR due_at >= $3)',
  pendingOverdue: 'pending AND NOT awaiting_supplement AND due_at < $3',
  withdrawn: 'withdrawn_at >= $1 AND withdrawn_at < $2',
  awaitingSupplement: 'pending AND awaiting_supplement',
};

const BY_DEPARTMENT_CONDITIONS: Record<Form06MemberColumn, string> = {
  ...BY_PROCEDURE_CONDITIONS,
  resolvedEarly: `resolved_in_period AND timeliness = 'early'`,
  resolvedOnTime: `resolved_in_period AND COALESCE(timeliness, 'on_time') = 'on_time'`,
  resolvedLate: `resolved_in_period AND timeliness = 'late'`,
  lateWithApology: `resolved_in_period AND timeliness = 'late' AND apologised`,
  lateWithoutApology: `resolved_in_period AND timeliness = 'late' AND NOT apologised`,
  withdrawn: `status = 'cancelled' AND completed_at >= $1 AND completed_at < $2 AND dossier_withdrawn_at IS NOT NULL`,
};

/** A dossier behind a cell; per department, the step of that department that was counted. */
export interface Form06Member extends Omit<DossierListItem, 'overdue'> {
  step: null | {
    taskId: string;
    elementId: string;
    name: string;
    department: string;
    dueAt: Date | null;
    completedAt: Date | null;
    timeliness: Timeliness | null;
  };
}

export interface Form06MemberFilter extends PageRequest {
  column: Form06MemberColumn;
  /** The row: a procedure code or a department code; absent for the total row. */
  key?: string;
}

export async function form06Members(db: Queryable, groupBy: 'procedure' | 'department', period: Form06Period, f: Form06MemberFilter): Promise<Page<Form06Member>> {
  const byProcedure = groupBy === 'procedure';
  const condition = (byProcedure ? BY_PROCEDURE_CONDITIONS : BY_DEPARTMENT_CONDITIONS)[f.column];
  const keyCondition = byProcedure ? `($4::text IS NULL OR f.procedure_code = $4)` : `($4::text IS NULL OR f.department = $4)`;
  const members = byProcedure
    ? `SELECT f.id AS dossier_id, NULL::uuid AS task_id FROM flagged f WHERE (${condition}) AND ${keyCondition} AND $3::timestamptz IS NOT NULL`
    : `SELECT f.dossier_id, f.id AS task_id FROM flagged f WHERE (${condition}) AND ${keyCondition} AND $3::timestamptz IS NOT NULL`;
  const { rows } = await db.query<Form06Member & { total: number }>(
    `${byProcedure ? PROCEDURE_SCOPE : DEPARTMENT_SCOPE}, members AS (${members})
     SELECT d.code, d.procedure_code AS "procedureCode", v.name AS "procedureName", d.status, d.channel,
            d.applicant->>'name' AS "applicantName", d.received_at AS "receivedAt", d.due_at AS "dueAt",
            d.resolved_at AS "resolvedAt", d.returned_at AS "returnedAt",
            CASE WHEN t.id IS NULL THEN NULL ELSE json_build_object('taskId', t.id, 'elementId', t.element_id, 'name', t.name,
                 'department', t.department, 'dueAt', t.due_at, 'completedAt', t.completed_at, 'timeliness', t.timeliness) END AS step,
            count(*) OVER ()::int AS total
       FROM members m JOIN dossiers d ON d.id = m.dossier_id JOIN procedure_versions v ON v.id = d.procedure_version_id
       LEFT JOIN tasks t ON t.id = m.task_id
      ORDER BY d.received_at DESC, d.id DESC, t.created_at NULLS FIRST, t.id
      LIMIT $5 OFFSET $6`,
    [period.start, period.end, period.asOf, f.key ?? null, f.limit, f.offset],
  );
  let total = rows[0]?.total;
  if (total === undefined) {
    // An offset past the end: count without the page.
    const c = await db.query<{ n: number }>(
      `${byProcedure ? PROCEDURE_SCOPE : DEPARTMENT_SCOPE}, members AS (${members}) SELECT count(*)::int AS n FROM members WHERE $5::int IS NOT NULL AND $6::int IS NOT NULL`,
      [period.start, period.end, period.asOf, f.key ?? null, f.limit, f.offset],
    );
    total = c.rows[0].n;
  }
  return { items: rows.map(({ total: _total, ...m }) => m), total };
}
