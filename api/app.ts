import express from 'express';
import type pg from 'pg';
import { diskFullRecently } from '../engine/index.js';

export interface HealthSource {
  pool: pg.Pool;
  scheduler(): { state: string; detail?: string };
}

/** /health waits no longer than this for the database: a monitor must get an answer. */
const HEALTH_DATABASE_TIMEOUT_MS = 1_500;

/** The HTTP application. Routes are added per feature; /health is always there. */
export function createApp(health: HealthSource): express.Express {
  const app = express();
  app.disable('x-powered-by');

  app.get('/health', async (_req, res) => {
    const database = await databaseState(health.pool);
    const scheduler = health.scheduler();
    const ok = database.state === 'up' && scheduler.state === 'running';
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'degraded', database, scheduler });
  });

  return app;
}

async function databaseState(pool: pg.Pool): Promise<{ state: 'up' | 'down' | 'disk-full'; detail?: string }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${HEALTH_DATABASE_TIMEOUT_MS} ms`)), HEALTH_DATABASE_TIMEOUT_MS);
  });
  const probe = pool.query('SELECT 1');
  probe.catch(() => {});
  try {
    await Promise.race([probe, timeout]);
  } catch (err) {
    return { state: 'down', detail: (err as Error).message };
  } finally {
    clearTimeout(timer);
  }
  if (diskFullRecently()) return { state: 'disk-full', detail: 'a write failed in the last minute because the database disk is full' };
  return { state: 'up' };
}
