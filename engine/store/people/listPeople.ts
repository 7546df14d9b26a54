import type { Queryable } from '../db.js';
import { PERSON_COLUMNS, type Membership, type PersonRow } from './personRow.js';

export interface PeopleQuery {
  search?: string;
  department?: string;
  active?: boolean;
  /** Only these usernames. */
  usernames?: string[];
  limit: number;
  offset: number;
}

/** One page of people with their memberships, by username. */
export async function listPeople(db: Queryable, q: PeopleQuery): Promise<{ items: Array<PersonRow & { memberships: Membership[] }>; total: number }> {
  const { rows } = await db.query<PersonRow & { memberships: Membership[]; total: number }>(
    `SELECT ${PERSON_COLUMNS}, count(*) OVER ()::int AS total,
       COALESCE((SELECT json_agg(json_build_object('role', m.role, 'department', m.department) ORDER BY m.id) FROM memberships m WHERE m.person_id = p.id), '[]') AS memberships
     FROM people p
     WHERE ($1::text IS NULL OR p.username ILIKE '%' || $1 || '%' OR p.full_name ILIKE '%' || $1 || '%')
       AND ($2::text IS NULL OR EXISTS (SELECT 1 FROM memberships m WHERE m.person_id = p.id AND m.department = $2))
       AND ($3::boolean IS NULL OR p.active = $3)
       AND ($6::text[] IS NULL OR p.username = ANY($6))
     ORDER BY p.username LIMIT $4 OFFSET $5`,
    [q.search ?? null, q.department ?? null, q.active ?? null, q.limit, q.offset, q.usernames ?? null],
  );
  return { items: rows.map(({ total: _t, ...r }) => r), total: rows[0]?.total ?? 0 };
}
