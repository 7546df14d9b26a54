import type { Queryable } from '../db.js';

/** Marks a key used; written at most once a minute per key, so a busy system key does not write on every request. */
export async function touchApiKey(db: Queryable, id: string, at: Date): Promise<void> {
  await db.query(
    `UPDATE api_keys SET last_used_at = $2 WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $2::timestamptz - interval '1 minute')`,
    [id, at],
  );
}
