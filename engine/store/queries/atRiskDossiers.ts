import type { Queryable } from '../db.js';
import type { DossierStatus } from '../../dossier/statuses.js';

export interface AtRiskCandidate {
  code: string;
  procedureCode: string;
  procedureName: string;
  applicantName: string | null;
  status: DossierStatus;
  receivedAt: Date;
  dueAt: Date;
  calendarId: string | null;
  /** Departments holding an open step now. */
  heldBy: Array<{ code: string; name: string }>;
}

/**
 * Dossiers still being processed, not yet late, due before `before`, and
 * without an apology letter: the candidates of "late within one working day"
 * (the caller measures the working time left on each one's calendar). A
 * dossier waiting for the citizen (supplement, fees) has its clock stopped
 * and is not a candidate.
 */
export async function atRiskCandidates(db: Queryable, now: Date, before: Date, limit = 500): Promise<AtRiskCandidate[]> {
  const { rows } = await db.query<AtRiskCandidate>(
    // Each version's name and calendar read once, not the whole model fetched from TOAST per dossier.
    `WITH v AS MATERIALIZED (SELECT id, name, model->>'calendarId' AS calendar_id FROM procedure_versions)
     SELECT d.code, d.procedure_code AS "procedureCode", v.name AS "procedureName", d.applicant->>'name' AS "applicantName",
            d.status, d.received_at AS "receivedAt", d.due_at AS "dueAt", v.calendar_id AS "calendarId",
            COALESCE((SELECT json_agg(json_build_object('code', h.department, 'name', COALESCE(dep.name, h.department)) ORDER BY h.department)
                        FROM (SELECT DISTINCT t.department FROM tasks t WHERE t.dossier_id = d.id AND t.status IN ('open', 'claimed')) h
                        LEFT JOIN departments dep ON dep.code = h.department), '[]'::json) AS "heldBy"
       FROM dossiers d JOIN v ON v.id = d.procedure_version_id
      WHERE d.status IN ('received', 'processing') AND d.due_at > $1 AND d.due_at <= $2
        AND NOT EXISTS (SELECT 1 FROM apologies a WHERE a.dossier_id = d.id)
      ORDER BY d.due_at, d.id LIMIT $3`,
    [now, before, limit],
  );
  return rows;
}
