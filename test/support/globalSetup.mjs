// Jest loads global setup outside its own module system, so the TypeScript
// module is imported through tsx here.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { tsImport } from 'tsx/esm/api';

/**
 * One real PostgreSQL for the whole run: the one named by TEST_DATABASE_URL
 * (or DATABASE_URL), else an embedded one in a temporary folder. Each test
 * file then creates its own database in it (see testDatabase.ts).
 */
export default async function globalSetup() {
  if (process.env.TEST_DATABASE_URL) return;
  if (process.env.DATABASE_URL) {
    process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;
    return;
  }
  const { startEmbeddedPostgres } = await tsImport('../../engine/store/embeddedPostgres.ts', import.meta.url);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'onestop-test-pg-'));
  const db = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), database: 'postgres' });
  process.env.TEST_DATABASE_URL = db.connectionString;
  globalThis.__onestopTestDb = db;
}
