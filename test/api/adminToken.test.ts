import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { ensureAdminToken, openEngine } from '../../engine/index.js';
import { tokenHash } from '../../engine/keys/apiTokens.js';
import { apiDocument, mountApi } from '../../api/mountApi.js';
import { checkedClient, type ApiClient } from './support/apiTestbed.js';
import { ResponseChecker } from './support/openApiResponses.js';
import { createOnestopEngine } from '../../engine/onestopEngine.js';
import { calendarTimeRules, singleCalendar } from '../../engine/deadlines/calendarTimeRules.js';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase.js';
import { defaultCalendar } from '../support/engineHarness.js';

// The bootstrap administrator: from ONESTOP_ADMIN_TOKEN, or generated once
// under DATA_DIR. Only hashes are stored.

let db: TestDatabase;
let dataDir: string;
let api: ApiClient;

beforeAll(async () => {
  db = await createTestDatabase();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'onestop-admin-'));
  const app = express();
  const deps = { engine: openEngine(createOnestopEngine({ pool: db.pool, time: calendarTimeRules(() => new Date(), singleCalendar(defaultCalendar)) })) };
  mountApi(app, deps);
  api = checkedClient(app, new ResponseChecker(JSON.parse(JSON.stringify(apiDocument(deps)))));
});
afterAll(async () => {
  await db.drop();
  await rm(dataDir, { recursive: true, force: true });
});

const canAdminister = async (token: string) => (await api.get('/api/keys').set('Authorization', `Bearer ${token}`)).status;

test('without ONESTOP_ADMIN_TOKEN a token is generated once, kept owner-only, printed, and works', async () => {
  const lines: string[] = [];
  const first = await ensureAdminToken(db.pool, { dataDir, log: (l) => lines.push(l) });
  expect(first.source).toBe('generated');
  const file = path.join(dataDir, 'admin-token');
  const token = (await readFile(file, 'utf8')).trim();
  expect(token).toMatch(/^osk_[A-Za-z0-9_-]{43}$/);
  expect((await stat(file)).mode & 0o777).toBe(0o600);
  expect(lines.join('\n')).toContain(token);
  expect(await canAdminister(token)).toBe(200);

  // Only the hash is in the database.
  const { rows } = await db.pool.query('SELECT token_sha256 FROM api_keys');
  expect(rows).toEqual([{ token_sha256: tokenHash(token) }]);
  expect(JSON.stringify(rows)).not.toContain(token);

  // A restart reuses it and does not print it again.
  const again: string[] = [];
  expect((await ensureAdminToken(db.pool, { dataDir, log: (l) => again.push(l) })).source).toBe('file');
  expect(again.join('\n')).not.toContain(token);
  expect((await db.pool.query('SELECT count(*)::int AS n FROM api_keys')).rows[0].n).toBe(1);
});

test('setting ONESTOP_ADMIN_TOKEN replaces the bootstrap key; the previous token stops working', async () => {
  const generated = (await readFile(path.join(dataDir, 'admin-token'), 'utf8')).trim();
  await ensureAdminToken(db.pool, { envToken: 'my-own-admin-token-1234', dataDir, log: () => {} });
  expect(await canAdminister('my-own-admin-token-1234')).toBe(200);
  expect(await canAdminister(generated)).toBe(401);
  // The bootstrap key cannot be revoked through the API (it would come back at the next start).
  const keys = (await api.get('/api/keys').set('Authorization', 'Bearer my-own-admin-token-1234')).body.items;
  expect(keys).toEqual([expect.objectContaining({ bootstrap: true, role: 'admin', tokenHint: '…1234' })]);
  const res = await api.delete(`/api/keys/${keys[0].id}`).set('Authorization', 'Bearer my-own-admin-token-1234');
  expect(res.status).toBe(409);
  await expect(ensureAdminToken(db.pool, { envToken: 'short', dataDir, log: () => {} })).rejects.toThrow(/at least 16/);
});
