import type { Queryable } from '../db.js';
import { named } from '../namedQuery.js';
import type { NoticeContact, NoticeKind } from '../../notices/noticeKinds.js';

export interface NewNoticeRow {
  kind: NoticeKind;
  channel: NoticeContact;
  recipient: string;
  params: Record<string, string>;
}

/** Queues notices of a dossier, due at once; in the caller's transaction. */
export async function insertNotices(db: Queryable, dossier: { id: number; code: string }, rows: NewNoticeRow[], at: Date): Promise<void> {
  if (!rows.length) return;
  await db.query(named(
    `INSERT INTO citizen_notices (dossier_id, dossier_code, kind, channel, recipient, params, created_at, next_attempt_at)
     SELECT $1, $2, x.k, x.c, x.r, x.p, $7, $7 FROM unnest($3::text[], $4::text[], $5::text[], $6::jsonb[]) WITH ORDINALITY AS x(k, c, r, p, n) ORDER BY x.n`,
    [dossier.id, dossier.code, rows.map((r) => r.kind), rows.map((r) => r.channel), rows.map((r) => r.recipient), rows.map((r) => JSON.stringify(r.params)), at]));
}
