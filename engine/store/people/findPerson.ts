import type { Queryable } from '../db.js';
import { PERSON_COLUMNS, type PersonRow } from './personRow.js';

/** One person by id or by username (lower case). */
export async function findPerson(db: Queryable, by: { id: string } | { username: string }, opts: { forUpdate?: boolean } = {}): Promise<PersonRow | null> {
  const [column, value] = 'id' in by ? ['id', by.id] : ['username', by.username];
  const { rows } = await db.query<PersonRow>(`SELECT ${PERSON_COLUMNS} FROM people p WHERE p.${column} = $1${opts.forUpdate ? ' FOR UPDATE' : ''}`, [value]);
  return rows[0] ?? null;
}
