import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { bearer, birthDossier, createKey, createTestbed, sample, type Testbed } from '../api/support/apiTestbed.js';
import { deliverRound } from '../../engine/portal/sender.js';

// A supervisor sees per dossier whether the portal heard of it, and why not.

let tb: Testbed;
let desk: string;
let supervisor: string;
let portal: http.Server;
let url: string;
let answer = 503;

beforeAll(async () => {
  tb = await createTestbed();
  desk = await createKey(tb, 'desk');
  supervisor = await createKey(tb, 'supervisor');
  const analyst = await createKey(tb, 'analyst');
  await tb.api.post('/api/procedures').set(bearer(analyst)).set('Content-Type', 'application/xml').send(await sample('birth-residence-insurance.bpmn')).expect(201);
  portal = http.createServer((req, res) => req.resume().on('end', () => res.writeHead(answer).end(answer === 200 ? '{}' : 'maintenance')));
  await new Promise<void>((resolve) => portal.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(portal.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await new Promise((resolve) => portal.close(resolve));
  await tb.close();
});

test('not sent, refused with the portal’s answer, then synchronised', async () => {
  const d = (await tb.api.post('/api/dossiers').set(bearer(desk)).send(birthDossier()).expect(201)).body;
  const sync = () => tb.api.get(`/api/dossiers/${d.code}/portal-sync`).set(bearer(supervisor)).expect(200);

  const fresh = (await sync()).body;
  expect(fresh).toMatchObject({ dossierCode: d.code, synchronised: false, records: 2, delivered: 0, waiting: { statusCode: 2, attempts: 0 } });
  expect(fresh.reason).toBe('status 2 has not been sent yet: no attempt so far; is the sender configured (PORTAL_SYNC_URL)? (1 later change waits behind it)');

  const options = { pool: tb.db.pool, url, backoff: { baseMs: 0, maxMs: 0 } };
  await deliverRound(options);
  const refused = (await sync()).body;
  expect(refused).toMatchObject({ synchronised: false, delivered: 0, waiting: { statusCode: 2, attempts: 1, lastError: 'the portal answered 503 maintenance' } });
  expect(refused.reason).toMatch(/^the portal has not accepted status 2 after 1 attempt: the portal answered 503 maintenance; next attempt at /);

  answer = 200;
  while ((await deliverRound(options)) > 0);
  expect((await sync()).body).toMatchObject({ synchronised: true, records: 2, delivered: 2, waiting: null, reason: null });
  await tb.api.get(`/api/dossiers/${d.code}/portal-sync`).set(bearer(await createKey(tb, 'officer', 'TUPHAP_XA'))).expect(403);
});
