import type { Queryable } from '../db.js';
import { named } from '../namedQuery.js';

/** What one attempt came to: sent, or an error to retry (retryInMs) or give up on (retryInMs null). */
export type NoticeOutcome =
  | { status: 'sent'; via: string; subject: string; body: string }
  | { status: 'error'; via: string | null; error: string; retryInMs: number | null; subject?: string; body?: string }
  | { status: 'skipped'; reason: string };

export async function markNotice(db: Queryable, id: number, o: NoticeOutcome): Promise<void> {
  if (o.status === 'sent') {
    await db.query(named(
      `UPDATE citizen_notices SET status = 'sent', sent_at = clock_timestamp(), via = $2, subject = $3, body = $4, last_error = NULL WHERE id = $1`,
      [id, o.via, o.subject, o.body]));
  } else if (o.status === 'skipped') {
    await db.query(named(`UPDATE citizen_notices SET status = 'skipped', last_error = $2 WHERE id = $1`, [id, o.reason.slice(0, 1000)]));
  } else {
    await db.query(named(
      `UPDATE citizen_notices SET status = CASE WHEN $3::int IS NULL THEN 'failed' ELSE 'pending' END, last_error = $2, via = COALESCE($4, via),
              subject = COALESCE($5, subject), body = COALESCE($6, body),
              next_attempt_at = CASE WHEN $3::int IS NULL THEN next_attempt_at ELSE clock_timestamp() + $3 * interval '1 millisecond' END
        WHERE id = $1`,
      [id, o.error.slice(0, 1000), o.retryInMs, o.via, o.subject ?? null, o.body ?? null]));
  }
}
