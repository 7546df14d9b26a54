import express from 'express';
import type pg from 'pg';

export interface HealthSource {
  pool: pg.Pool;
  scheduler(): { state: string; detail?: string };
}

/** The HTTP application. Routes are added per feature; /health is always there. */
export function createApp(health: HealthSource): express.Express {
  const app = express();
  app.disable('x-powered-by');

  app.get('/health', async (_req, res) => {
    let database: { state: string; detail?: string };
    try {
      await health.pool.query('SELECT 1');
      database = { state: 'up' };
    } catch (err) {
      database = { state: 'down', detail: (err as Error).message };
    }
    const scheduler = health.scheduler();
    const ok = database.state === 'up' && scheduler.state === 'running';
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'degraded', database, scheduler });
  });

  return app;
}
