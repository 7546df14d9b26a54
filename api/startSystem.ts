import type { Server } from 'node:http';
import path from 'node:path';
import type pg from 'pg';
import { readConfig, type AppConfig } from '../engine/config.js';
import { createPool } from '../engine/store/db.js';
import { migrate } from '../engine/store/migrate.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../engine/store/embeddedPostgres.js';
import { createOnestopEngine, type OnestopEngine } from '../engine/onestopEngine.js';
import { calendarTimeRules } from '../engine/deadlines/calendarTimeRules.js';
import { CalendarRegistry } from '../engine/calendar/calendarRegistry.js';
import { createAgenda } from '../engine/scheduler/createAgenda.js';
import { agendaDeadlineHooks } from '../engine/deadlines/agendaDeadlines.js';
import { startDeadlineScheduler } from '../engine/deadlines/startDeadlineScheduler.js';
import { createApp } from './app.js';
import { mountApi } from './mountApi.js';
import { mountDesigner } from './designerRoutes.js';
import { ensureAdminToken } from './auth/ensureAdminToken.js';
import { createWebhookNotifier } from '../engine/webhooks/webhookNotifier.js';
import { registerWebhookJobs } from '../engine/webhooks/deliverWebhook.js';

export interface RunningSystem {
  url: string;
  databaseUrl: string;
  config: AppConfig;
  pool: pg.Pool;
  engine: OnestopEngine;
  stop(): Promise<void>;
}

type Log = (line: string) => void;

/**
 * Starts everything a service center needs: the database (embedded unless
 * DATABASE_URL is set), migrations, the sample procedures, the HTTP server.
 */
export async function startSystem(config: AppConfig = readConfig(), log: Log = console.log): Promise<RunningSystem> {
  let embedded: EmbeddedDatabase | null = null;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: path.join(config.dataDir, 'postgres'), port: config.embeddedPgPort });
    databaseUrl = embedded.connectionString;
    log(`Embedded PostgreSQL: data in ${embedded.dataDir} (port ${embedded.port})`);
  } else {
    log(`PostgreSQL: ${databaseUrl.replace(/\/\/[^@]*@/, '//***@')}`);
  }
  const pool = createPool(databaseUrl);
  const applied = await migrate(pool);
  if (applied.length) log(`Migrations applied: ${applied.join(', ')}`);
  await ensureAdminToken(pool, { envToken: config.adminToken, dataDir: config.dataDir, log });

  const calendars = new CalendarRegistry(pool);
  await calendars.load();
  const agenda = createAgenda(databaseUrl, `onestop-${process.pid}`);
  const engine = createOnestopEngine({
    pool,
    time: calendarTimeRules(() => new Date(), calendars),
    hooks: agendaDeadlineHooks(agenda),
    notifier: createWebhookNotifier({ pool, queue: agenda, deskDepartment: config.deskDepartment, log }),
    receivingAgency: config.receivingAgency,
    deskDepartment: config.deskDepartment,
  });
  const report = await engine.loadProcessesFolder(config.processesDir);
  log(`Procedures from ${config.processesDir}: ${report.deployed.map((d) => `${d.code} v${d.version}`).join(', ') || 'none'}`);
  for (const r of report.refused) log(`  REFUSED ${r.file}: ${r.error}`);

  registerWebhookJobs(agenda, { pool, log });
  const scheduler = await startDeadlineScheduler(agenda, engine.context);
  const missed = scheduler.startupSweep.breaches.length;
  log(`Deadline scheduler running${missed ? `: ${missed} breach(es) that fell due while stopped recorded` : ''}`);

  const app = createApp({ pool, scheduler: () => scheduler.state() });
  mountApi(app, { pool, engine, log, calendars });
  mountDesigner(app);
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(config.port, config.host, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://localhost:${port}`;
  log(`Server: ${url} (health: ${url}/health, API reference: ${url}/api/docs)`);
  log(`Designer: ${url}/designer (sign in with an analyst key)`);
  log(`Workspace: ${url}/ (sign in with a supervisor, officer or desk key)`);

  return {
    url,
    databaseUrl,
    config,
    pool,
    engine,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await scheduler.stop();
      await pool.end();
      if (embedded) await embedded.stop();
    },
  };
}
