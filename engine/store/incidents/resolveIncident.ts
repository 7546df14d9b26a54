import type { Queryable } from '../db.js';
import { named } from '../namedQuery.js';
import { INCIDENT_COLUMNS, type IncidentRow } from './incidentRow.js';

/** Closes an open incident (retried); null when it is not open. */
export async function resolveIncident(db: Queryable, id: string, at: Date, by: string): Promise<IncidentRow | null> {
  if (!/^\d+$/.test(id)) return null;
  const { rows } = await db.query<IncidentRow>(
    named(
      `WITH done AS (UPDATE incidents SET status = 'resolved', resolved_at = $2, resolved_by = $3 WHERE id = $1 AND status = 'open' RETURNING *)
       SELECT ${INCIDENT_COLUMNS} FROM done i JOIN dossiers d ON d.id = i.dossier_id`,
      [id, at, by],
    ),
  );
  return rows[0] ?? null;
}
