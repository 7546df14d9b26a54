import type { Queryable } from '../db.js';

export async function countPeople(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM people');
  return rows[0].n;
}
