import type { Queryable } from '../db.js';
import { TASK_COLUMNS, type TaskRow } from '../tasks/taskRows.js';

/** Every step a dossier reached (all statuses), with its breach record. */
export interface DossierStepRow extends TaskRow {
  breached: boolean;
  openBreach: boolean;
}

export async function dossierSteps(db: Queryable, dossierCode: string): Promise<DossierStepRow[]> {
  const { rows } = await db.query<DossierStepRow>(
    `SELECT ${TASK_COLUMNS},
            EXISTS (SELECT 1 FROM breaches b WHERE b.task_id = t.id) AS breached,
            EXISTS (SELECT 1 FROM breaches b WHERE b.task_id = t.id AND b.closed_at IS NULL) AS "openBreach"
       FROM tasks t JOIN dossiers d ON d.id = t.dossier_id
      WHERE d.code = $1
      ORDER BY t.created_at, t.id`,
    [dossierCode],
  );
  return rows;
}
