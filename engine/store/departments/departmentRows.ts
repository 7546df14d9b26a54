import type { Queryable } from '../db.js';

export interface DepartmentRow {
  code: string;
  name: string;
  agency: string;
  calendarId: string | null;
  /** Electronic identifier of the agency this receiving point receives for (dossier codes); null = the server's default. */
  agencyId?: string | null;
}

const COLUMNS = 'code, name, agency, calendar_id AS "calendarId", agency_id AS "agencyId"';

export async function upsertDepartment(db: Queryable, d: DepartmentRow): Promise<void> {
  await db.query(
    `INSERT INTO departments (code, name, agency, calendar_id, agency_id) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, agency = EXCLUDED.agency,
       calendar_id = COALESCE(EXCLUDED.calendar_id, departments.calendar_id),
       agency_id = COALESCE(EXCLUDED.agency_id, departments.agency_id)`,
    [d.code, d.name, d.agency, d.calendarId ?? null, d.agencyId ?? null],
  );
}

export async function listDepartments(db: Queryable): Promise<DepartmentRow[]> {
  const { rows } = await db.query<DepartmentRow>(`SELECT ${COLUMNS} FROM departments ORDER BY code`);
  return rows;
}

export async function getDepartment(db: Queryable, code: string): Promise<DepartmentRow | null> {
  const { rows } = await db.query<DepartmentRow>(`SELECT ${COLUMNS} FROM departments WHERE code = $1`, [code]);
  return rows[0] ?? null;
}
