import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../engine/store/embeddedPostgres.js';
import { ADMIN, call, kill, startServer, stillRunning, type ServerProcess } from './support/serverProcess.js';

// The database going away must never take the server with it: connections
// cut by PostgreSQL (restart, failover, pg_terminate_backend) are replaced,
// and while the database does not answer callers get a 503 they can retry
// instead of a request hanging for as long as the stall lasts.

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `ok` holds; returns the milliseconds it took. */
async function until(what: string, withinMs: number, ok: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < withinMs) {
    if (await ok().catch(() => false)) return Date.now() - started;
    await sleep(100);
  }
  throw new Error(`${what}: not within ${withinMs} ms`);
}

describe('connections terminated by PostgreSQL', () => {
  let db: TestDatabase;
  let server: ServerProcess;

  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startServer({ DATABASE_URL: db.url, DATA_DIR: await mkdtemp(path.join(os.tmpdir(), 'onestop-dbfaults-')) });
  }, 90_000);
  afterAll(async () => {
    if (server) await kill(server);
    await db?.drop();
  });

  test('pg_terminate_backend of every server connection, LISTEN included, leaves the server running and serving again within 5 s', async () => {
    expect((await call(server, 'GET', '/api/procedures', ADMIN)).status).toBe(200);
    const dbName = new URL(db.url).pathname.slice(1);
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    try {
      const listening = await admin.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND query ILIKE 'LISTEN%' AND pid <> pg_backend_pid()`, [dbName]);
      expect(listening.rows[0].n).toBeGreaterThan(0);
      const killed = await admin.query(
        `SELECT count(*)::int AS n FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()) t`,
        [dbName],
      );
      expect(killed.rows[0].n).toBeGreaterThan(1);
    } finally {
      await admin.end();
    }
    const tookMs = await until('serving again', 5_000, async () => (await call(server, 'GET', '/api/procedures', ADMIN, undefined, 2_000)).status === 200);
    console.log(`recovered ${tookMs} ms after pg_terminate_backend`);
    // The scheduler's LISTEN channel comes back as well.
    await until('LISTEN again', 5_000, async () => {
      const c = new pg.Client({ connectionString: db.url });
      await c.connect();
      const r = await c.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND query ILIKE 'LISTEN%'`, [dbName]);
      await c.end();
      return r.rows[0].n > 0;
    });
    // Give the process time to die if an error event were left unhandled.
    await sleep(1_500);
    expect(stillRunning(server)).toBe(true);
    expect((await call(server, 'GET', '/health', null)).body).toMatchObject({ status: 'ok', database: { state: 'up' } });
  }, 30_000);
});

describe('a stalled database', () => {
  let embedded: EmbeddedDatabase;
  let server: ServerProcess;
  let stopped: number[] = [];

  /** The postmaster and its backends: SIGSTOP-ing only the postmaster would leave open sessions answering. */
  async function postgresProcesses(): Promise<number[]> {
    const postmaster = Number((await readFile(path.join(embedded.dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
    const children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(postmaster)], { encoding: 'utf8' })
      .split('\n')
      .map((s) => Number(s.trim()))
      .filter((n) => n > 0);
    return [postmaster, ...children];
  }
  const signal = (pids: number[], sig: NodeJS.Signals) => pids.forEach((pid) => process.kill(pid, sig));

  beforeAll(async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'onestop-stall-'));
    embedded = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg') });
    server = await startServer({ DATABASE_URL: embedded.connectionString, DATA_DIR: dir });
  }, 120_000);
  afterAll(async () => {
    if (stopped.length) signal(stopped, 'SIGCONT');
    if (server) await kill(server);
    await embedded?.stop();
  });

  test('SIGSTOP gives 503 with Retry-After within 5 s and /health says down; SIGCONT brings the service back', async () => {
    expect((await call(server, 'GET', '/api/procedures', ADMIN)).status).toBe(200);
    stopped = await postgresProcesses();
    signal(stopped, 'SIGSTOP');

    let started = Date.now();
    const during = await call(server, 'GET', '/api/procedures', ADMIN, undefined, 10_000);
    const apiMs = Date.now() - started;
    expect(during.status).toBe(503);
    expect(during.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(during.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(during.body.detail).toMatch(/database/);
    expect(apiMs).toBeLessThan(5_000);

    started = Date.now();
    const health = await call(server, 'GET', '/health', null, undefined, 10_000);
    const healthMs = Date.now() - started;
    expect(health.status).toBe(503);
    expect(health.body.database.state).toBe('down');
    expect(healthMs).toBeLessThan(5_000);
    console.log(`stalled database: API 503 after ${apiMs} ms, /health after ${healthMs} ms`);

    signal(stopped, 'SIGCONT');
    stopped = [];
    const tookMs = await until('serving after SIGCONT', 10_000, async () => (await call(server, 'GET', '/api/procedures', ADMIN, undefined, 4_000)).status === 200);
    console.log(`served again ${tookMs} ms after SIGCONT`);
    expect(stillRunning(server)).toBe(true);
  }, 60_000);
});
