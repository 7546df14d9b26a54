import type { Queryable } from '../db.js';
import type { Membership } from './personRow.js';

export async function membershipsOf(db: Queryable, personId: string): Promise<Membership[]> {
  const { rows } = await db.query<Membership>(`SELECT role, department FROM memberships WHERE person_id = $1 ORDER BY id`, [personId]);
  return rows;
}

/** The person's memberships become exactly these (in one statement, so a reader never sees none). */
export async function replaceMemberships(db: Queryable, personId: string, list: readonly Membership[]): Promise<void> {
  await db.query(
    `WITH gone AS (DELETE FROM memberships WHERE person_id = $1)
     INSERT INTO memberships (person_id, role, department)
     SELECT $1, r.role, r.department FROM json_to_recordset($2::json) AS r(role text, department text)`,
    [personId, JSON.stringify(list)],
  );
}
