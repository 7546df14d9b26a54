import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { bearer, createTestbed, type Testbed } from '../api/support/apiTestbed.js';
import { CLIENT, startIdentityProvider, type IdentityProvider } from './support/identityProvider.js';

// Single sign-on against a real OpenID provider on 127.0.0.1, followed over
// HTTP as a browser would: redirects by hand, cookies in a jar.

let tb: Testbed;
let idp: IdentityProvider;
let app: http.Server;
let base: string;

beforeAll(async () => {
  app = http.createServer();
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
  idp = await startIdentityProvider(`${base}/api/session/oidc/callback`);
  tb = await createTestbed({ auth: { oidc: { issuer: idp.issuer, clientId: CLIENT.id, clientSecret: CLIENT.secret, usernameClaim: 'preferred_username' } } });
  app.on('request', tb.app);
  await tb.api.post('/api/people').set(bearer(tb.admin)).send({ username: 'ha.le', fullName: 'Lê Thu Hà', memberships: [{ role: 'officer', department: 'TUPHAP_XA' }] }).expect(201);
});
afterAll(async () => {
  await new Promise<void>((resolve) => app.close(() => resolve()));
  await idp.close();
  await tb.close();
});

/** A browser's cookie jar, enough for one host: name=value, latest wins, expired ones dropped. */
class Jar {
  private cookies = new Map<string, string>();
  take(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const [name, value] = [pair.slice(0, pair.indexOf('=')).trim(), pair.slice(pair.indexOf('=') + 1).trim()];
      const expired = attrs.some((a) => /^\s*expires=thu, 01 jan 1970/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  get(name: string) {
    return this.cookies.get(name);
  }
}

/** Follows redirects like a browser, and returns the last answer and the URLs visited. */
async function browse(jar: Jar, url: string) {
  const visited: string[] = [];
  let res: Response;
  for (let i = 0; ; i++) {
    if (i > 20) throw new Error(`too many redirects: ${visited.join(' → ')}`);
    visited.push(url);
    res = await fetch(url, { redirect: 'manual', headers: { Cookie: jar.header() } });
    jar.take(res);
    const next = res.headers.get('location');
    if (res.status < 300 || res.status >= 400 || !next) return { res, visited };
    url = new URL(next, url).href;
  }
}

test('a person signs in through SSO: code flow with PKCE at the provider, memberships from our registry', async () => {
  const settings = await (await fetch(`${base}/api/session/sso`)).json();
  expect(settings).toEqual({ enabled: true, startUrl: '/api/session/oidc/start' });
  idp.nextLogin.accountId = 'Ha.Le';
  const jar = new Jar();
  const { res, visited } = await browse(jar, `${base}/api/session/oidc/start`);
  const authorize = new URL(visited[1]);
  expect(authorize.origin).toBe(idp.issuer);
  expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
  expect(visited.at(-1)).toBe(`${base}/`);
  expect(res.status).toBe(404 /* the workspace's page is not served by the API testbed */);
  expect(jar.get('onestop_session')).toBeDefined();
  expect(jar.get('onestop_oidc')).toBeUndefined();
  const me = await (await fetch(`${base}/api/me`, { headers: { Cookie: jar.header() } })).json();
  expect(me).toMatchObject({ kind: 'person', name: 'ha.le', fullName: 'Lê Thu Hà', role: 'officer', department: 'TUPHAP_XA', mustChangePassword: false });
  const signedIn = (await tb.api.get('/api/audit?action=session.signed-in&actor=ha.le').set(bearer(tb.admin)).expect(200)).body.items[0];
  expect(signedIn.detail.via).toBe('sso');
});

test('someone the provider knows but our registry does not is refused, and recorded', async () => {
  idp.nextLogin.accountId = 'stranger';
  const { res } = await browse(new Jar(), `${base}/api/session/oidc/start`);
  expect(res.status).toBe(403);
  expect((await res.json()).detail).toMatch(/not in this center's registry/);
  const failed = (await tb.api.get('/api/audit?action=session.failed&actor=stranger').set(bearer(tb.admin)).expect(200)).body.items[0];
  expect(failed.detail).toMatchObject({ via: 'sso', reason: 'not in the registry' });
});

test('a callback without the state of a sign-in started in this browser is refused', async () => {
  const res = await fetch(`${base}/api/session/oidc/callback?code=abc&state=forged`, { redirect: 'manual' });
  expect(res.status).toBe(401);
});
