import type { Queryable } from '../db.js';

export interface ApologyRow {
  reason: string;
  responsibleDepartment: string;
  previousDueAt: Date | null;
  newDueAt: Date;
  issuedAt: Date;
  issuedBy: string;
}

export interface SupplementRow {
  department: string | null;
  reason: string;
  items: string[];
  requestedAt: Date;
  requestedBy: string;
  receivedAt: Date | null;
  receivedBy: string | null;
  dueBefore: Date | null;
  dueAfter: Date | null;
}

export interface DossierExtras {
  procedureName: string;
  procedureVersion: number;
  apology: ApologyRow | null;
  supplements: SupplementRow[];
}

/** What a dossier view shows besides the dossier row: its procedure version, apology letter and supplements. */
export async function dossierExtras(db: Queryable, code: string): Promise<DossierExtras | null> {
  const { rows } = await db.query<DossierExtras>(
    `SELECT v.name AS "procedureName", v.version AS "procedureVersion",
            (SELECT json_build_object('reason', a.reason, 'responsibleDepartment', a.responsible_department,
                    'previousDueAt', a.previous_due_at, 'newDueAt', a.new_due_at, 'issuedAt', a.issued_at, 'issuedBy', a.issued_by)
               FROM apologies a WHERE a.dossier_id = d.id) AS apology,
            COALESCE((SELECT json_agg(json_build_object('department', s.department, 'reason', s.reason, 'items', s.items,
                    'requestedAt', s.requested_at, 'requestedBy', s.requested_by, 'receivedAt', s.received_at,
                    'receivedBy', s.received_by, 'dueBefore', s.due_before, 'dueAfter', s.due_after) ORDER BY s.id)
               FROM supplements s WHERE s.dossier_id = d.id), '[]'::json) AS supplements
       FROM dossiers d JOIN procedure_versions v ON v.id = d.procedure_version_id
      WHERE d.code = $1`,
    [code],
  );
  return rows[0] ?? null;
}
