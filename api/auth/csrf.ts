import type { Request } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { CSRF_HEADER } from './sessionCookie.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Why a state-changing request carried by the session cookie is refused, or
 * null. A cross-site page can make the browser send the cookie, but cannot
 * read the CSRF token; so the request needs the token, and an Origin, when
 * sent, must be ours.
 */
export function csrfProblem(req: Request, csrfToken: string): string | null {
  if (SAFE.has(req.method)) return null;
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `${req.protocol}://${req.get('host')}`) {
    return `a request signed in with the session cookie must come from this site; it came from ${origin}`;
  }
  const sent = req.headers[CSRF_HEADER];
  if (typeof sent !== 'string' || !sameToken(sent, csrfToken)) {
    return `a request signed in with the session cookie must carry the ${CSRF_HEADER} header it got at sign-in`;
  }
  return null;
}
