import type { Queryable } from '../db.js';
import { named } from '../namedQuery.js';

/** Makes a job fetchable again now with `retries` left (an incident retried). */
export async function releaseJob(db: Queryable, taskId: string, retries: number): Promise<void> {
  await db.query(named(`UPDATE tasks SET locked_by = NULL, locked_until = NULL, retry_at = NULL, retries = $2 WHERE id = $1 AND status = 'open' AND kind = 'job'`, [taskId, retries]));
}
