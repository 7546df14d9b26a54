import type { BenchContext } from './benchmark.js';
import { openBenchDatabase, type BenchDatabase } from './benchDatabase.js';

/** ≥ 10: eight workers each hold a transaction and may probe a task on the side. */
const POOL_SIZE = 12;

export interface BenchSession {
  ctx: BenchContext;
  /** Stops what the run started (pool, database, embedded server, temp folder). Idempotent. */
  close(): Promise<void>;
}

export function createSession(deadline: number, log: (message: string) => void): BenchSession {
  let database: Promise<BenchDatabase> | null = null;
  let closing: Promise<void> | null = null;
  return {
    ctx: {
      deadline,
      log,
      database() {
        if (closing) return Promise.reject(new Error('the bench session is closing'));
        if (!database) {
          log('starting the bench database');
          database = openBenchDatabase(POOL_SIZE);
        }
        return database;
      },
    },
    close() {
      closing ??= (async () => {
        if (!database) return;
        const db = await database.catch(() => null);
        await db?.close();
      })();
      return closing;
    },
  };
}
