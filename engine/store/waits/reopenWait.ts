import type { Queryable } from '../db.js';
import { named } from '../namedQuery.js';

/** A timer whose firing failed (an incident) is due again at `at` once the incident is retried. */
export async function reopenWait(db: Queryable, waitId: string, at: Date): Promise<void> {
  await db.query(named(`UPDATE waits SET status = 'open', ended_at = NULL, due_at = $2 WHERE id = $1 AND status = 'fired'`, [waitId, at]));
}
