import type { Queryable } from '../db.js';
import { named } from '../namedQuery.js';
import { INCIDENT_COLUMNS, type IncidentRow } from './incidentRow.js';

export async function getIncident(db: Queryable, id: string): Promise<IncidentRow | null> {
  if (!/^\d+$/.test(id)) return null;
  const { rows } = await db.query<IncidentRow>(named(`SELECT ${INCIDENT_COLUMNS} FROM incidents i JOIN dossiers d ON d.id = i.dossier_id WHERE i.id = $1`, [id]));
  return rows[0] ?? null;
}
