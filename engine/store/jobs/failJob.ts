import type { Queryable } from '../db.js';
import { named } from '../namedQuery.js';

/** Records a worker's failure: the lock is released, the job fetchable again at `retryAt` while retries remain. */
export async function failJob(db: Queryable, taskId: string, f: { retries: number; retryAt: Date | null; error: string }): Promise<void> {
  await db.query(named(`UPDATE tasks SET locked_by = NULL, locked_until = NULL, retries = $2, retry_at = $3, last_error = $4 WHERE id = $1`, [taskId, f.retries, f.retryAt, f.error]));
}
