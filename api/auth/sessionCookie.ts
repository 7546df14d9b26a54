import type { Request } from 'express';
import { parse, serialize } from 'cookie';
import type { AuthConfig } from './authConfig.js';

export const SESSION_COOKIE = 'onestop_session';
/** The state of an SSO sign-in on its way (state, nonce, PKCE verifier), for ten minutes. */
export const OIDC_COOKIE = 'onestop_oidc';
export const CSRF_HEADER = 'x-csrf-token';

export function cookieOf(req: Request, name: string): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  return parse(header)[name] || null;
}

export const sessionCookieOf = (req: Request) => cookieOf(req, SESSION_COOKIE);

/**
 * HttpOnly (no script reads it), SameSite=Lax (not sent on cross-site posts), Secure behind HTTPS, for the whole site.
 * Max-Age rather than Expires: the browser counts from its own clock, whatever the server's says.
 */
export function sessionCookie(token: string, lifetimeMs: number, config: AuthConfig): string {
  return serialize(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: config.secureCookie, path: '/', maxAge: Math.max(1, Math.round(lifetimeMs / 1000)) });
}

export function expiredCookie(name: string, config: AuthConfig): string {
  return serialize(name, '', { httpOnly: true, sameSite: 'lax', secure: config.secureCookie, path: '/', expires: new Date(0) });
}

export function oidcCookie(value: string, config: AuthConfig): string {
  return serialize(OIDC_COOKIE, value, { httpOnly: true, sameSite: 'lax', secure: config.secureCookie, path: '/api/session/oidc', maxAge: 600 });
}
