import type { Queryable } from '../db.js';

export interface SessionRow {
  personId: string;
  csrfToken: string;
  via: 'password' | 'sso';
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  endedAt: Date | null;
}

const COLUMNS = `person_id AS "personId", csrf_token AS "csrfToken", via, created_at AS "createdAt",
  last_seen_at AS "lastSeenAt", expires_at AS "expiresAt", ended_at AS "endedAt"`;

export async function insertSession(db: Queryable, idSha256: string, s: Omit<SessionRow, 'endedAt' | 'lastSeenAt'>): Promise<void> {
  await db.query(
    `INSERT INTO sessions (id_sha256, person_id, csrf_token, via, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $4, $5, $5, $6)`,
    [idSha256, s.personId, s.csrfToken, s.via, s.createdAt, s.expiresAt],
  );
}

/**
 * The live session of this id, seen now: last_seen_at moves forward only when
 * it is still within the idle timeout and the absolute lifetime; null otherwise.
 */
export async function touchSession(db: Queryable, idSha256: string, now: Date, idleMs: number): Promise<SessionRow | null> {
  const { rows } = await db.query<SessionRow>(
    `UPDATE sessions SET last_seen_at = $2
     WHERE id_sha256 = $1 AND ended_at IS NULL AND expires_at > $2 AND last_seen_at > $2 - make_interval(secs => $3::double precision / 1000)
     RETURNING ${COLUMNS}`,
    [idSha256, now, idleMs],
  );
  return rows[0] ?? null;
}

/** Ends one session, or every session of a person (sign out everywhere, deactivation, new password). */
export async function endSessions(db: Queryable, by: { idSha256: string } | { personId: string; except?: string | null }, at: Date): Promise<number> {
  const [column, value] = 'idSha256' in by ? ['id_sha256', by.idSha256] : ['person_id', by.personId];
  const except = 'personId' in by ? by.except ?? null : null;
  const { rowCount } = await db.query(
    `UPDATE sessions SET ended_at = $2 WHERE ${column} = $1 AND ended_at IS NULL AND ($3::text IS NULL OR id_sha256 <> $3)`,
    [value, at, except],
  );
  return rowCount ?? 0;
}
