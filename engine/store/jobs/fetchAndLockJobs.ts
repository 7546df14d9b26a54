import type { Queryable } from '../db.js';
import { named } from '../namedQuery.js';
import type { LockedJob } from './jobRow.js';

/**
 * Locks up to `max` open jobs of a type for a worker until `lockedUntil`: jobs
 * never locked, whose lock expired, or whose retry time came, on dossiers
 * that are processing. SKIP LOCKED lets workers fetch side by side.
 */
export async function fetchAndLockJobs(
  db: Queryable,
  q: { jobType: string; department: string | null; max: number; worker: string; now: Date; lockedUntil: Date },
): Promise<LockedJob[]> {
  const { rows } = await db.query<LockedJob>(
    named(
      `WITH picked AS (
         SELECT t.id FROM tasks t JOIN dossiers d ON d.id = t.dossier_id
          WHERE t.kind = 'job' AND t.status = 'open' AND t.job_type = $1 AND ($2::text IS NULL OR t.department = $2)
            AND (t.locked_until IS NULL OR t.locked_until <= $4) AND (t.retry_at IS NULL OR t.retry_at <= $4)
            AND (t.retries IS NULL OR t.retries > 0) AND d.status = 'processing'
          ORDER BY t.created_at LIMIT $3 FOR UPDATE OF t SKIP LOCKED
       )
       UPDATE tasks t SET locked_by = $5, locked_until = $6 FROM picked, dossiers d
        WHERE t.id = picked.id AND d.id = t.dossier_id
        RETURNING t.id, t.job_type AS "jobType", t.element_id AS "elementId", t.name, t.department, d.code AS "dossierCode",
          d.procedure_code AS "procedureCode", d.data, t.retries, t.locked_until AS "lockedUntil", t.due_at AS "dueAt"`,
      [q.jobType, q.department, q.max, q.now, q.worker, q.lockedUntil],
    ),
  );
  return rows;
}
