import type { Queryable } from '../db.js';
import { named } from '../namedQuery.js';
import { WAIT_COLUMNS, type WaitRow } from './waitRow.js';

/** Takes every open wait of the dossier for a message name: a delivery ends them, so a second one finds none. */
export async function claimMessageWaits(db: Queryable, dossierId: number, messageName: string, now: Date): Promise<WaitRow[]> {
  const { rows } = await db.query<WaitRow>(
    named(
      `UPDATE waits SET status = 'fired', ended_at = $3
        WHERE dossier_id = $1 AND kind = 'message' AND message_name = $2 AND status = 'open'
        RETURNING ${WAIT_COLUMNS}`,
      [dossierId, messageName, now],
    ),
  );
  return rows;
}
