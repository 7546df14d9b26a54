import type { Queryable } from '../db.js';
import { named } from '../namedQuery.js';
import type { IncidentKind } from './incidentRow.js';

export async function openIncident(
  db: Queryable,
  i: { dossierId: number; kind: IncidentKind; elementId: string | null; taskId: string | null; waitId: string | null; message: string; at: Date },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    named(`INSERT INTO incidents (dossier_id, kind, element_id, task_id, wait_id, message, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id::text`, [
      i.dossierId, i.kind, i.elementId, i.taskId, i.waitId, i.message, i.at,
    ]),
  );
  return rows[0].id;
}
