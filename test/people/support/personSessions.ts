import type { Test } from 'supertest';
import { bearer, type Testbed } from '../../api/support/apiTestbed.js';

export const PASSWORD = 'Initial-pass-2026!';
export const OWN_PASSWORD = 'My-own-secret-2026!';

export interface PersonSession {
  id: string;
  username: string;
  cookie: string;
  csrfToken: string;
}

/** The session cookie of a sign-in answer (name=value only, as a browser sends it back). */
export function sessionCookieOf(res: { headers: Record<string, unknown> }): string {
  const set = ([] as string[]).concat((res.headers['set-cookie'] as string[] | string | undefined) ?? []);
  const line = set.find((c) => c.startsWith('onestop_session='));
  if (!line) throw new Error(`no session cookie in ${JSON.stringify(set)}`);
  return line.split(';')[0];
}

export async function signIn(tb: Testbed, username: string, password: string): Promise<PersonSession & { body: Record<string, unknown> }> {
  const res = await tb.api.post('/api/session').send({ username, password }).expect(200);
  return { id: res.body.person.id, username, cookie: sessionCookieOf(res), csrfToken: res.body.csrfToken, body: res.body };
}

/** Headers of a request made in the person's browser: the cookie and the CSRF token. */
export const asPerson = (s: PersonSession) => ({ Cookie: s.cookie, 'X-CSRF-Token': s.csrfToken });
export const withSession = (req: Test, s: PersonSession) => req.set(asPerson(s));

/** An administrator creates the person; the person signs in, changes the given password and signs in again. */
export async function onboard(tb: Testbed, username: string, memberships: Array<{ role: string; department?: string }>, fullName = username): Promise<PersonSession> {
  const created = await tb.api.post('/api/people').set(bearer(tb.admin)).send({ username, fullName, password: PASSWORD, memberships }).expect(201);
  const first = await signIn(tb, username, PASSWORD);
  await tb.api.post('/api/session/password').set(asPerson(first)).send({ currentPassword: PASSWORD, newPassword: OWN_PASSWORD }).expect(204);
  const s = await signIn(tb, username, OWN_PASSWORD);
  return { ...s, id: created.body.id };
}
