// People: personal accounts, their memberships, password sign-in, sessions and the audit log.
import type { EngineContext } from '../engineContext.js';
import { peopleCommands } from './peopleCommands.js';
import { importCommands } from './importPeople.js';
import { signInCommands } from './signIn.js';
import { sessionCommands } from './sessions.js';
import { assignTask, type AssignInput } from './assignTask.js';
import { audit, type ActorRef } from './audit.js';
import { findPerson } from '../store/people/findPerson.js';
import { membershipsOf } from '../store/people/memberships.js';
import { normalizeUsername } from './usernames.js';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function peopleModule(ctx: EngineContext) {
  const now = () => ctx.time.now();
  const people = peopleCommands(ctx.pool, now);
  const signIn = signInCommands(ctx.pool, now, sleep);
  return {
    people: {
      ...people,
      ...importCommands(ctx.pool, now),
      checkPassword: signIn.checkPassword,
      changePassword: signIn.changePassword,
      /** The registry's person of a username (SSO maps to it), with memberships; null when unknown. */
      byUsername: async (username: string) => {
        const person = await findPerson(ctx.pool, { username: normalizeUsername(username) });
        return person ? { ...person, memberships: await membershipsOf(ctx.pool, person.id) } : null;
      },
    },
    sessions: sessionCommands(ctx.pool, now),
    audit: {
      record: (by: ActorRef, action: string, target: string | null, detail: Record<string, unknown> = {}) => audit(ctx.pool, now(), by, action, target, detail),
    },
    assignTask: (taskId: string, input: AssignInput) => assignTask(ctx, taskId, input),
  };
}

export { PERSON_ROLES, type PersonRole, type Membership, type PersonRow } from '../store/people/personRow.js';
export type { ActorRef } from './audit.js';
export type { LiveSession, SessionPolicy } from './sessions.js';
export { DEFAULT_SESSION_POLICY } from './sessions.js';
export type { PersonWithMemberships } from './peopleCommands.js';
export type { ImportReport, ImportLine } from './importPeople.js';
export { IMPORT_COLUMNS } from './importPeople.js';
export { LOCK_AFTER, LOCK_MS } from './signIn.js';
export { MIN_PASSWORD_LENGTH } from './passwordPolicy.js';
export { personActor } from './usernames.js';
export type { AuditEntry } from '../store/audit/auditRows.js';
