// npm run bench:scale — a year of a province's dossiers on this machine:
// build it with set-based SQL, then measure the read paths over HTTP, the
// breach sweep, the step on it against an empty database, and one server
// process against two. SCALE=<dossiers> for a smaller year; SCALE_HOLD=1 keeps
// the database and a server up after the load, for EXPLAIN by hand;
// SCALE_KEEP=<folder> keeps the year's cluster there and reuses it on the next
// run of the same SCALE (new migrations are applied to it, the load is skipped).
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Metric } from '../benchmark.js';
import { writeJson } from '../report.js';
import { createPool } from '../../engine/store/db.js';
import { migrate } from '../../engine/store/migrate.js';
import { createOnestopEngine } from '../../engine/onestopEngine.js';
import { calendarTimeRules, singleCalendar } from '../../engine/deadlines/calendarTimeRules.js';
import { compileCalendar, DEFAULT_CALENDAR } from '../../engine/calendar/index.js';
import { openScaleDatabase, openSiblingDatabase } from './scaleDatabase.js';
import { recordTemplatePaths, ROOT } from './templateRuns.js';
import { communeAgency, loadYear } from './loadYear.js';
import { FULL_YEAR_COMMUNES, FULL_YEAR_DOSSIERS, PATHS } from './yearPlan.js';
import { startServerProcess, type ServerProcess } from './serverProcess.js';
import { call } from './httpLoad.js';
import { departmentWithOpenTasks, measureReadPaths, periods, readPaths, sampleCodes } from './readPaths.js';
import { measureSweep } from './sweepDrill.js';
import { stepRatioVsEmpty } from './stepRatio.js';
import { httpStepsOneVsTwo } from './httpSteps.js';
import { formatScaleReport } from './scaleReport.js';

const CLIENTS = 8;
/** The bench's own queries may read a cold cache of tens of gigabytes: no request timeout, but not forever either. */
const BENCH_QUERY_TIMEOUT_MS = 30 * 60_000;
/** Time the read paths may take together; each path shares what is left. */
const READ_BUDGET_MS = 8 * 60_000;

const log = (m: string) => console.error(`[bench:scale] ${m}`);
type Phase = 'sweep' | 'reads' | 'http' | 'step';
/** SCALE_ONLY=sweep,reads,http,step runs only those phases (a quicker look on a kept year); all by default. */
const phase = (name: Phase) => !process.env.SCALE_ONLY || process.env.SCALE_ONLY.split(',').includes(name);

async function main(): Promise<number> {
  const started = Date.now();
  const dossiers = Number(process.env.SCALE ?? FULL_YEAR_DOSSIERS);
  if (!Number.isInteger(dossiers) || dossiers < 1000) throw new Error(`SCALE must be a number of dossiers (≥ 1000), got "${process.env.SCALE}"`);
  const communes = Math.max(1, Math.round((FULL_YEAR_COMMUNES * dossiers) / FULL_YEAR_DOSSIERS));
  const homeCommune = Math.min(12, communes);
  const figures: Record<string, Metric> = { scale_dossiers: dossiers, scale_communes: communes };
  // The JSON is rewritten after every phase, and a phase that fails says why in it: a run of half an hour
  // keeps what it measured (a server closing a socket under load once cost a whole run its figures).
  const save = async () => {
    if (process.env.BENCH_OUT) await writeJson(process.env.BENCH_OUT, { ...figures, host_load_1m_now: Math.round(os.loadavg()[0] * 100) / 100 }).catch((err) => log(`could not write ${process.env.BENCH_OUT}: ${(err as Error).message}`));
  };
  const measure = async (name: Phase, run: () => Promise<void>) => {
    if (!phase(name)) return;
    try {
      await run();
    } catch (err) {
      figures[`${name}_not_measured`] = ((err as Error).message ?? String(err)).split('\n')[0];
      log(`${name} could not measure: ${figures[`${name}_not_measured`]}`);
    }
    await save();
  };
  const keepIn = process.env.SCALE_KEEP || undefined;
  const yearFile = keepIn ? path.join(keepIn, 'year.json') : '';
  const keptYear = keepIn && existsSync(yearFile) ? (JSON.parse(await readFile(yearFile, 'utf8')) as { dossiers: number; figures: Record<string, Metric> }) : null;
  if (keptYear && keptYear.dossiers !== dossiers) throw new Error(`${keepIn} holds a year of ${keptYear.dossiers} dossiers, not ${dossiers}: set SCALE=${keptYear.dossiers} or another SCALE_KEEP`);
  const openStart = Date.now();
  const db = await openScaleDatabase(12, log, keepIn);
  if (keptYear) {
    Object.assign(figures, keptYear.figures, { scale_reused: true, scale_reuse_open_and_migrate_s: Math.round((Date.now() - openStart) / 1000) });
    log(`reusing the year in ${keepIn} (written ${keptYear.figures.scale_loaded_at}); open and migrate took ${figures.scale_reuse_open_and_migrate_s} s`);
  }
  // The bench's own queries (sizes, the inbox's department, sample codes) on a pool of their own without the
  // requests' statement timeout: right after a kept cluster starts, its cache is cold and they read gigabytes.
  const benchPool = createPool(db.url, 2, { statementTimeoutMs: BENCH_QUERY_TIMEOUT_MS });
  const servers: ServerProcess[] = [];
  let empty = null as Awaited<ReturnType<typeof openSiblingDatabase>> | null;
  try {
    // The sample procedures deployed through the engine, and one real dossier per path moved through it.
    // The bench's engine reads the clock through `clock`: the consistency sweep below runs at the instant the
    // year was written for, not at the end of a load that may have taken twenty minutes of office hours.
    let clock = () => new Date();
    const core = createOnestopEngine({ pool: db.pool, time: calendarTimeRules(() => clock(), singleCalendar(compileCalendar(DEFAULT_CALENDAR))), log: () => {} });
    const now = new Date();
    if (!keptYear) {
      await core.loadProcessesFolder(path.join(ROOT, 'processes'));
      const templates = await recordTemplatePaths(db.pool, PATHS);
      log(`${templates.length} paths recorded from the engine; writing ${dossiers.toLocaleString('en')} dossiers over ${communes} communes`);
      const loadStart = Date.now();
      const loaded = await loadYear(db.url, templates, { dossiers, communes, homeCommune, now }, log);
      figures.scale_load_s = Math.round((Date.now() - loadStart) / 1000);
      for (const [k, v] of Object.entries(loaded.counts)) figures[`scale_${k}`] = v;
      figures.scale_online_share = Math.round((loaded.counts.online / dossiers) * 1000) / 1000;
      figures.scale_pending_share = Math.round((loaded.counts.pending / dossiers) * 1000) / 1000;
      figures.scale_pending_overdue_share = Math.round((loaded.counts.pending_overdue / Math.max(1, loaded.counts.pending)) * 1000) / 1000;
      const { rows: size } = await benchPool.query<{ bytes: number }>(`SELECT pg_database_size(current_database())::bigint AS bytes`);
      figures.scale_db_size_mb = Math.round(size[0].bytes / 1024 / 1024);
      log(`year written in ${figures.scale_load_s} s: ${JSON.stringify(loaded.counts)}; database ${figures.scale_db_size_mb} MB`);
      if (keepIn) {
        figures.scale_loaded_at = now.toISOString();
        await writeFile(yearFile, JSON.stringify({ dossiers, figures }, null, 1));
      }
    }

    // The deadline sweep, with no server running: first what the load left unrecorded (nothing, if the year is consistent), then 5,000 overdue.
    await save();
    await measure('sweep', async () => {
      // Consistency: at the year's own instant, the sweep finds nothing left to record. Then what fell due
      // while the load ran is recorded (as a running server would have), so that the measured sweeps
      // below record their own 5,000 and nothing more.
      const consistency = keptYear ? null : await (async () => {
        clock = () => now;
        try {
          return await core.sweepDeadlines();
        } finally {
          clock = () => new Date();
        }
      })();
      if (consistency) {
        const caughtUp = await core.sweepDeadlines();
        figures.scale_fell_due_during_load = caughtUp.breaches.length + caughtUp.warnings.length;
      }
      Object.assign(figures, await measureSweep(benchPool, core, log));
      if (consistency) {
        figures.scale_consistency_sweep_breaches = consistency.breaches.length;
        figures.scale_consistency_sweep_warnings = consistency.warnings.length;
      }
    });

    // The real server, and keys as an administrator makes them. If that fails, the read and HTTP phases say so
    // in the figures and the run goes on to the step.
    const adminToken = `scale-admin-${randomBytes(12).toString('hex')}`;
    let world: { url: string; keys: { supervisor: string; officer: string }; inboxDepartment: string } | null = null;
    try {
      servers.push(await startServerProcess({ databaseUrl: db.url, adminToken, receivingAgency: communeAgency(homeCommune), log }));
      const url = servers[0].url;
      const missed = /(\d+) breach\(es\) that fell due while stopped/.exec(servers[0].output());
      figures.scale_server_startup_breaches = missed ? Number(missed[1]) : 0;
      const inbox = await departmentWithOpenTasks(benchPool, 500);
      figures.inbox_department = inbox.department;
      figures.inbox_open_tasks = inbox.open;
      const key = async (role: string, department?: string) =>
        (await call<{ token: string }>(`${url}/api/keys`, { token: adminToken, method: 'POST', body: { name: `scale ${role}`, role, ...(department ? { department } : {}) } })).token;
      world = { url, keys: { supervisor: await key('supervisor'), officer: await key('officer', inbox.department) }, inboxDepartment: inbox.department };
    } catch (err) {
      const reason = `the server could not be set up: ${((err as Error).message ?? String(err)).split('\n')[0]}`;
      for (const name of ['reads', 'http'] as const) if (phase(name)) figures[`${name}_not_measured`] = reason;
      log(reason);
      await save();
    }
    if (world && process.env.SCALE_HOLD) {
      // For EXPLAIN (ANALYZE, BUFFERS) by hand on the year's database: keep it and the server up until Ctrl-C.
      log(`holding: psql ${db.url} — server ${world.url} (supervisor ${world.keys.supervisor}, officer of ${world.inboxDepartment} ${world.keys.officer}); Ctrl-C ends`);
      await new Promise((resolve) => process.once('SIGINT', resolve));
      return 0;
    }
    if (world) {
      const { url, keys, inboxDepartment } = world;
      await measure('reads', async () => {
        const codes = await sampleCodes(benchPool, 2000);
        const paths = readPaths({ url, keys, inboxDepartment, codes, ...periods(now) });
        const latencies = await measureReadPaths(paths, CLIENTS, Date.now() + READ_BUDGET_MS, log);
        for (const [p, r] of latencies) {
          figures[`${p.key}_p50_ms`] = r.p50;
          figures[`${p.key}_p95_ms`] = r.p95;
          if (r.failures) figures[`${p.key}_failures`] = `${r.failures}: ${r.firstFailure}`;
        }
      });

      // A second server on the same database: steps over HTTP through one, then through both.
      await measure('http', async () => {
        servers.push(await startServerProcess({ databaseUrl: db.url, adminToken, receivingAgency: communeAgency(homeCommune), log }));
        Object.assign(figures, await httpStepsOneVsTwo([servers[0].url, servers[1].url], adminToken, benchPool, log));
      });
    }
    await Promise.all(servers.splice(0).map((s) => s.stop().catch((err) => log(`a server did not stop cleanly: ${(err as Error).message}`))));

    // The engine's step on the year's database against an empty one on the same server.
    await measure('step', async () => {
      empty = await openSiblingDatabase(db, `onestop_empty_${Date.now().toString(36)}`);
      const emptyPool = createPool(empty.url, 12);
      await migrate(emptyPool);
      const emptyDb = { pool: emptyPool, url: empty.url, source: db.source, close: () => emptyPool.end() };
      try {
        Object.assign(figures, await stepRatioVsEmpty(db, emptyDb, log));
      } finally {
        await emptyPool.end();
      }
    });
    await benchPool
      .query<{ bytes: number }>(`SELECT pg_database_size(current_database())::bigint AS bytes`)
      .then(({ rows }) => void (figures.scale_db_size_mb_end = Math.round(rows[0].bytes / 1024 / 1024)))
      .catch((err) => log(`the database size could not be read: ${(err as Error).message}`));
  } finally {
    await benchPool.end().catch(() => {});
    await Promise.all(servers.map((s) => s.stop().catch(() => {})));
    await empty?.drop().catch(() => {});
    await db.close();
  }
  figures.host_load_1m_end = Math.round(os.loadavg()[0] * 100) / 100;
  figures.scale_total_s = Math.round((Date.now() - started) / 1000);
  console.log(formatScaleReport(figures));
  if (process.env.BENCH_OUT) {
    await writeJson(process.env.BENCH_OUT, figures);
    log(`wrote ${process.env.BENCH_OUT}`);
  }
  return 0;
}

// A pg client without an 'error' listener (a library's own, an idle one) whose server connection drops raises
// the error here: its statement in flight has already failed its phase, which the figures name. Anything
// else is a bug and ends the run as before.
process.on('uncaughtException', (err) => {
  if (/Connection terminated|ECONNRESET|terminating connection/.test(err?.message ?? '')) {
    log(`a database connection was lost: ${err.message}`);
    return;
  }
  console.error(err);
  process.exit(1);
});

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
