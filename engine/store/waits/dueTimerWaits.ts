import type { Queryable } from '../db.js';
import { named } from '../namedQuery.js';

export interface DueTimer {
  waitId: string;
  dossierCode: string;
}

/** Open timers due by `now` on dossiers that are processing, oldest first. */
export async function dueTimerWaits(db: Queryable, now: Date, limit = 500): Promise<DueTimer[]> {
  const { rows } = await db.query<DueTimer>(
    named(
      `SELECT w.id::text AS "waitId", d.code AS "dossierCode"
         FROM waits w JOIN dossiers d ON d.id = w.dossier_id
        WHERE w.kind = 'timer' AND w.status = 'open' AND w.due_at <= $1 AND d.status = 'processing'
        ORDER BY w.due_at LIMIT $2`,
      [now, limit],
    ),
  );
  return rows;
}
