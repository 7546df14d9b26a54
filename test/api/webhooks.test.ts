import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Agenda } from 'agenda';
import { createAgenda } from '../../engine/scheduler/createAgenda.js';
import { createWebhookNotifier } from '../../engine/webhooks/webhookNotifier.js';
import { registerWebhookJobs } from '../../engine/webhooks/deliverWebhook.js';
import { Webhook } from 'standardwebhooks';
import { bearer, birthDossier, BIRTH_STEP_DATA, createKey, createTestbed, sample, type Testbed } from './support/apiTestbed.js';

// A local receiver on 127.0.0.1, a real Agenda on the test database, and
// back-off in fractions of a second instead of the production 10 s, 30 s, 90 s…

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  at: number;
  /** What the receiver answered: 401 for a bad signature, 409 for a replay. */
  answer?: number;
}

// A Standard Webhooks secret (whsec_ + base64 key), so the receiver verifies
// with the stock library as a department's software would.
const SECRET = `whsec_${Buffer.from('department-secret-0123456789-abcd').toString('base64')}`;
const verifier = new Webhook(SECRET);
/** Message ids the receiver accepted: the same id again is a replay. */
const accepted = new Set<string>();
let tb: Testbed;
let agenda: Agenda;
let receiver: http.Server;
let base: string;
let desk: string;
let civil: string;
const received: Received[] = [];
/** Remaining failures per path before it answers 200. */
const failures = new Map<string, number>();

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const hit: Received = { path: req.url!, headers: req.headers, body, at: Date.now() };
      received.push(hit);
      try {
        verifier.verify(body, req.headers as Record<string, string>);
      } catch {
        hit.answer = 401;
        return res.writeHead(401).end('bad signature');
      }
      const id = req.headers['webhook-id'] as string;
      if (accepted.has(id)) {
        hit.answer = 409;
        return res.writeHead(409).end('replayed');
      }
      if (req.url === '/hang') return; // never answers
      const left = failures.get(req.url!) ?? 0;
      if (left > 0) failures.set(req.url!, left - 1);
      if (left === 0) accepted.add(id);
      hit.answer = left > 0 ? 500 : 200;
      res.writeHead(left > 0 ? 500 : 200).end(left > 0 ? 'receiver broken' : 'ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  // Loopback destinations are refused unless an administrator allows them.
  process.env.WEBHOOK_ALLOW_HOSTS = `127.0.0.1:${(receiver.address() as AddressInfo).port},127.0.0.1:9`;

  tb = await createTestbed({
    notifier: (db) => {
      agenda = createAgenda(db.url, 'webhook-test', { processEvery: 200 });
      return createWebhookNotifier({ pool: db.pool, queue: agenda, deskDepartment: 'MOTCUA_XA', log: () => {} });
    },
  });
  registerWebhookJobs(agenda, { pool: tb.db.pool, retry: { attempts: 4, firstDelayMs: 250, factor: 2 }, timeoutMs: 800, log: () => {} });
  await agenda.start();

  const analyst = await createKey(tb, 'analyst');
  desk = await createKey(tb, 'desk');
  civil = await createKey(tb, 'officer', 'TUPHAP_XA');
  await tb.api.post('/api/procedures').set(bearer(analyst)).set('Content-Type', 'application/xml').send(await sample('birth-residence-insurance.bpmn')).expect(201);
});

afterAll(async () => {
  await agenda?.stop();
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
  await tb.close();
});

async function waitFor<T>(probe: () => Promise<T | undefined | null | false>, ms = 8000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`not reached within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const setWebhook = (department: string, url: string) =>
  tb.api.put(`/api/departments/${department}/webhook`).set(bearer(tb.admin)).send({ url, secret: SECRET }).expect(200);

const deliveries = async (query = '') => (await tb.api.get(`/api/webhook-deliveries${query}`).set(bearer(tb.admin)).expect(200)).body.items as Array<Record<string, unknown>>;

test('a routed task is POSTed to its department, signed with the department’s secret', async () => {
  await setWebhook('TUPHAP_XA', `${base}/ok`);
  const submitted = await tb.api.post('/api/dossiers').set(bearer(desk)).send(birthDossier()).expect(201);
  const hit = await waitFor(async () => received.find((r) => r.path === '/ok'));

  expect(hit.answer).toBe(200);
  expect(() => new Webhook(`whsec_${Buffer.from('another-secret-entirely').toString('base64')}`).verify(hit.body, hit.headers as Record<string, string>)).toThrow();
  expect(hit.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
  expect(hit.headers['webhook-id']).toMatch(/^msg_\d+$/);
  expect(Math.abs(Number(hit.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
  expect(hit.headers['content-type']).toBe('application/json');
  expect(hit.headers['x-onestop-event']).toBe('task.created');
  expect(JSON.parse(hit.body)).toMatchObject({
    event: 'task.created',
    department: 'TUPHAP_XA',
    dossierCode: submitted.body.code,
    taskId: submitted.body.tasks[0].id,
    payload: { elementId: 'Task_RegisterBirth', fromDepartment: 'MOTCUA_XA' },
  });
  const [delivery] = await waitFor(async () => {
    const list = await deliveries('?department=TUPHAP_XA');
    return list[0]?.status === 'delivered' && list;
  });
  expect(delivery).toMatchObject({ event: 'task.created', status: 'delivered', attempts: 1, lastStatusCode: 200, lastError: null, dossierCode: submitted.body.code });
  expect(String(delivery.id)).toBe(hit.headers['x-onestop-delivery']);
});

test('a receiver answering 500 is retried with growing waits, the same signed bytes each time, until it accepts', async () => {
  received.length = 0;
  failures.set('/flaky', 2);
  await setWebhook('TUPHAP_XA', `${base}/flaky`);
  const started = Date.now();
  const submitted = await tb.api.post('/api/dossiers').set(bearer(desk)).send(birthDossier()).expect(201);
  // The step was routed and answered before the receiver was even called once successfully.
  expect(received.filter((r) => r.path === '/flaky').length).toBeLessThan(3);

  const hits = await waitFor(async () => {
    const h = received.filter((r) => r.path === '/flaky');
    return h.length >= 3 && h;
  });
  expect(new Set(hits.map((h) => h.body)).size).toBe(1);
  expect(new Set(hits.map((h) => h.headers['x-onestop-delivery'])).size).toBe(1);
  expect(new Set(hits.map((h) => h.headers['webhook-id'])).size).toBe(1);
  expect(hits.every((h) => h.answer !== 401)).toBe(true);
  // Back-off: 250 ms, then 500 ms (give or take the polling).
  expect(hits[1].at - hits[0].at).toBeGreaterThanOrEqual(240);
  expect(hits[2].at - hits[1].at).toBeGreaterThanOrEqual(490);
  expect(hits[0].at - started).toBeLessThan(2000);

  const delivery = await waitFor(async () => (await deliveries('?department=TUPHAP_XA')).find((d) => d.dossierCode === submitted.body.code && d.status === 'delivered'));
  expect(delivery).toMatchObject({ attempts: 3, lastStatusCode: 200, lastError: null });
});

test('a receiver that is down or hangs never blocks or fails a step; the delivery ends failed and says why', async () => {
  // The civil-status department's receiver hangs, the desk's is down (nothing listens on port 9).
  await setWebhook('TUPHAP_XA', `${base}/hang`);
  await setWebhook('MOTCUA_XA', 'http://127.0.0.1:9/down');
  await setWebhook('CONGAN_XA', `${base}/ok`);
  await setWebhook('BHXH', `${base}/ok`);

  let t = Date.now();
  const submitted = await tb.api.post('/api/dossiers').set(bearer(desk)).send(birthDossier()).expect(201);
  expect(Date.now() - t).toBeLessThan(1000);
  const code: string = submitted.body.code;
  t = Date.now();
  const done = await tb.api.post(`/api/tasks/${submitted.body.tasks[0].id}/complete`).set(bearer(civil)).send({ data: BIRTH_STEP_DATA.Task_RegisterBirth }).expect(200);
  expect(Date.now() - t).toBeLessThan(1000);

  // The dossier goes on to its end; the desk's dossier.resolved delivery cannot be delivered.
  for (const task of done.body.openTasks as Array<{ id: string; elementId: keyof typeof BIRTH_STEP_DATA }>) {
    await tb.engine.completeTask(task.id, { actor: 'officer', data: BIRTH_STEP_DATA[task.elementId] });
  }
  const failedDesk = await waitFor(async () => (await deliveries('?status=failed&department=MOTCUA_XA')).find((d) => d.dossierCode === code));
  expect(failedDesk).toMatchObject({ event: 'dossier.resolved', attempts: 4, lastStatusCode: null, lastError: expect.stringMatching(/ECONNREFUSED|fetch failed/) });
  const failedHang = await waitFor(async () => (await deliveries('?status=failed&department=TUPHAP_XA')).find((d) => d.dossierCode === code), 12_000);
  expect(failedHang).toMatchObject({ event: 'task.created', attempts: 4, lastError: 'no answer within 800 ms' });
  expect((await tb.api.get(`/api/dossiers/${code}`).set(bearer(desk)).expect(200)).body.status.name).toBe('resolved');
}, 30_000);

test('an event for a department without a webhook records nothing', async () => {
  await tb.api.delete('/api/departments/TUPHAP_XA/webhook').set(bearer(tb.admin)).expect(204);
  const before = (await deliveries('?department=TUPHAP_XA&limit=500')).length;
  await tb.api.post('/api/dossiers').set(bearer(desk)).send(birthDossier()).expect(201);
  await new Promise((r) => setTimeout(r, 300));
  expect((await deliveries('?department=TUPHAP_XA&limit=500')).length).toBe(before);
});

test('a captured delivery replayed to the receiver is rejected, and so is one with its timestamp changed', async () => {
  received.length = 0;
  await setWebhook('TUPHAP_XA', `${base}/ok`);
  await tb.api.post('/api/dossiers').set(bearer(desk)).send(birthDossier()).expect(201);
  const hit = await waitFor(async () => received.find((r) => r.path === '/ok' && r.answer === 200));
  const headers = Object.fromEntries(['content-type', 'webhook-id', 'webhook-timestamp', 'webhook-signature'].map((h) => [h, hit.headers[h] as string]));
  const replay = await fetch(`${base}/ok`, { method: 'POST', headers, body: hit.body });
  expect(replay.status).toBe(409);
  const shifted = await fetch(`${base}/ok`, { method: 'POST', headers: { ...headers, 'webhook-timestamp': String(Number(headers['webhook-timestamp']) + 1) }, body: hit.body });
  expect(shifted.status).toBe(401);
});

describe('destinations inside the network are refused unless allow-listed', () => {
  test.each([
    'http://127.0.0.1:5432/hook',
    'http://localhost:8080/hook',
    'http://169.254.169.254/latest/meta-data',
    'http://10.1.2.3/hook',
    'http://[::1]:3000/hook',
    'http://192.168.1.10/hook',
  ])('%s', async (url) => {
    const res = await tb.api.put('/api/departments/BHXH/webhook').set(bearer(tb.admin)).send({ url, secret: SECRET });
    expect(res.status).toBe(422);
    expect(res.body.detail).toMatch(/loopback, private, link-local or metadata|does not resolve/);
  });
});

test('the secret is stored encrypted, not as given', async () => {
  await setWebhook('CONGAN_XA', `${base}/ok`);
  const { rows } = await tb.db.pool.query(`SELECT secret FROM department_webhooks WHERE department = 'CONGAN_XA'`);
  expect(rows[0].secret).not.toContain(SECRET);
  expect(rows[0].secret).toMatch(/^enc:v1:/);
});
