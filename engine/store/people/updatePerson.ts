import type { Queryable } from '../db.js';
import { PERSON_COLUMNS, type PersonRow } from './personRow.js';

export interface PersonChange {
  fullName?: string;
  active?: boolean;
  passwordHash?: string;
  mustChangePassword?: boolean;
}

/** Changes what is given; a new password also clears the lock. */
export async function updatePerson(db: Queryable, id: string, c: PersonChange, at: Date): Promise<PersonRow | null> {
  const { rows } = await db.query<PersonRow>(
    `UPDATE people p SET full_name = COALESCE($2, full_name), active = COALESCE($3, active),
       password_hash = COALESCE($4, password_hash), must_change_password = COALESCE($5, must_change_password),
       failed_attempts = CASE WHEN $4::text IS NULL THEN failed_attempts ELSE 0 END,
       locked_until = CASE WHEN $4::text IS NULL THEN locked_until ELSE NULL END,
       updated_at = $6
     WHERE id = $1 RETURNING ${PERSON_COLUMNS}`,
    [id, c.fullName ?? null, c.active ?? null, c.passwordHash ?? null, c.mustChangePassword ?? null, at],
  );
  return rows[0] ?? null;
}
