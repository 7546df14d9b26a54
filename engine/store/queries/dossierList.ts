import type { Queryable } from '../db.js';
import type { DossierStatus } from '../../dossier/statuses.js';
import type { Page, PageRequest } from './page.js';

export interface DossierListItem {
  code: string;
  procedureCode: string;
  procedureName: string;
  status: DossierStatus;
  channel: string;
  applicantName: string | null;
  receivedAt: Date;
  dueAt: Date | null;
  resolvedAt: Date | null;
  returnedAt: Date | null;
  overdue: boolean;
}

export interface DossierFilter extends PageRequest {
  status?: DossierStatus;
  procedureCode?: string;
  /** true: pending past the promised date; false: everything else. */
  overdue?: boolean;
  receivedFrom?: Date;
  receivedBefore?: Date;
  applicantIdNumber?: string;
  /** Any part of the code, the applicant's name, ID number or phone (case-insensitive). */
  search?: string;
  channel?: string;
  now: Date;
}

/** The text the desk's search looks in: the very expression of the trigram index of migration 0018. */
const SEARCH_TEXT = `(d.code || ' ' || COALESCE(d.applicant->>'name', '') || ' ' || COALESCE(d.applicant->>'idNumber', '') || ' ' || COALESCE(d.applicant->>'phone', ''))`;

/** "50%_x" → a LIKE pattern that matches it literally anywhere. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

// Overdue: the administration still holds it past the promised date. While the
// citizen owes a supplement or fees the clocks are stopped, so those are not.
const OVERDUE = `(d.status IN ('new', 'received', 'processing') AND d.due_at < $1)`;

export async function listDossiers(db: Queryable, f: DossierFilter): Promise<Page<DossierListItem>> {
  const where = `WHERE ($2::text IS NULL OR d.status = $2) AND ($3::text IS NULL OR d.procedure_code = $3)
    AND ($4::boolean IS NULL OR ${OVERDUE} = $4)
    AND ($5::timestamptz IS NULL OR d.received_at >= $5) AND ($6::timestamptz IS NULL OR d.received_at < $6)
    AND ($7::text IS NULL OR d.applicant->>'idNumber' = $7)
    AND ($8::text IS NULL OR ${SEARCH_TEXT} ILIKE $8) AND ($9::text IS NULL OR d.channel = $9)`;
  const search = f.search?.trim();
  const params = [f.now, f.status ?? null, f.procedureCode ?? null, f.overdue ?? null, f.receivedFrom ?? null, f.receivedBefore ?? null, f.applicantIdNumber ?? null,
    search ? containing(search) : null, f.channel ?? null];
  const [items, total] = await Promise.all([
    db.query<DossierListItem>(
      `SELECT d.code, d.procedure_code AS "procedureCode", v.name AS "procedureName", d.status, d.channel,
              d.applicant->>'name' AS "applicantName", d.received_at AS "receivedAt", d.due_at AS "dueAt",
              d.resolved_at AS "resolvedAt", d.returned_at AS "returnedAt", COALESCE(${OVERDUE}, false) AS overdue
         FROM dossiers d JOIN procedure_versions v ON v.id = d.procedure_version_id
         ${where}
        ORDER BY d.received_at DESC, d.id DESC LIMIT $10 OFFSET $11`,
      [...params, f.limit, f.offset],
    ),
    db.query<{ n: number }>(`SELECT count(*)::int AS n FROM dossiers d ${where}`, params),
  ]);
  return { items: items.rows, total: total.rows[0].n };
}
