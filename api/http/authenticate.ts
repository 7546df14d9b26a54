import type { Request } from 'express';
import type { ApiKeyRow, Engine, PersonRole } from '../../engine/index.js';
import type { RequestActor } from '../auth/requestActor.js';
import { personActor } from '../../engine/index.js';
import type { AuthConfig } from '../auth/authConfig.js';
import { csrfProblem } from '../auth/csrf.js';
import { apiRoleOf, leadDepartments, membershipFor, officerDepartments } from '../auth/memberships.js';
import { sessionCookieOf } from '../auth/sessionCookie.js';
import { badRequest, forbidden, unauthorized } from './problem.js';
import type { Caller, Reply, RouteSpec } from './route.js';

/** Header a department's software may set to name the officer behind its key (recorded as reported by that system). */
export const USER_HEADER = 'x-onestop-user';

/** How a bearer token is resolved to its key (the engine's `keys`). */
export type KeyLookup = Pick<Engine['keys'], 'ofToken'> & Partial<Pick<Engine['keys'], 'touch'>>;

/** What authentication needs of the engine, and the session settings. */
export interface AuthDeps {
  keys: KeyLookup;
  sessions?: Pick<Engine['sessions'], 'resolve'>;
  config?: AuthConfig;
  /** After a route succeeded (before the answer is sent): the audit of what a person read. */
  afterSuccess?: (route: RouteSpec, caller: Caller, params: Record<string, string>, reply: Reply) => Promise<void>;
  /** A known caller refused by the route's role check (before the 403 is sent): the access log of the documents. */
  roleRefused?: (route: RouteSpec, req: Request, refusal: RoleRefusal) => Promise<void>;
}

/** Who the role check refused, and as what. */
export interface RoleRefusal {
  /** As history records the caller: the key's name, or the person. */
  actor: string;
  /** The role(s) the caller has. */
  has: string;
}

export type { RequestActor } from '../auth/requestActor.js';

/** Operations a person who must change the password may still use. */
const DURING_PASSWORD_CHANGE = new Set(['whoAmI', 'signOut', 'changePassword']);

/** Resolves the bearer token to its key; every refusal says what was wrong with the credentials. */
export async function authenticate(keys: KeyLookup, req: Request): Promise<ApiKeyRow> {
  const header = req.headers.authorization;
  if (!header) throw unauthorized('this endpoint needs an API key: send "Authorization: Bearer <token>"').because('session-ended', { why: 'none' });
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw unauthorized('the Authorization header must be "Bearer <token>"');
  const key = await keys.ofToken(match[1]);
  if (!key) throw unauthorized('the API key is not valid').because('session-ended', { why: 'key' });
  if (key.revokedAt) throw unauthorized(`this API key ("${key.name}") was revoked at ${key.revokedAt.toISOString()}`).because('key-revoked', { at: key.revokedAt.toISOString() });
  return key;
}

const article = (role: string) => (/^[aeiou]/.test(role) ? 'an' : 'a');
const roleList = (roles: readonly string[]) => (roles.length === 1 ? roles[0] : `${roles.slice(0, -1).join(', ')} or ${roles.at(-1)}`);
const lowerFirst = (s: string) => s.replace(/^./, (c) => c.toLowerCase());

export function authorize(route: RouteSpec, key: ApiKeyRow): void {
  if (route.roles === 'public') return;
  if (!(route.roles as readonly string[]).includes(key.role)) {
    throw forbidden(`${lowerFirst(route.summary)} needs the role ${roleList(route.roles)}; this key ("${key.name}") is ${article(key.role)} ${key.role} key`).because('role-required', { roles: route.roles.join(',') });
  }
}

/**
 * The caller of a route: public; a system by its API key (Authorization
 * header); or a person by the session cookie. A key wins over a cookie, so
 * a department's software is never taken for the person whose browser it runs in.
 */
export async function callerFor(route: RouteSpec, req: Request, deps: AuthDeps): Promise<Caller> {
  if (route.roles === 'public') return { key: null, actor: 'public', who: null };
  const cookie = deps.sessions ? sessionCookieOf(req) : null;
  if (req.headers.authorization || !cookie) {
    const key = await authenticate(deps.keys, req);
    try {
      authorize(route, key);
    } catch (refusal) {
      await deps.roleRefused?.(route, req, { actor: key.name, has: key.department ? `${key.role} of ${key.department}` : key.role });
      throw refusal;
    }
    return systemCaller(req, key);
  }
  const live = await deps.sessions!.resolve(cookie, deps.config!.session);
  if (!live) throw unauthorized('your session has ended (signed out, expired, or the account was deactivated): sign in again').because('session-ended', { why: 'ended' });
  const csrf = csrfProblem(req, live.session.csrfToken);
  if (csrf) throw forbidden(csrf);
  if (live.person.mustChangePassword && !DURING_PASSWORD_CHANGE.has(route.operationId)) {
    throw forbidden('change your password first (POST /api/session/password): an administrator set the one you signed in with').because('password-change');
  }
  const membership = membershipFor(route.roles as readonly PersonRole[], live.memberships);
  if (!membership) {
    const have = live.memberships.map((m) => (m.department ? `${m.role} of ${m.department}` : m.role)).join(', ') || 'no membership';
    await deps.roleRefused?.(route, req, { actor: personActor(live.person), has: have });
    throw forbidden(`${lowerFirst(route.summary)} needs the role ${roleList(route.roles)}; ${live.person.username} is ${have}`).because('role-required', { roles: (route.roles as readonly string[]).join(',') });
  }
  const role = apiRoleOf(membership);
  const departments = officerDepartments(live.memberships);
  // The rest of the API reads a caller's role and department off `key`: the chosen membership in that shape.
  const key: ApiKeyRow = {
    id: live.person.id, name: live.person.username, role, department: role === 'officer' ? membership.department : null,
    tokenHint: '', bootstrap: false, createdAt: live.person.createdAt, createdBy: live.person.createdBy, revokedAt: null, revokedBy: null, lastUsedAt: null,
  };
  return {
    key,
    // X-Onestop-User is not read: a signed-in person records work in their own name only.
    actor: personActor(live.person),
    who: { kind: 'person', personId: live.person.id, username: live.person.username, fullName: live.person.fullName, memberships: live.memberships, session: live },
    departments: role === 'officer' ? departments : undefined,
    leadOf: leadDepartments(live.memberships),
  };
}

/** Control characters (C0, DEL, C1) and the bidi embeddings, overrides and isolates: a name shows as it is, or not at all. */
const UNSAFE_IN_NAME = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** A system: the key's name, or "<user> (<key name>)" when its software names the officer it reports for. */
function systemCaller(req: Request, key: ApiKeyRow): Caller {
  const user = req.headers[USER_HEADER];
  const who = (reportedUser: string | null): RequestActor => ({ kind: 'system', keyId: key.id, keyName: key.name, reportedUser });
  if (user === undefined) return { key, actor: key.name, who: who(null) };
  const refuse = (why: string) => badRequest(`the ${USER_HEADER} header ${why}`, [{ in: 'header', path: `/${USER_HEADER}`, message: why }]);
  if (typeof user !== 'string') throw refuse('must be a name of 1 to 100 characters');
  // Checked after decoding: %0A or %E2%80%AE would otherwise reach the history as a line break or a reversal.
  const name = decodeUserHeader(user).trim();
  if (!name || name.length > 100) throw refuse('must be a name of 1 to 100 characters');
  if (UNSAFE_IN_NAME.test(name)) throw refuse('must not hold control characters or bidirectional overrides (once percent-decoded)');
  return { key, actor: `${name} (${key.name})`, who: who(name) };
}

/** The caller kept for compatibility with callers of the former API (a key, or public). */
export function callerOf(req: Request, key: ApiKeyRow | null): Caller {
  return key ? systemCaller(req, key) : { key: null, actor: 'public', who: null };
}

/** Who the audit log names for a caller. */
export function auditActor(caller: Caller): { kind: 'person' | 'system' | 'anonymous'; name: string } {
  if (caller.who?.kind === 'person') return { kind: 'person', name: caller.who.username };
  if (caller.who?.kind === 'system') return { kind: 'system', name: caller.who.keyName };
  return { kind: 'anonymous', name: 'anonymous' };
}

/**
 * Header values are bytes; Node reads them as latin1. A Vietnamese name
 * arrives percent-encoded (L%C3%AA%20Thu%20H%C3%A0) or as raw UTF-8 bytes;
 * anything else is taken as it came.
 */
export function decodeUserHeader(value: string): string {
  if (/%[0-9a-f]{2}/i.test(value)) {
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  if (/[^\x00-\x7f]/.test(value)) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(value, 'latin1'));
    } catch {
      return value;
    }
  }
  return value;
}
