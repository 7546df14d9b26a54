import type pg from 'pg';
import { withTransaction } from '../store/db.js';
import { findPerson } from '../store/people/findPerson.js';
import { clearFailedAttempts, recordFailedAttempt } from '../store/people/recordSignInAttempt.js';
import { updatePerson } from '../store/people/updatePerson.js';
import { endSessions } from '../store/people/sessionRows.js';
import type { PersonRow } from '../store/people/personRow.js';
import { ValidationError } from '../errors.js';
import { audit, ANONYMOUS } from './audit.js';
import { hashPassword, passwordMatches, passwordProblem } from './passwordPolicy.js';
import { normalizeUsername } from './usernames.js';

/** Ten wrong passwords in a row lock the account for fifteen minutes. */
export const LOCK_AFTER = 10;
export const LOCK_MS = 15 * 60_000;
/** From the fourth wrong password on, each answer is slower (capped), so guessing is slow before the lock. */
export const slowdownMs = (failedAttempts: number) => Math.min(2_000, Math.max(0, failedAttempts - 3) * 100);

export type SignInResult =
  | { ok: true; person: PersonRow }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; retryAfterMs: number }
  | { ok: false; reason: 'inactive' };

export function signInCommands(pool: pg.Pool, now: () => Date, sleep: (ms: number) => Promise<void>) {
  /** Checks a password; every outcome is in the audit log. The wrong-password answer does not tell whether the username exists. */
  async function checkPassword(usernameIn: string, password: string, from: string | null): Promise<SignInResult> {
    const username = normalizeUsername(usernameIn);
    const person = await findPerson(pool, { username });
    const at = now();
    const who = { kind: 'anonymous' as const, name: username || ANONYMOUS.name };
    if (person?.lockedUntil && person.lockedUntil > at) {
      await audit(pool, at, who, 'session.refused-locked', username, { from, lockedUntil: person.lockedUntil.toISOString() });
      return { ok: false, reason: 'locked', retryAfterMs: person.lockedUntil.getTime() - at.getTime() };
    }
    const good = await passwordMatches(person?.passwordHash ?? null, password);
    if (!person || !good) {
      if (!person) {
        await audit(pool, at, who, 'session.failed', username, { from, reason: 'unknown username' });
        return { ok: false, reason: 'invalid' };
      }
      const counted = await recordFailedAttempt(pool, person.id, LOCK_AFTER, new Date(at.getTime() + LOCK_MS));
      await audit(pool, at, who, 'session.failed', username, { from, reason: 'wrong password', failedAttempts: counted.failedAttempts });
      if (counted.failedAttempts === LOCK_AFTER) await audit(pool, at, who, 'person.locked', username, { until: counted.lockedUntil?.toISOString() ?? null });
      await sleep(slowdownMs(counted.failedAttempts));
      return { ok: false, reason: 'invalid' };
    }
    if (!person.active) {
      await audit(pool, at, who, 'session.failed', username, { from, reason: 'deactivated' });
      return { ok: false, reason: 'inactive' };
    }
    if (person.failedAttempts) await clearFailedAttempts(pool, person.id);
    return { ok: true, person };
  }

  /** The person's own change of password: the current one proves it is them; other sessions end. */
  async function changePassword(personId: string, current: string, next: string, keepSession: string | null): Promise<void> {
    const person = await findPerson(pool, { id: personId });
    if (!person || !(await passwordMatches(person.passwordHash, current))) {
      throw new ValidationError('the current password is wrong', [{ path: '/currentPassword', message: 'is wrong' }]);
    }
    const problem = passwordProblem(next, person.username);
    if (problem) throw new ValidationError(`the new password is refused: ${problem}`, [{ path: '/newPassword', message: problem }]);
    if (await passwordMatches(person.passwordHash, next)) {
      throw new ValidationError('the new password must differ from the current one', [{ path: '/newPassword', message: 'is the current password' }]);
    }
    const passwordHash = await hashPassword(next);
    await withTransaction(pool, async (db) => {
      const at = now();
      await updatePerson(db, personId, { passwordHash, mustChangePassword: false }, at);
      // The session the change was made from goes on; the others end.
      await endSessions(db, { personId, except: keepSession }, at);
      await audit(db, at, { kind: 'person', name: person.username }, 'person.password-changed', person.username);
    });
  }

  return { checkPassword, changePassword };
}
