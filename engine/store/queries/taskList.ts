import type { Queryable } from '../db.js';
import { TASK_COLUMNS, type TaskRow, type TaskStatus } from '../tasks/taskRows.js';
import type { Page, PageRequest } from './page.js';

export interface TaskWithForm extends TaskRow {
  /** The step's JSON Schema from the dossier's procedure version. */
  form: Record<string, unknown> | null;
}

export interface TaskFilter extends PageRequest {
  statuses: TaskStatus[];
  department?: string;
  assignee?: string;
  dossierCode?: string;
}

// The form lives in the version's model: reading it here saves one lookup per task.
const FROM = `FROM tasks t JOIN dossiers d ON d.id = t.dossier_id JOIN procedure_versions v ON v.id = d.procedure_version_id`;
// Officers' steps only: external jobs are machines' work (/api/jobs), awaited replies are waits of the dossier.
const WHERE = `WHERE t.status = ANY($1::text[]) AND t.kind = 'user' AND ($2::text IS NULL OR t.department = $2)
  AND ($3::text IS NULL OR t.assignee = $3) AND ($4::text IS NULL OR d.code = $4)`;

/** A department's work list: most urgent first (no due time last). */
export async function listTasks(db: Queryable, f: TaskFilter): Promise<Page<TaskWithForm>> {
  const params = [f.statuses, f.department ?? null, f.assignee ?? null, f.dossierCode ?? null];
  const [items, total] = await Promise.all([
    db.query<TaskWithForm>(
      `SELECT ${TASK_COLUMNS}, v.model->'steps'->t.element_id->'form' AS form ${FROM} ${WHERE}
       ORDER BY t.due_at ASC NULLS LAST, t.created_at, t.id LIMIT $5 OFFSET $6`,
      [...params, f.limit, f.offset],
    ),
    db.query<{ n: number }>(`SELECT count(*)::int AS n ${FROM} ${WHERE}`, params),
  ]);
  return { items: items.rows, total: total.rows[0].n };
}

export async function getTaskWithForm(db: Queryable, id: string): Promise<TaskWithForm | null> {
  const { rows } = await db.query<TaskWithForm>(
    `SELECT ${TASK_COLUMNS}, v.model->'steps'->t.element_id->'form' AS form ${FROM} WHERE t.id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

/** Whether a department (or any of several: a person who is an officer of each) has or had a step on the dossier: what lets its officers read the dossier. */
export async function departmentTaskOnDossier(db: Queryable, dossierCode: string, department: string | readonly string[], statuses?: TaskStatus[]): Promise<boolean> {
  const { rows } = await db.query(
    `SELECT 1 FROM tasks t JOIN dossiers d ON d.id = t.dossier_id
      WHERE d.code = $1 AND t.department = ANY($2::text[]) AND ($3::text[] IS NULL OR t.status = ANY($3::text[])) LIMIT 1`,
    [dossierCode, [department].flat(), statuses ?? null],
  );
  return rows.length > 0;
}
