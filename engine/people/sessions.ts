import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';
import { withTransaction } from '../store/db.js';
import { endSessions, insertSession, touchSession, type SessionRow } from '../store/people/sessionRows.js';
import { findPerson } from '../store/people/findPerson.js';
import { membershipsOf } from '../store/people/memberships.js';
import type { Membership, PersonRow } from '../store/people/personRow.js';
import { audit } from './audit.js';

export interface SessionPolicy {
  /** Ended when unused this long. */
  idleMs: number;
  /** Ended this long after sign-in, used or not. */
  maxMs: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMs: 30 * 60_000, maxMs: 12 * 3_600_000 };

export interface LiveSession {
  /** SHA-256 of the cookie value: what the store knows the session by. */
  idSha256: string;
  session: SessionRow;
  person: PersonRow;
  memberships: Membership[];
}

const sha256 = (value: string) => createHash('sha256').update(value, 'utf8').digest('hex');

export function sessionCommands(pool: pg.Pool, now: () => Date) {
  /** A new session: the cookie value and the CSRF token are returned once; only the value's hash is stored. */
  async function open(person: PersonRow, via: 'password' | 'sso', policy: SessionPolicy, from: string | null): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const at = now();
    const expiresAt = new Date(at.getTime() + policy.maxMs);
    await withTransaction(pool, async (db) => {
      await insertSession(db, sha256(token), { personId: person.id, csrfToken, via, createdAt: at, expiresAt });
      await audit(db, at, { kind: 'person', name: person.username }, 'session.signed-in', person.username, { via, from });
    });
    return { token, csrfToken, expiresAt };
  }

  /** The session of a cookie value, if it lives and its person is active; seeing it counts as use. */
  async function resolve(token: string, policy: SessionPolicy): Promise<LiveSession | null> {
    const idSha256 = sha256(token);
    const session = await touchSession(pool, idSha256, now(), policy.idleMs);
    if (!session) return null;
    const person = await findPerson(pool, { id: session.personId });
    if (!person || !person.active) return null;
    return { idSha256, session, person, memberships: await membershipsOf(pool, person.id) };
  }

  /** Signs out this session, or every session of its person (every device). */
  async function close(live: LiveSession, everywhere: boolean): Promise<number> {
    return withTransaction(pool, async (db) => {
      const at = now();
      const n = await endSessions(db, everywhere ? { personId: live.person.id } : { idSha256: live.idSha256 }, at);
      await audit(db, at, { kind: 'person', name: live.person.username }, everywhere ? 'session.signed-out-everywhere' : 'session.signed-out', live.person.username, { sessions: n });
      return n;
    });
  }

  return { open, resolve, close };
}
