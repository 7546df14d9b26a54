import type { Queryable } from '../db.js';
import { named } from '../namedQuery.js';
import type { NewWait } from './openWaits.js';
import { WAIT_COLUMNS, type WaitRow } from './waitRow.js';

/**
 * The dossier's waits after a run, in one statement: the open waits the
 * instance no longer has are cancelled (a completed step's boundary timer,
 * the losing branch of an event-based gateway), the new ones recorded. A wait
 * still open keeps its row and its due time; only the new rows come back.
 */
export async function syncWaits(db: Queryable, dossierId: number, at: Date, waits: NewWait[]): Promise<WaitRow[]> {
  const { rows } = await db.query<WaitRow>(
    named(
      `WITH current AS (
         SELECT * FROM jsonb_to_recordset($3::jsonb) AS w(kind text, element_id text, execution_id text, message_name text, department text, due_at timestamptz)
       ), cancelled AS (
         UPDATE waits SET status = 'cancelled', ended_at = $2
          WHERE dossier_id = $1 AND status = 'open' AND execution_id NOT IN (SELECT execution_id FROM current)
       )
       INSERT INTO waits (dossier_id, kind, element_id, execution_id, message_name, department, due_at, created_at)
       SELECT $1, kind, element_id, execution_id, message_name, department, due_at, $2 FROM current
       ON CONFLICT (dossier_id, execution_id) WHERE status = 'open' DO NOTHING
       RETURNING ${WAIT_COLUMNS}`,
      [dossierId, at, JSON.stringify(waits.map((w) => ({ kind: w.kind, element_id: w.elementId, execution_id: w.executionId, message_name: w.messageName, department: w.department, due_at: w.dueAt })))],
    ),
  );
  return rows;
}
