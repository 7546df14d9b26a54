import type { Queryable } from '../db.js';
import type { DossierStatus } from '../../dossier/statuses.js';

export interface PublicDossierRow {
  code: string;
  status: DossierStatus;
  procedureName: string;
  receivedAt: Date;
  dueAt: Date | null;
  resolvedAt: Date | null;
  returnedAt: Date | null;
  /** Departments of the open steps, by code. */
  holders: Array<{ code: string; name: string }>;
}

/**
 * What a citizen may see of a dossier from its code alone: nothing personal
 * (no applicant, no data), only where it stands and who holds it.
 */
export async function publicDossier(db: Queryable, code: string): Promise<PublicDossierRow | null> {
  const { rows } = await db.query<PublicDossierRow>(
    `SELECT d.code, d.status, v.name AS "procedureName", d.received_at AS "receivedAt", d.due_at AS "dueAt",
            d.resolved_at AS "resolvedAt", d.returned_at AS "returnedAt",
            COALESCE((SELECT json_agg(json_build_object('code', h.department, 'name', COALESCE(dep.name, h.department)) ORDER BY h.department)
                        FROM (SELECT DISTINCT t.department FROM tasks t WHERE t.dossier_id = d.id AND t.status IN ('open', 'claimed')) h
                        LEFT JOIN departments dep ON dep.code = h.department), '[]'::json) AS holders
       FROM dossiers d JOIN procedure_versions v ON v.id = d.procedure_version_id
      WHERE d.code = $1`,
    [code],
  );
  return rows[0] ?? null;
}
