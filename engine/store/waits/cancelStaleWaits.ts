import type { Queryable } from '../db.js';
import { named } from '../namedQuery.js';
import { WAIT_COLUMNS, type WaitRow } from './waitRow.js';

/** Ends every open wait of the dossier the instance no longer waits on (its step was completed, another branch won). */
export async function cancelStaleWaits(db: Queryable, dossierId: number, at: Date, stillWaiting: string[]): Promise<WaitRow[]> {
  const { rows } = await db.query<WaitRow>(
    named(
      `UPDATE waits SET status = 'cancelled', ended_at = $2
        WHERE dossier_id = $1 AND status = 'open' AND NOT (execution_id = ANY($3::text[]))
        RETURNING ${WAIT_COLUMNS}`,
      [dossierId, at, stillWaiting],
    ),
  );
  return rows;
}
