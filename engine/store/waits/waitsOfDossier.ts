import type { Queryable } from '../db.js';
import { named } from '../namedQuery.js';
import { WAIT_COLUMNS, type WaitRow } from './waitRow.js';

/** The dossier's open waits (timers with their due times, awaited messages). */
export async function waitsOfDossier(db: Queryable, dossierId: number): Promise<WaitRow[]> {
  const { rows } = await db.query<WaitRow>(named(`SELECT ${WAIT_COLUMNS} FROM waits WHERE dossier_id = $1 AND status = 'open' ORDER BY id`, [dossierId]));
  return rows;
}
