import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type pg from 'pg';
import { getCreateIndexesSQL, getCreateTableSQL } from '@agendajs/postgres-backend';
import { withTransaction } from './db.js';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
// Any constant: two servers starting together must not both migrate.
const MIGRATION_LOCK = 7_240_001;
/**
 * A migration may build an index over years of dossiers: minutes, far past
 * the pool's statement timeouts (DB_STATEMENT_TIMEOUT_MS, meant for requests).
 * pg treats a query_timeout of 0 as "the pool's", hence a long one instead.
 */
const MIGRATION_TIMEOUT_MS = 6 * 3_600_000;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export async function listMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f)).sort();
  return Promise.all(
    files.map(async (file) => ({
      version: Number(file.slice(0, 4)),
      name: file.slice(5, -4),
      sql: await readFile(path.join(dir, file), 'utf8'),
    })),
  );
}

/** Applies the migrations not yet applied, in order; returns their versions. */
export async function migrate(pool: pg.Pool, migrations?: Migration[]): Promise<number[]> {
  const all = migrations ?? (await listMigrations());
  return withTransaction(pool, async (client) => {
    await client.query('SET LOCAL statement_timeout = 0');
    await client.query({ text: 'SELECT pg_advisory_xact_lock($1)', values: [MIGRATION_LOCK], query_timeout: MIGRATION_TIMEOUT_MS } as pg.QueryConfig);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const done = new Set(rows.map((r) => r.version));
    const applied: number[] = [];
    for (const m of all) {
      if (done.has(m.version)) continue;
      await client.query({ text: m.sql, query_timeout: MIGRATION_TIMEOUT_MS } as pg.QueryConfig);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    await prepareAgendaSchema(client);
    return applied;
  });
}

/**
 * Agenda's job table, created here under the migration lock: Agenda creates
 * it on connect too, but two servers starting together race on CREATE and
 * one of them fails. Afterwards Agenda's own IF NOT EXISTS finds it all.
 */
async function prepareAgendaSchema(client: pg.PoolClient): Promise<void> {
  await client.query(getCreateTableSQL('agenda_jobs'));
  for (const sql of getCreateIndexesSQL('agenda_jobs')) await client.query(sql);
  // Timers are cancelled by their data (the task or dossier they watch).
  await client.query('CREATE INDEX IF NOT EXISTS agenda_jobs_data_idx ON agenda_jobs USING gin (data jsonb_path_ops)');
}
