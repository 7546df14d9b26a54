import type { Queryable } from '../db.js';
import { named } from '../namedQuery.js';
import type { Clock } from '../../duration/isoDuration.js';
import type { Timeliness } from '../../timeliness/classifyTimeliness.js';

export type TaskStatus = 'open' | 'claimed' | 'completed' | 'cancelled';
/** A department's step done by an officer, by its software (external job), or a reply it awaits (receive task). */
export type TaskKind = 'user' | 'job' | 'message';

export interface TaskRow {
  id: string;
  dossierId: number;
  dossierCode: string;
  procedureCode: string;
  elementId: string;
  executionId: string;
  name: string;
  department: string;
  fromDepartment: string | null;
  status: TaskStatus;
  kind: TaskKind;
  assignee: string | null;
  clock: Clock;
  allotmentMs: number | null;
  counted: boolean;
  createdAt: Date;
  dueAt: Date | null;
  warnAt: Date | null;
  completedAt: Date | null;
  completedBy: string | null;
  timeliness: Timeliness | null;
  data: Record<string, unknown> | null;
}

export const TASK_COLUMNS = `t.id, t.dossier_id AS "dossierId", d.code AS "dossierCode", d.procedure_code AS "procedureCode",
  t.element_id AS "elementId", t.execution_id AS "executionId", t.name, t.department, t.from_department AS "fromDepartment",
  t.status, t.kind, t.assignee, t.clock, t.allotment_ms AS "allotmentMs", t.counted, t.created_at AS "createdAt",
  t.due_at AS "dueAt", t.warn_at AS "warnAt", t.completed_at AS "completedAt", t.completed_by AS "completedBy", t.timeliness, t.data`;

// A dossier step loop reads every step of the dossier each time: their
// submitted data is not needed there and only costs parsing.
const TASK_COLUMNS_WITHOUT_DATA = TASK_COLUMNS.replace(', t.data', ', NULL::jsonb AS data');

export interface NewTask {
  dossierId: number;
  elementId: string;
  executionId: string;
  name: string;
  department: string;
  fromDepartment: string | null;
  clock: Clock;
  allotmentMs: number | null;
  counted: boolean;
  createdAt: Date;
  dueAt: Date | null;
  warnAt: Date | null;
}

export async function insertTask(db: Queryable, t: NewTask): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    named(`INSERT INTO tasks (dossier_id, element_id, execution_id, name, department, from_department, status, clock,
       allotment_ms, counted, created_at, due_at, warn_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'open', $7, $8, $9, $10, $11, $12) RETURNING id`, [t.dossierId, t.elementId, t.executionId, t.name, t.department, t.fromDepartment, t.clock, t.allotmentMs, t.counted, t.createdAt, t.dueAt, t.warnAt]));
  return rows[0].id;
}

export async function getTask(db: Queryable, id: string): Promise<TaskRow | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const { rows } = await db.query<TaskRow>(
    named(`SELECT ${TASK_COLUMNS} FROM tasks t JOIN dossiers d ON d.id = t.dossier_id WHERE t.id = $1`, [id]));
  return rows[0] ?? null;
}

export async function listDossierTasks(db: Queryable, dossierId: number, statuses?: TaskStatus[]): Promise<TaskRow[]> {
  const { rows } = await db.query<TaskRow>(
    named(`SELECT ${TASK_COLUMNS_WITHOUT_DATA} FROM tasks t JOIN dossiers d ON d.id = t.dossier_id
     WHERE t.dossier_id = $1 AND ($2::text[] IS NULL OR t.status = ANY($2)) ORDER BY t.created_at, t.name`, [dossierId, statuses ?? null]));
  return rows;
}

/**
 * Completes a task and closes its open breach in one statement. A step done
 * after its due time always has a breach row, even when no timer or sweep
 * recorded it before (done within the minute, or while its timer was busy).
 */
export async function markTaskCompleted(
  db: Queryable,
  id: string,
  c: { completedAt: Date; completedBy: string; timeliness: Timeliness; data: unknown },
): Promise<void> {
  await db.query(named(
    `WITH done AS (
       UPDATE tasks SET status = 'completed', completed_at = $2, completed_by = $3, timeliness = $4, data = $5 WHERE id = $1 RETURNING id
     ), closed AS (
       UPDATE breaches SET closed_at = $2 WHERE task_id = (SELECT id FROM done) AND closed_at IS NULL
     )
     INSERT INTO breaches (dossier_id, task_id, department, due_at, detected_at, closed_at)
     SELECT t.dossier_id, t.id, t.department, t.due_at, $2, $2 FROM tasks t
      WHERE t.id = $1 AND t.due_at < $2
     ON CONFLICT DO NOTHING`,
    [id, c.completedAt, c.completedBy, c.timeliness, JSON.stringify(c.data ?? {})],
  ));
}

export async function markTasksCancelled(db: Queryable, ids: string[], at: Date): Promise<void> {
  if (!ids.length) return;
  await db.query(named(`UPDATE tasks SET status = 'cancelled', completed_at = $2 WHERE id = ANY($1::uuid[])`, [ids, at]));
}

export async function setTaskAssignee(db: Queryable, id: string, status: TaskStatus, assignee: string | null): Promise<void> {
  await db.query(named('UPDATE tasks SET status = $2, assignee = $3 WHERE id = $1', [id, status, assignee]));
}

export async function setTaskDueAt(db: Queryable, id: string, dueAt: Date | null, warnAt: Date | null): Promise<void> {
  await db.query(named('UPDATE tasks SET due_at = $2, warn_at = $3 WHERE id = $1', [id, dueAt, warnAt]));
}
