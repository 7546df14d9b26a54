import path from 'node:path';
import type pg from 'pg';
import type { AppConfig } from '../config.js';
import { createPool } from '../store/db.js';
import { migrate } from '../store/migrate.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../store/embeddedPostgres.js';
import { createOnestopEngine } from '../onestopEngine.js';
import { calendarTimeRules } from '../deadlines/calendarTimeRules.js';
import { CalendarRegistry } from '../calendar/calendarRegistry.js';
import { createAgenda } from '../scheduler/createAgenda.js';
import { agendaDeadlineHooks } from '../deadlines/agendaDeadlines.js';
import { startDeadlineScheduler } from '../deadlines/startDeadlineScheduler.js';
import { registerWaitTimerJobs, startWaitTimers, waitTimerHooks } from '../scheduler/waitTimerJobs.js';
import { createWebhookNotifier } from '../webhooks/webhookNotifier.js';
import { registerWebhookJobs } from '../webhooks/deliverWebhook.js';
import { portalSenderFromEnv } from '../portal/sender.js';
import { noticeSenderFromEnv } from '../notices/index.js';
import { ensureAdminToken } from '../keys/ensureAdminToken.js';
import { ensureAdminPerson } from '../keys/ensureAdminPerson.js';
import { openEngine, type Engine } from './openEngine.js';
import { documentLimitsFromEnv, storageFromEnv } from '../documents/index.js';

export interface RunningEngine {
  engine: Engine;
  databaseUrl: string;
  /** For the health check only: everything else goes through `engine`. */
  pool: pg.Pool;
  /** The deadline scheduler's state, for the health check. */
  scheduler(): { state: string; detail?: string };
  stop(): Promise<void>;
}

type Log = (line: string) => void;

/**
 * Starts what a service center's engine needs: the database (embedded unless
 * DATABASE_URL is set) and its migrations, the bootstrap administrator key,
 * the calendars, the sample procedures, the webhook deliveries and the
 * deadline timers. The HTTP server is the caller's.
 */
export async function startEngine(config: AppConfig, log: Log = console.log): Promise<RunningEngine> {
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
  await ensureAdminPerson(pool, { dataDir: config.dataDir, log });

  const calendars = new CalendarRegistry(pool);
  await calendars.load();
  const agenda = createAgenda(databaseUrl, `onestop-${process.pid}`);
  const core = createOnestopEngine({
    pool,
    time: calendarTimeRules(() => new Date(), calendars),
    hooks: waitTimerHooks(agenda, agendaDeadlineHooks(agenda)),
    notifier: createWebhookNotifier({ pool, queue: agenda, deskDepartment: config.deskDepartment, log }),
    receivingAgency: config.receivingAgency,
    deskDepartment: config.deskDepartment,
  });
  const report = await core.loadProcessesFolder(config.processesDir);
  log(`Procedures from ${config.processesDir}: ${report.deployed.map((d) => `${d.code} v${d.version}`).join(', ') || 'none'}`);
  for (const r of report.refused) log(`  REFUSED ${r.file}: ${r.error}`);

  registerWebhookJobs(agenda, { pool, log });
  registerWaitTimerJobs(agenda, core.context);
  const scheduler = await startDeadlineScheduler(agenda, core.context);
  // BPMN timers that fell due while no server ran fire now, once.
  const timersFired = await startWaitTimers(agenda, core.context);
  if (timersFired) log(`BPMN timers that fell due while stopped: ${timersFired} fired`);
  const missed = scheduler.startupSweep.breaches.length;
  log(`Deadline scheduler running${missed ? `: ${missed} breach(es) that fell due while stopped recorded` : ''}`);
  // Status changes to the National Public Service Portal (Circular 04/2025), when an endpoint is configured.
  const portal = portalSenderFromEnv(process.env, pool, log);
  // Notices to the citizen (e-mail, SMS/Zalo gateway), queued with each change, sent after commit.
  const notices = noticeSenderFromEnv(process.env, pool, log);

  return {
    engine: openEngine(core, { calendars, documents: { storage: storageFromEnv(process.env, config.dataDir), limits: documentLimitsFromEnv(process.env) } }),
    databaseUrl,
    pool,
    scheduler: () => scheduler.state(),
    async stop() {
      await portal?.stop();
      await notices.stop();
      await scheduler.stop();
      await pool.end();
      if (embedded) await embedded.stop();
    },
  };
}
