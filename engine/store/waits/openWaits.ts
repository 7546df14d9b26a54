import type { Queryable } from '../db.js';
import { named } from '../namedQuery.js';
import { WAIT_COLUMNS, type WaitKind, type WaitRow } from './waitRow.js';

export interface NewWait {
  kind: WaitKind;
  elementId: string;
  executionId: string;
  messageName: string | null;
  department: string | null;
  dueAt: Date | null;
}

/**
 * Records the waits of one run in one statement. A wait the dossier already
 * has open (same execution) keeps its row and its due time; only the new ones
 * come back, so only they get an Agenda timer.
 */
export async function openWaits(db: Queryable, dossierId: number, at: Date, waits: NewWait[]): Promise<WaitRow[]> {
  if (!waits.length) return [];
  const { rows } = await db.query<WaitRow>(
    named(
      `INSERT INTO waits (dossier_id, kind, element_id, execution_id, message_name, department, due_at, created_at)
       SELECT $1, w.kind, w.element_id, w.execution_id, w.message_name, w.department, w.due_at, $2
         FROM jsonb_to_recordset($3::jsonb) AS w(kind text, element_id text, execution_id text, message_name text, department text, due_at timestamptz)
       ON CONFLICT (dossier_id, execution_id) WHERE status = 'open' DO NOTHING
       RETURNING ${WAIT_COLUMNS}`,
      [dossierId, at, JSON.stringify(waits.map((w) => ({ kind: w.kind, element_id: w.elementId, execution_id: w.executionId, message_name: w.messageName, department: w.department, due_at: w.dueAt })))],
    ),
  );
  return rows;
}
