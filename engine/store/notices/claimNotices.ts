import type { Queryable } from '../db.js';
import { named } from '../namedQuery.js';
import type { NoticeContact, NoticeKind } from '../../notices/noticeKinds.js';

export interface ClaimedNotice {
  id: number;
  dossierCode: string;
  kind: NoticeKind;
  channel: NoticeContact;
  recipient: string;
  params: Record<string, string>;
  /** Including this one. */
  attempts: number;
}

/**
 * Claims the notices due now. The claim is a lease: a sender that dies
 * mid-flight leaves the notice due again when the lease ends.
 */
export async function claimNotices(db: Queryable, limit: number, leaseMs: number): Promise<ClaimedNotice[]> {
  const { rows } = await db.query<ClaimedNotice>(named(
    `UPDATE citizen_notices n SET attempts = n.attempts + 1, next_attempt_at = clock_timestamp() + $2 * interval '1 millisecond'
      WHERE n.id IN (SELECT id FROM citizen_notices WHERE status = 'pending' AND next_attempt_at <= clock_timestamp()
                      ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
      RETURNING n.id::int AS id, n.dossier_code AS "dossierCode", n.kind, n.channel, n.recipient, n.params, n.attempts`,
    [limit, leaseMs]));
  return rows.sort((a, b) => a.id - b.id);
}
