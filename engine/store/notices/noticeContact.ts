import type { Queryable } from '../db.js';
import { named } from '../namedQuery.js';

export interface NoticeContactRow {
  email: string | null;
  phone: string | null;
  procedureName: string;
  /** The one-stop desk's name: where papers are brought and results collected. */
  deskName: string | null;
}

/** The applicant's contact and what every notice names, read in the change's transaction. */
export async function noticeContact(db: Queryable, dossierId: number, deskDepartment: string): Promise<NoticeContactRow | null> {
  const { rows } = await db.query<NoticeContactRow>(named(
    `SELECT NULLIF(btrim(d.applicant->>'email'), '') AS email, NULLIF(btrim(d.applicant->>'phone'), '') AS phone,
            v.name AS "procedureName", (SELECT name FROM departments WHERE code = $2) AS "deskName"
       FROM dossiers d JOIN procedure_versions v ON v.id = d.procedure_version_id
      WHERE d.id = $1`, [dossierId, deskDepartment]));
  return rows[0] ?? null;
}
