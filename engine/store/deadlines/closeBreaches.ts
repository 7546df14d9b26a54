import type { Queryable } from '../db.js';
import { named } from '../namedQuery.js';

/** Marks the open breaches of finished steps (or of the resolved dossier) as closed. */
export async function closeTaskBreaches(db: Queryable, taskIds: string[], at: Date): Promise<void> {
  if (!taskIds.length) return;
  await db.query(named('UPDATE breaches SET closed_at = $2 WHERE task_id = ANY($1::uuid[]) AND closed_at IS NULL', [taskIds, at]));
}

export async function closeDossierBreaches(db: Queryable, dossierId: number, at: Date, includeTasks = false): Promise<void> {
  await db.query(
    named(`UPDATE breaches SET closed_at = $2 WHERE dossier_id = $1 AND closed_at IS NULL AND ($3 OR task_id IS NULL)`, [dossierId, at, includeTasks]));
}
