import pg from 'pg';
import { openBenchDatabase, type BenchDatabase } from '../benchDatabase.js';

/**
 * Settings of the bench's own PostgreSQL, as an operator would set them on a
 * server holding years of dossiers (the defaults are for a laptop): fewer
 * checkpoints while the year is written, and a planner that knows the data
 * sits on SSD with most of it in the page cache. Only applied to the embedded
 * server the bench starts: a server named by DATABASE_URL is left as it is.
 */
const EMBEDDED_SETTINGS: Record<string, string> = {
  max_wal_size: '8GB',
  checkpoint_timeout: '30min',
  effective_cache_size: '8GB',
  random_page_cost: '1.1',
  work_mem: '32MB',
};
/**
 * Settings that only take effect at start: a quarter of this machine's memory would be 6 GB; 2 GB leaves
 * room for the other jobs. WAL at its minimal level (no replica reads this server): a table emptied and
 * written in one transaction, and an index built, skip the WAL (synced once at commit), which halves what
 * the year's load writes; the requests measured after write the same WAL as at the replica level.
 */
const START_SETTINGS: Record<string, string> = { shared_buffers: '2GB', wal_level: 'minimal', max_wal_senders: '0' };

export async function openScaleDatabase(poolSize: number, log: (m: string) => void, keepIn?: string): Promise<BenchDatabase> {
  const db = await openBenchDatabase(poolSize, keepIn, START_SETTINGS);
  if (db.source.startsWith('embedded')) {
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    try {
      for (const [name, value] of Object.entries(EMBEDDED_SETTINGS)) await admin.query(`ALTER SYSTEM SET ${name} = '${value}'`);
      await admin.query('SELECT pg_reload_conf()');
    } finally {
      await admin.end();
    }
    log(`embedded PostgreSQL settings: ${Object.entries({ ...START_SETTINGS, ...EMBEDDED_SETTINGS }).map(([k, v]) => `${k}=${v}`).join(', ')}`);
  }
  return db;
}

/** A second, empty database on the same server (same settings, same disk), for the step figure on an empty database. */
export async function openSiblingDatabase(of: BenchDatabase, name: string): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = new pg.Client({ connectionString: of.url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(of.url);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: of.url });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
