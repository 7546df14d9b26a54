import type { Queryable } from '../db.js';
import { named } from '../namedQuery.js';
import { INCIDENT_COLUMNS, type IncidentRow } from './incidentRow.js';

/** Incidents, newest first: open ones only unless `all`; of one dossier when `dossierId` is given. */
export async function listIncidents(db: Queryable, q: { status: 'open' | 'all'; dossierId?: number | null; limit?: number }): Promise<IncidentRow[]> {
  const { rows } = await db.query<IncidentRow>(
    named(
      `SELECT ${INCIDENT_COLUMNS} FROM incidents i JOIN dossiers d ON d.id = i.dossier_id
        WHERE ($1 = 'all' OR i.status = 'open') AND ($2::bigint IS NULL OR i.dossier_id = $2)
        ORDER BY i.created_at DESC, i.id DESC LIMIT $3`,
      [q.status, q.dossierId ?? null, q.limit ?? 200],
    ),
  );
  return rows;
}
