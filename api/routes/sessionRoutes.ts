import type { Request } from 'express';
import type { ResolvedDeps } from '../apiDeps.js';
import { PERSON_ROLES } from '../../engine/index.js';
import type { AuthConfig } from '../auth/authConfig.js';
import type { OidcClient, OidcPending } from '../auth/oidc.js';
import { cookieOf, expiredCookie, OIDC_COOKIE, oidcCookie, SESSION_COOKIE, sessionCookie } from '../auth/sessionCookie.js';
import { HttpProblem, notFound, PROBLEM_TYPES, unauthorized, forbidden } from '../http/problem.js';
import { noContent, ok, type Reply, type RouteSpec } from '../http/route.js';
import { personJson } from '../views/personViews.js';
import { iso } from '../views/jsonViews.js';
import { ref } from '../openapi/schemas.js';

const LOCKED_TYPE = 'urn:onestop:problem:account-locked';
const EVERYONE = PERSON_ROLES;
const clientOf = (req: Request) => req.ip ?? null;
const origin = (req: Request) => `${req.protocol}://${req.get('host')}`;
/** Several Set-Cookie headers in one reply (Node sends an array as separate headers). */
const cookies = (...values: string[]) => values as unknown as string;

export function sessionRoutes(deps: ResolvedDeps, auth: AuthConfig, oidc: OidcClient | null): RouteSpec[] {
  /** Opens the session of a person who proved who they are, and answers with its cookie. */
  async function signedIn(person: NonNullable<Awaited<ReturnType<ResolvedDeps['engine']['people']['byUsername']>>>, via: 'password' | 'sso', req: Request) {
    const s = await deps.engine.sessions.open(person, via, auth.session, clientOf(req));
    const body = { person: personJson(person), memberships: person.memberships, csrfToken: s.csrfToken, mustChangePassword: person.mustChangePassword, expiresAt: iso(s.expiresAt) };
    return { cookie: sessionCookie(s.token, s.expiresAt.getTime() - deps.engine.now().getTime(), auth), body };
  }

  return [
    {
      method: 'post',
      path: '/api/session',
      operationId: 'signIn',
      summary: 'Sign in with a password',
      description:
        'Sets the session cookie (HttpOnly, SameSite=Lax, Secure behind HTTPS) and answers with the person, the memberships and the CSRF token to send as `X-CSRF-Token` on every change. ' +
        'From the fourth wrong password on, answers are slower; the tenth locks the account for 15 minutes (423 with Retry-After). Every attempt is in the audit log.',
      tag: 'session',
      roles: 'public',
      body: { schema: ref('SignIn') },
      responses: {
        200: { description: 'Signed in', schema: ref('Session') },
        401: { description: 'Wrong username or password, or a deactivated account', schema: ref('Problem') },
        423: { description: 'Locked after too many wrong passwords (Retry-After in seconds)', schema: ref('Problem') },
      },
      async handler({ body, req }) {
        const r = await deps.engine.people.checkPassword(body.username, body.password, clientOf(req));
        if (!r.ok) {
          if (r.reason === 'locked') {
            const seconds = Math.ceil(r.retryAfterMs / 1000);
            throw new HttpProblem(423, LOCKED_TYPE, 'Account locked', `too many wrong passwords: the account is locked for ${Math.ceil(seconds / 60)} more minute(s)`, undefined, { 'Retry-After': String(seconds) });
          }
          throw r.reason === 'inactive'
            ? unauthorized('this account is deactivated: ask an administrator').because('account-inactive')
            : unauthorized('wrong username or password').because('wrong-password');
        }
        const person = (await deps.engine.people.byUsername(r.person.username))!;
        const { cookie, body: session } = await signedIn(person, 'password', req);
        return { status: 200, body: session, headers: { 'Set-Cookie': cookie, 'Cache-Control': 'no-store' } };
      },
    },
    {
      method: 'delete',
      path: '/api/session',
      operationId: 'signOut',
      summary: 'Sign out',
      description: 'Ends this session, or with `everywhere=true` every session of the person (every device). API keys have no session: revoke a key instead.',
      tag: 'session',
      roles: EVERYONE,
      query: { everywhere: { schema: { type: 'boolean', default: false }, description: 'Sign out of every device.' } },
      responses: { 204: { description: 'Signed out; the cookie is cleared' } },
      async handler({ query, caller }) {
        if (caller.who?.kind !== 'person') throw forbidden('an API key has no session to sign out of: an administrator revokes keys (DELETE /api/keys/{id})');
        await deps.engine.sessions.close(caller.who.session, query.everywhere ?? false);
        return { ...noContent(), headers: { 'Set-Cookie': expiredCookie(SESSION_COOKIE, auth) } };
      },
    },
    {
      method: 'post',
      path: '/api/session/password',
      operationId: 'changePassword',
      summary: 'Change one’s own password',
      description: 'With the current password. Required after an administrator set the password; the person’s other sessions end.',
      tag: 'session',
      roles: EVERYONE,
      body: { schema: ref('PasswordChange') },
      responses: { 204: { description: 'Changed' }, 422: { description: 'Wrong current password, or a weak new one', schema: ref('Problem') } },
      async handler({ body, caller }) {
        if (caller.who?.kind !== 'person') throw forbidden('an API key has no password');
        await deps.engine.people.changePassword(caller.who.personId, body.currentPassword, body.newPassword, caller.who.session.idSha256);
        return noContent();
      },
    },
    {
      method: 'get',
      path: '/api/session/sso',
      operationId: 'ssoSettings',
      summary: 'Whether single sign-on is configured',
      description: 'What the sign-in page needs to offer “Sign in with SSO”.',
      tag: 'session',
      roles: 'public',
      responses: { 200: { description: 'The settings', schema: ref('SsoSettings') } },
      async handler() {
        return ok({ enabled: !!oidc, startUrl: oidc ? '/api/session/oidc/start' : null });
      },
    },
    {
      method: 'get',
      path: '/api/session/oidc/start',
      operationId: 'startSso',
      summary: 'Start a single sign-on',
      description: 'Redirects to the identity provider (OpenID Connect authorization code flow with PKCE).',
      tag: 'session',
      roles: 'public',
      responses: { 302: { description: 'To the identity provider' }, 404: { description: 'Single sign-on is not configured', schema: ref('Problem') } },
      async handler({ req }) {
        if (!oidc) throw notFound('single sign-on is not configured (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET)');
        const redirectUri = auth.oidc?.redirectUri ?? `${origin(req)}/api/session/oidc/callback`;
        const { url, pending } = await oidc.start(redirectUri);
        return { status: 302, headers: { Location: url, 'Set-Cookie': oidcCookie(Buffer.from(JSON.stringify(pending)).toString('base64url'), auth), 'Cache-Control': 'no-store' } };
      },
    },
    {
      method: 'get',
      path: '/api/session/oidc/callback',
      operationId: 'finishSso',
      summary: 'Come back from the identity provider',
      description: 'Checks state, nonce and PKCE, maps the username claim to our registry (memberships come from it), opens the session and redirects to the workspace.',
      tag: 'session',
      roles: 'public',
      query: {
        code: { schema: { type: 'string', maxLength: 2000 }, description: 'Authorization code.' },
        state: { schema: { type: 'string', maxLength: 500 }, description: 'State sent at the start.' },
        iss: { schema: { type: 'string', maxLength: 500 }, description: 'Issuer (RFC 9207).' },
        session_state: { schema: { type: 'string', maxLength: 500 }, description: 'Provider session state.' },
        error: { schema: { type: 'string', maxLength: 200 }, description: 'The provider refused.' },
        error_description: { schema: { type: 'string', maxLength: 2000 }, description: 'Why.' },
      },
      responses: {
        302: { description: 'Signed in: to the workspace' },
        401: { description: 'The provider refused, or the state does not match', schema: ref('Problem') },
        403: { description: 'The username is not in our registry, or deactivated', schema: ref('Problem') },
        404: { description: 'Single sign-on is not configured', schema: ref('Problem') },
      },
      async handler({ query, req }): Promise<Reply> {
        if (!oidc) throw notFound('single sign-on is not configured (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET)');
        if (query.error) throw unauthorized(`the identity provider refused the sign-in: ${query.error_description ?? query.error}`);
        const raw = cookieOf(req, OIDC_COOKIE);
        if (!raw) throw unauthorized('no single sign-on was started in this browser (or it took longer than 10 minutes): start again');
        let pending: OidcPending;
        try {
          pending = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as OidcPending;
        } catch {
          throw unauthorized('the single sign-on state is unreadable: start again');
        }
        let username: string;
        try {
          username = await oidc.finish(new URL(req.originalUrl, pending.redirectUri), pending);
        } catch (err) {
          await deps.engine.audit.record({ kind: 'anonymous', name: 'sso' }, 'session.failed', null, { via: 'sso', reason: (err as Error).message });
          throw unauthorized(`the single sign-on failed: ${(err as Error).message}`);
        }
        const person = await deps.engine.people.byUsername(username);
        if (!person || !person.active) {
          await deps.engine.audit.record({ kind: 'anonymous', name: username.toLowerCase() }, 'session.failed', username.toLowerCase(), { via: 'sso', reason: person ? 'deactivated' : 'not in the registry' });
          throw forbidden(person ? `${person.username} is deactivated: ask an administrator` : `${username} signed in at the identity provider but is not in this center's registry: ask an administrator to add them`);
        }
        const { cookie } = await signedIn({ ...person, mustChangePassword: false }, 'sso', req);
        return { status: 302, headers: { Location: '/', 'Set-Cookie': cookies(cookie, expiredCookie(OIDC_COOKIE, auth)), 'Cache-Control': 'no-store' } };
      },
    },
  ];
}
