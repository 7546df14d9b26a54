import type { Queryable } from '../db.js';
import { PERSON_COLUMNS, type PersonRow } from './personRow.js';

export interface NewPersonRow {
  username: string;
  fullName: string;
  passwordHash: string | null;
  mustChangePassword: boolean;
  createdBy: string | null;
  at: Date;
  bootstrap?: boolean;
}

/** Null when the username is taken (the caller says so). */
export async function insertPerson(db: Queryable, p: NewPersonRow): Promise<PersonRow | null> {
  const { rows } = await db.query<PersonRow>(
    `INSERT INTO people AS p (username, full_name, password_hash, must_change_password, created_by, created_at, updated_at, bootstrap)
     VALUES ($1, $2, $3, $4, $5, $6, $6, $7) ON CONFLICT (username) DO NOTHING RETURNING ${PERSON_COLUMNS}`,
    [p.username, p.fullName, p.passwordHash, p.mustChangePassword, p.createdBy, p.at, p.bootstrap ?? false],
  );
  return rows[0] ?? null;
}
