import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../engine/store/embeddedPostgres.js';
import { ROOT } from '../support/engineHarness.js';

// `kill -9` of the node process leaves its PostgreSQL running, orphaned, with
// the data folder locked: the next start must take over without anyone
// finding and killing the orphan by hand.

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

test('start-up after kill -9 of the node process that started the embedded PostgreSQL succeeds with no manual step', async () => {
  const dataDir = path.join(await mkdtemp(path.join(os.tmpdir(), 'onestop-orphan-')), 'postgres');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test/system/support/embeddedChild.ts'), dataDir], {
    cwd: ROOT,
    env: { ...process.env, NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`embedded PostgreSQL did not start:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/ready \d+/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
  });
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
  const orphan = Number((await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
  expect(alive(orphan)).toBe(true);

  const again = await startEmbeddedPostgres({ dataDir });
  try {
    expect(alive(orphan)).toBe(false);
    const client = new pg.Client({ connectionString: again.connectionString });
    await client.connect();
    expect((await client.query('SELECT 1 AS one')).rows[0].one).toBe(1);
    await client.end();
  } finally {
    await again.stop();
  }
}, 150_000);

test('the superuser password is random per data folder, kept 0600, and a stale pid file of a dead process is removed', async () => {
  const dataDir = path.join(await mkdtemp(path.join(os.tmpdir(), 'onestop-secret-')), 'postgres');
  const db = await startEmbeddedPostgres({ dataDir });
  await db.stop();
  const password = (await readFile(`${dataDir}.password`, 'utf8')).trim();
  expect((await stat(`${dataDir}.password`)).mode & 0o777).toBe(0o600);
  expect(password.length).toBeGreaterThanOrEqual(24);
  expect(db.connectionString).toContain(encodeURIComponent(password));
  // A pid file naming a process that no longer exists is what a crash of the whole host leaves.
  await writeFile(path.join(dataDir, 'postmaster.pid'), '999999\n');
  const again = await startEmbeddedPostgres({ dataDir });
  try {
    // A guessed password is refused: authentication is real.
    const wrong = new pg.Client({ connectionString: again.connectionString.replace(encodeURIComponent(password), 'onestop') });
    await expect(wrong.connect()).rejects.toThrow(/password/);
    expect(existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(true);
  } finally {
    await again.stop();
  }
}, 150_000);
