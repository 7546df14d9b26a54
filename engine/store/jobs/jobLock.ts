import type { Queryable } from '../db.js';
import { named } from '../namedQuery.js';

/** Who holds a job's lock and until when (read under the dossier's lock). */
export async function jobLock(db: Queryable, taskId: string): Promise<{ lockedBy: string | null; lockedUntil: Date | null; jobType: string | null } | null> {
  const { rows } = await db.query(named(`SELECT locked_by AS "lockedBy", locked_until AS "lockedUntil", job_type AS "jobType" FROM tasks WHERE id = $1`, [taskId]));
  return rows[0] ?? null;
}
