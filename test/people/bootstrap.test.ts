import { mkdtemp, readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ADMIN_PASSWORD_FILE, ensureAdminPerson } from '../../engine/index.js';
import { createTestbed, type Testbed } from '../api/support/apiTestbed.js';
import { asPerson, signIn } from './support/personSessions.js';

let tb: Testbed;
beforeAll(async () => {
  tb = await createTestbed();
});
afterAll(() => tb.close());

test('a fresh install creates the first administrator once: password printed once, kept 0600, changed at the first sign-in', async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'onestop-admin-'));
  const lines: string[] = [];
  const first = await ensureAdminPerson(tb.db.pool, { dataDir, log: (l) => lines.push(l) });
  expect(first.password).toMatch(/^[\w-]{16}$/);
  const file = path.join(dataDir, ADMIN_PASSWORD_FILE);
  expect((await readFile(file, 'utf8')).trim()).toBe(first.password);
  expect((await stat(file)).mode & 0o777).toBe(0o600);
  expect(lines).toEqual([`First administrator: sign in as "admin" with the password ${first.password} (kept in ${file}); you will be asked to change it`]);

  const again: string[] = [];
  expect((await ensureAdminPerson(tb.db.pool, { dataDir, log: (l) => again.push(l) })).password).toBeNull();
  expect(again).toEqual([]);

  const s = await signIn(tb, 'admin', first.password!);
  expect(s.body).toMatchObject({ mustChangePassword: true, memberships: [{ role: 'admin', department: null }] });
  await tb.api.get('/api/people').set(asPerson(s)).expect(403);
  const withName = await tb.api.post('/api/session/password').set(asPerson(s)).send({ currentPassword: first.password, newPassword: 'The-centre-admin-2026' }).expect(422);
  expect(withName.body.detail).toMatch(/must not contain the username/);
  await tb.api.post('/api/session/password').set(asPerson(s)).send({ currentPassword: first.password, newPassword: 'The-centre-boss-2026' }).expect(204);
  expect((await tb.api.get('/api/people').set(asPerson(s)).expect(200)).body.items.map((p: { username: string }) => p.username)).toEqual(['admin']);
});
