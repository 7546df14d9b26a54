import type pg from 'pg';
import { withTransaction } from '../store/db.js';
import { insertPerson } from '../store/people/insertPerson.js';
import { findPerson } from '../store/people/findPerson.js';
import { updatePerson } from '../store/people/updatePerson.js';
import { membershipsOf, replaceMemberships } from '../store/people/memberships.js';
import { endSessions } from '../store/people/sessionRows.js';
import type { Membership, PersonRow } from '../store/people/personRow.js';
import { ConflictError, NotFoundError, ValidationError, type FieldError } from '../errors.js';
import { audit, type ActorRef } from './audit.js';
import { departmentCodes, membershipErrors, normalizeMemberships } from './memberships.js';
import { hashPassword, passwordProblem } from './passwordPolicy.js';
import { normalizeUsername, usernameProblem } from './usernames.js';

export interface PersonWithMemberships extends PersonRow {
  memberships: Membership[];
}

export interface NewPersonInput {
  username: string;
  fullName: string;
  /** Without one, the person signs in through SSO only (or after an administrator sets one). */
  password?: string | null;
  memberships: { role: string; department?: string | null }[];
}

export interface PersonUpdate {
  fullName?: string;
  active?: boolean;
  /** A new password set by an administrator: changed at the next sign-in. */
  password?: string;
  memberships?: { role: string; department?: string | null }[];
}

/** The field errors of a new person (pure but for the department list); the CSV import shows them per line. */
export function newPersonErrors(input: NewPersonInput, departments: ReadonlySet<string>): FieldError[] {
  const errors: FieldError[] = [];
  const username = normalizeUsername(input.username);
  const u = usernameProblem(username);
  if (u) errors.push({ path: '/username', message: u });
  if (!input.fullName.trim()) errors.push({ path: '/fullName', message: 'is required' });
  if (input.password) {
    const p = passwordProblem(input.password, username);
    if (p) errors.push({ path: '/password', message: p });
  }
  if (input.memberships.length === 0) errors.push({ path: '/memberships', message: 'a person needs at least one membership (role, department)' });
  errors.push(...membershipErrors(input.memberships, departments, '/memberships'));
  return errors;
}

export function peopleCommands(pool: pg.Pool, now: () => Date) {
  async function create(input: NewPersonInput, by: ActorRef, options: { bootstrap?: boolean } = {}): Promise<PersonWithMemberships> {
    const errors = newPersonErrors(input, await departmentCodes(pool));
    if (errors.length) throw new ValidationError(`the person cannot be created: ${errors[0].path.slice(1)} ${errors[0].message}`, errors);
    const passwordHash = input.password ? await hashPassword(input.password) : null;
    return withTransaction(pool, async (db) => {
      const at = now();
      const person = await insertPerson(db, {
        username: normalizeUsername(input.username), fullName: input.fullName.trim(), passwordHash,
        mustChangePassword: !!passwordHash, createdBy: by.name, at, bootstrap: options.bootstrap,
      });
      if (!person) throw new ConflictError(`the username ${normalizeUsername(input.username)} is taken`);
      const memberships = normalizeMemberships(input.memberships);
      await replaceMemberships(db, person.id, memberships);
      await audit(db, at, by, 'person.created', person.username, { fullName: person.fullName, memberships });
      return { ...person, memberships };
    });
  }

  async function update(id: string, change: PersonUpdate, by: ActorRef): Promise<PersonWithMemberships> {
    const current = await findPerson(pool, { id });
    if (!current) throw new NotFoundError(`person ${id} does not exist`);
    const errors: FieldError[] = [];
    if (change.fullName !== undefined && !change.fullName.trim()) errors.push({ path: '/fullName', message: 'is required' });
    if (change.password !== undefined) {
      const p = passwordProblem(change.password, current.username);
      if (p) errors.push({ path: '/password', message: p });
    }
    if (change.memberships) {
      if (change.memberships.length === 0) errors.push({ path: '/memberships', message: 'a person needs at least one membership (role, department)' });
      errors.push(...membershipErrors(change.memberships, await departmentCodes(pool), '/memberships'));
    }
    if (errors.length) throw new ValidationError(`the person cannot be changed: ${errors[0].path.slice(1)} ${errors[0].message}`, errors);
    const passwordHash = change.password !== undefined ? await hashPassword(change.password) : undefined;
    return withTransaction(pool, async (db) => {
      const at = now();
      const person = await updatePerson(db, id, {
        fullName: change.fullName?.trim(), active: change.active, passwordHash,
        mustChangePassword: passwordHash ? true : undefined,
      }, at);
      if (!person) throw new NotFoundError(`person ${id} does not exist`);
      if (change.memberships) await replaceMemberships(db, id, normalizeMemberships(change.memberships));
      // Deactivation and a reset password end every session: the next request is refused.
      if (change.active === false || passwordHash) await endSessions(db, { personId: id }, at);
      const what = {
        ...(change.fullName !== undefined ? { fullName: person.fullName } : {}),
        ...(change.active !== undefined ? { active: change.active } : {}),
        ...(passwordHash ? { passwordReset: true } : {}),
        ...(change.memberships ? { memberships: normalizeMemberships(change.memberships) } : {}),
      };
      const action =
        change.active === false && current.active ? 'person.deactivated'
        : change.active === true && !current.active ? 'person.reactivated'
        : passwordHash && Object.keys(what).length === 1 ? 'person.password-reset'
        : 'person.updated';
      await audit(db, at, by, action, person.username, what);
      return { ...person, memberships: await membershipsOf(db, id) };
    });
  }

  return { create, update };
}

export type PeopleCommands = ReturnType<typeof peopleCommands>;
