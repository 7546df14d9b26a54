import type { Request } from 'express';
import type { ApiKeyRow, ApiRole, Engine } from '../../engine/index.js';
import { badRequest, forbidden, unauthorized } from './problem.js';
import type { Caller, RouteSpec } from './route.js';

/** Header a department's software may set to name the officer behind its key (recorded in history, used for claims). */
export const USER_HEADER = 'x-onestop-user';

/** How a bearer token is resolved to its key (the engine's `keys`). */
export type KeyLookup = Pick<Engine['keys'], 'ofToken'>;

/** Resolves the bearer token to its key; every refusal says what was wrong with the credentials. */
export async function authenticate(keys: KeyLookup, req: Request): Promise<ApiKeyRow> {
  const header = req.headers.authorization;
  if (!header) throw unauthorized('this endpoint needs an API key: send "Authorization: Bearer <token>"');
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw unauthorized('the Authorization header must be "Bearer <token>"');
  const key = await keys.ofToken(match[1]);
  if (!key) throw unauthorized('the API key is not valid');
  if (key.revokedAt) throw unauthorized(`this API key ("${key.name}") was revoked at ${key.revokedAt.toISOString()}`);
  return key;
}

const article = (role: string) => (/^[aeiou]/.test(role) ? 'an' : 'a');

export function authorize(route: RouteSpec, key: ApiKeyRow): void {
  if (route.roles === 'public') return;
  if (!route.roles.includes(key.role)) {
    const roles = route.roles as readonly ApiRole[];
    throw forbidden(
      `${route.summary.replace(/^./, (c) => c.toLowerCase())} needs the role ${roles.length === 1 ? roles[0] : `${roles.slice(0, -1).join(', ')} or ${roles.at(-1)}`}; this key ("${key.name}") is ${article(key.role)} ${key.role} key`,
    );
  }
}

/** The actor recorded by the engine: the key's name, or "<user> (<key name>)" when the software names its user. */
export function callerOf(req: Request, key: ApiKeyRow | null): Caller {
  if (!key) return { key: null, actor: 'public' };
  const user = req.headers[USER_HEADER];
  if (user === undefined) return { key, actor: key.name };
  if (typeof user !== 'string' || !user.trim() || user.length > 100 || /[\u0000-\u001f]/.test(user)) {
    throw badRequest(`the ${USER_HEADER} header must be a name of 1 to 100 characters`, [{ in: 'header', path: `/${USER_HEADER}`, message: 'must be a name of 1 to 100 characters' }]);
  }
  const name = decodeUserHeader(user);
  return { key, actor: `${name.trim()} (${key.name})` };
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
