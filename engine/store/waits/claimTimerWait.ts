import type { Queryable } from '../db.js';
import { named } from '../namedQuery.js';
import { WAIT_COLUMNS, type WaitRow } from './waitRow.js';

/**
 * Takes a due timer for firing, inside the dossier's transaction: the
 * conditional update is what makes a timer fire once, however many Agenda
 * jobs, sweeps or servers reach it.
 */
export async function claimTimerWait(db: Queryable, waitId: string, now: Date): Promise<WaitRow | null> {
  const { rows } = await db.query<WaitRow>(
    named(
      `UPDATE waits SET status = 'fired', ended_at = $2
        WHERE id = $1 AND kind = 'timer' AND status = 'open' AND due_at <= $2
        RETURNING ${WAIT_COLUMNS}`,
      [waitId, now],
    ),
  );
  return rows[0] ?? null;
}
