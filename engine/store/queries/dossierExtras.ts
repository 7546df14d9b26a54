import type { Queryable } from '../db.js';
import type { ApologyRow } from '../deadlines/apologyRows.js';
import type { SupplementRow } from '../deadlines/supplementRows.js';

export type ApologyView = Omit<ApologyRow, 'id' | 'dossierId'>;
export type SupplementView = Omit<SupplementRow, 'id' | 'dossierId' | 'taskId' | 'policy'>;

export interface DossierExtras {
  procedureName: string;
  procedureVersion: number;
  apology: ApologyView | null;
  supplements: SupplementView[];
  /** The rule set the dossier was pinned to at reception (null before rule sets existed, or not yet received). */
  ruleSet: { id: string; name: string } | null;
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
               FROM supplements s WHERE s.dossier_id = d.id), '[]'::json) AS supplements,
            (SELECT json_build_object('id', r.id, 'name', r.name) FROM rule_sets r WHERE r.id = d.rule_set_id) AS "ruleSet"
       FROM dossiers d JOIN procedure_versions v ON v.id = d.procedure_version_id
      WHERE d.code = $1`,
    [code],
  );
  return rows[0] ?? null;
}
