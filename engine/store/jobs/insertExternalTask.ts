import type { Queryable } from '../db.js';
import { named } from '../namedQuery.js';
import type { NewTask } from '../tasks/taskRows.js';

/** A department's leg done by its software (job) or a reply it awaits (message): a task row of that kind. */
export async function insertExternalTask(db: Queryable, t: NewTask & { kind: 'job' | 'message'; jobType: string | null; retries: number | null }): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    named(
      `INSERT INTO tasks (dossier_id, element_id, execution_id, name, department, from_department, status, clock,
         allotment_ms, counted, created_at, due_at, warn_at, kind, job_type, retries)
       VALUES ($1, $2, $3, $4, $5, $6, 'open', $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
      [t.dossierId, t.elementId, t.executionId, t.name, t.department, t.fromDepartment, t.clock, t.allotmentMs, t.counted, t.createdAt, t.dueAt, t.warnAt, t.kind, t.jobType, t.retries],
    ),
  );
  return rows[0].id;
}
