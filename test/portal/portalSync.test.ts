import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase.js';
import { FixedClock } from '../support/fixedClock.js';
import { engineFor, seedDepartments } from '../support/engineHarness.js';
import type { OnestopEngine } from '../../engine/onestopEngine.js';
import { startPortalSender, type PortalSender } from '../../engine/portal/sender.js';
import { applicant, PLAIN } from '../rules/lifecycleProcedures.js';

// 1,000 status changes reach a portal on 127.0.0.1 that fails one request in
// three: every record is delivered, in order per dossier, although the engine
// and the sender are restarted halfway.

let db: TestDatabase;
let receiver: http.Server;
let url: string;
const received: Array<{ id: number; dossierCode: string; status: number }> = [];
let requests = 0;
let refusedRequests = 0;
const tokens = new Set<string>();

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDepartments(db.pool);
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      requests++;
      tokens.add(String(req.headers.authorization));
      if (requests % 3 === 0) {
        refusedRequests++;
        res.writeHead(503).end('busy');
        return;
      }
      const { id, dossierCode, record } = JSON.parse(body) as { id: number; dossierCode: string; record: { TrangThaiHoSo: number; MaHoSo: string } };
      expect(req.headers['idempotency-key']).toBe(`onestop-${id}`);
      expect(record.MaHoSo).toBe(dossierCode);
      // The portal keeps the first copy of a record it is sent twice.
      if (!received.some((r) => r.id === id)) received.push({ id, dossierCode, status: record.TrangThaiHoSo });
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/portal`;
});
afterAll(async () => {
  await new Promise((resolve) => receiver.close(resolve));
  await db.drop();
});

const sender = (): PortalSender => startPortalSender({ pool: db.pool, url, token: 'portal-token', batchSize: 25, pollMs: 10, leaseMs: 5_000, backoff: { baseMs: 5, maxMs: 40 } });

/** One dossier's five status changes: filed (1), accepted (2, 4), supplement asked (5) and received (4). */
async function lifeOf(engine: OnestopEngine): Promise<void> {
  const d = await engine.submit('T.PLAIN', { applicant, data: {}, channel: 'online', check: true });
  await engine.accept(d.code, { actor: 'desk' });
  await engine.requestSupplement(d.code, { actor: 'desk', department: null, reason: 'Thiếu tờ khai', items: ['Tờ khai'] });
  await engine.receiveSupplement(d.code, { actor: 'desk' });
}

async function inBatches(n: number, engine: OnestopEngine) {
  for (let i = 0; i < n; i += 4) await Promise.all(Array.from({ length: Math.min(4, n - i) }, () => lifeOf(engine)));
}

async function until(check: () => Promise<boolean>, what: string, ms = 120_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const count = async (where: string) => (await db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM portal_outbox ${where}`)).rows[0].n;

test('1,000 status changes: all delivered in order per dossier across a restart, one request in three refused', async () => {
  const clock = new FixedClock('2026-03-02T09:00:00+07:00');
  let engine = engineFor(db.pool, clock);
  await engine.deploy(PLAIN);

  let first: PortalSender | null = sender();
  await inBatches(100, engine);
  // Halfway, some delivered, the server goes down: engine and sender both.
  await until(async () => (await count('WHERE delivered_at IS NOT NULL')) > 50, 'the first deliveries');
  await first.stop();
  first = null;
  const deliveredBefore = await count('WHERE delivered_at IS NOT NULL');
  expect(deliveredBefore).toBeLessThan(500);

  engine = engineFor(db.pool, clock);
  clock.set('2026-03-03T09:00:00+07:00');
  await inBatches(100, engine);
  expect(await count('')).toBe(1000);
  const second = sender();
  try {
    await until(async () => (await count('WHERE delivered_at IS NULL')) === 0, 'every record delivered');
  } finally {
    await second.stop();
  }

  // Everything arrived once, in the order written for each dossier.
  const { rows } = await db.pool.query<{ id: number; dossier_code: string; status_code: number }>('SELECT id, dossier_code, status_code FROM portal_outbox ORDER BY id');
  expect(new Set(received.map((r) => r.id)).size).toBe(1000);
  const perDossier = (list: Array<{ id: number; dossierCode: string }>) => {
    const m = new Map<string, number[]>();
    for (const r of list) m.set(r.dossierCode, [...(m.get(r.dossierCode) ?? []), r.id]);
    return m;
  };
  const written = perDossier(rows.map((r) => ({ id: r.id, dossierCode: r.dossier_code })));
  const arrived = perDossier(received);
  expect(arrived.size).toBe(200);
  for (const [code, ids] of written) expect(arrived.get(code)).toEqual(ids);
  // Each dossier's statuses as the portal saw them.
  const statuses = new Map<string, number[]>();
  for (const r of received) statuses.set(r.dossierCode, [...(statuses.get(r.dossierCode) ?? []), r.status]);
  for (const seq of statuses.values()) expect(seq).toEqual([1, 2, 4, 5, 4]);

  // One request in three was refused and retried; the credential went with every request.
  expect(refusedRequests).toBeGreaterThanOrEqual(Math.floor(requests / 3));
  expect(refusedRequests).toBeGreaterThan(300);
  expect(await count('WHERE attempts > 1')).toBeGreaterThan(0);
  expect([...tokens]).toEqual(['Bearer portal-token']);
}, 300_000);
