import type { Queryable } from '../db.js';
import type { NoticeContact, NoticeKind, NoticeStatus } from '../../notices/noticeKinds.js';

export interface NoticeDeliveryRow {
  id: number;
  dossierCode: string;
  kind: NoticeKind;
  channel: NoticeContact;
  via: string | null;
  /** In full: the read masks it before anyone sees it. */
  recipient: string;
  status: NoticeStatus;
  attempts: number;
  lastError: string | null;
  subject: string | null;
  createdAt: Date;
  sentAt: Date | null;
  nextAttemptAt: Date | null;
}

export interface NoticeDeliveryFilter {
  dossierCode?: string;
  status?: NoticeStatus;
  limit: number;
  offset: number;
}

/** The delivery log, newest first. */
export async function noticeDeliveries(db: Queryable, f: NoticeDeliveryFilter): Promise<{ items: NoticeDeliveryRow[]; total: number }> {
  const where = `($1::text IS NULL OR dossier_code = $1) AND ($2::text IS NULL OR status = $2)`;
  const params = [f.dossierCode ?? null, f.status ?? null];
  const [{ rows }, count] = await Promise.all([
    db.query<NoticeDeliveryRow>(
      `SELECT id::int AS id, dossier_code AS "dossierCode", kind, channel, via, recipient, status, attempts, last_error AS "lastError", subject,
              created_at AS "createdAt", sent_at AS "sentAt", CASE WHEN status = 'pending' THEN next_attempt_at END AS "nextAttemptAt"
         FROM citizen_notices WHERE ${where} ORDER BY id DESC LIMIT $3 OFFSET $4`,
      [...params, f.limit, f.offset]),
    db.query<{ n: number }>(`SELECT count(*)::int AS n FROM citizen_notices WHERE ${where}`, params),
  ]);
  return { items: rows, total: count.rows[0].n };
}
