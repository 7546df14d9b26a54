import type { Queryable } from '../db.js';

/** Whether a step of the dossier has been completed (papers added after that are a supplement). */
export async function anyStepCompleted(db: Queryable, dossierId: number): Promise<boolean> {
  const { rows } = await db.query(`SELECT 1 FROM tasks WHERE dossier_id = $1 AND status = 'completed' LIMIT 1`, [dossierId]);
  return rows.length > 0;
}
