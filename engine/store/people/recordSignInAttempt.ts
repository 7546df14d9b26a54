import type { Queryable } from '../db.js';

/** A failed attempt counted, and the lock set when the count reaches the limit; returns the new count and lock. */
export async function recordFailedAttempt(db: Queryable, id: string, lockAt: number, lockUntil: Date): Promise<{ failedAttempts: number; lockedUntil: Date | null }> {
  const { rows } = await db.query<{ failedAttempts: number; lockedUntil: Date | null }>(
    `UPDATE people SET failed_attempts = failed_attempts + 1,
       locked_until = CASE WHEN failed_attempts + 1 >= $2 THEN $3 ELSE locked_until END
     WHERE id = $1 RETURNING failed_attempts AS "failedAttempts", locked_until AS "lockedUntil"`,
    [id, lockAt, lockUntil],
  );
  return rows[0];
}

/** A good password: the count starts again. */
export async function clearFailedAttempts(db: Queryable, id: string): Promise<void> {
  await db.query(`UPDATE people SET failed_attempts = 0, locked_until = NULL WHERE id = $1`, [id]);
}
