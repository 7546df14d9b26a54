import { remainingMs, type BenchContext, type Benchmark, type Metrics } from './benchmark.js';
import type { BenchDatabase } from './benchDatabase.js';
import { createOnestopEngine, type OnestopEngine } from '../engine/onestopEngine.js';
import { calendarTimeRules, singleCalendar } from '../engine/deadlines/calendarTimeRules.js';
import { compileCalendar, DEFAULT_CALENDAR } from '../engine/calendar/index.js';
import { upsertDepartment } from '../engine/store/departments/departmentRows.js';
import { agendaDeadlineHooks, BREACH_JOB } from '../engine/deadlines/agendaDeadlines.js';
import { startDeadlineScheduler } from '../engine/deadlines/startDeadlineScheduler.js';
import { createAgenda, DEFAULT_TUNING } from '../engine/scheduler/createAgenda.js';
import { round } from './timing.js';

/** The burst wanted; a slow host gets a smaller one (never below MIN_BURST) rather than no figure. */
const BURST = 1_000;
const MIN_BURST = 100;
/** Dossiers received first to learn how fast this host receives right now. */
const PILOT = 40;
const OVERDUE = 5_000;
/** The shortest allotment of the burst's step; longer when the pilot says receiving the burst takes longer. */
const MIN_ALLOTMENT_S = 30;
/** How long after the due time every breach must be recorded for the burst to count. */
const AFTER_DUE_WAIT_MS = 30_000;
/** Left for the overdue drain and cleanup after the burst. */
const DRAIN_RESERVE_MS = 25_000;

const model = (allotmentS: number) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:onestop="urn:onestop:bpmn:1.0" id="Defs_Bench_Timers" targetNamespace="urn:bench">
  <bpmn:process id="Proc_Bench_Timers" name="Bench timers" isExecutable="true" onestop:procedureCode="BENCH.TIMERS" onestop:deadline="PT1H" onestop:clock="calendar">
    <bpmn:startEvent id="Start" />
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task_Wait" />
    <bpmn:userTask id="Task_Wait" name="Wait" onestop:department="BENCH_DEPT" onestop:deadline="PT${allotmentS}S" onestop:clock="calendar" />
    <bpmn:sequenceFlow id="F2" sourceRef="Task_Wait" targetRef="End" />
    <bpmn:endEvent id="End" />
  </bpmn:process>
</bpmn:definitions>`;

/** A figure that could not be taken: null, and why. */
class NotMeasured extends Error {}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function waitUntil(probe: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  for (const until = Date.now() + timeoutMs; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
    if (await probe()) return true;
  }
  return false;
}

async function countBreaches(db: BenchDatabase, like: string): Promise<number> {
  const { rows } = await db.pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM breaches b JOIN dossiers d ON d.id = b.dossier_id WHERE d.code LIKE $1`,
    [like],
  );
  return rows[0].n;
}

/**
 * Step deadlines falling due at the same instant (1,000 when the host keeps
 * up), with real Agenda timers on the same database and the production
 * tuning: how late is each breach recorded after its due time? A pilot
 * measures how fast this host receives dossiers now, and the burst's size and
 * allotment are chosen so that it is received before it falls due.
 */
async function burst(db: BenchDatabase, ctx: BenchContext) {
  const log = ctx.log;
  const agenda = createAgenda(db.url, 'bench-burst', { defaultLockLifetime: 10_000 });
  const time = (now: () => Date) => calendarTimeRules(now, singleCalendar(compileCalendar(DEFAULT_CALENDAR)));
  const submit = (engine: OnestopEngine, count: number) =>
    (async () => {
      for (let i = 0; i < count; i += 8) {
        await Promise.all(Array.from({ length: Math.min(8, count - i) }, () => engine.submit('BENCH.TIMERS', { applicant: { name: 'Bench', idNumber: '0' }, data: {} })));
      }
    })();
  // Every burst dossier is received at the same frozen instant, so every step
  // is due at the same moment; the clock then runs for real.
  let frozen: number | null = null;
  const engine = createOnestopEngine({ pool: db.pool, time: time(() => new Date(frozen ?? Date.now())), hooks: agendaDeadlineHooks(agenda), receivingAgency: 'BURST' });
  const pilotEngine = createOnestopEngine({ pool: db.pool, time: time(() => new Date()), hooks: agendaDeadlineHooks(agenda), receivingAgency: 'PILOT' });
  await engine.deploy(model(MIN_ALLOTMENT_S), 'bench');
  const scheduler = await startDeadlineScheduler(agenda, engine.context, { sweepEvery: '10 minutes' });
  try {
    const pilotStart = Date.now();
    await submit(pilotEngine, PILOT);
    const perDossierMs = (Date.now() - pilotStart) / PILOT;
    // Receiving, the allotment's slack and the wait after the due time must fit in what is left.
    const leftS = (remainingMs(ctx, DRAIN_RESERVE_MS) - AFTER_DUE_WAIT_MS) / 1000;
    // The largest burst (up to BURST) whose reception, with half as much again as slack, fits.
    const planFor = (n: number) => {
      const estimatedS = (n * perDossierMs) / 1000;
      const allotmentS = Math.max(MIN_ALLOTMENT_S, Math.ceil(estimatedS * 1.5 + 5));
      return estimatedS + allotmentS <= leftS ? { count: n, allotmentS } : null;
    };
    let n = BURST;
    while (n > MIN_BURST && !planFor(n)) n = Math.max(MIN_BURST, Math.floor(n * 0.9));
    const plan = planFor(n);
    if (!plan) {
      throw new NotMeasured(`not enough time left in the run budget for even ${MIN_BURST} dossiers (${perDossierMs.toFixed(0)} ms to receive one now, ${Math.max(0, leftS).toFixed(0)} s left)`);
    }
    const { count, allotmentS } = plan;
    if (allotmentS !== MIN_ALLOTMENT_S) await engine.deploy(model(allotmentS), 'bench');
    log(`burst of ${count} dossiers (${perDossierMs.toFixed(1)} ms each in the pilot), step allotment ${allotmentS} s`);

    frozen = Date.now();
    const due = new Date(frozen + allotmentS * 1000);
    const received = Date.now();
    await submit(engine, count);
    frozen = null;
    const setupS = (Date.now() - received) / 1000;
    log(`${count} dossiers received in ${setupS.toFixed(1)} s; due at ${due.toISOString()}`);
    if (Date.now() >= due.getTime()) {
      throw new NotMeasured(`the burst of ${count} was received in ${setupS.toFixed(1)} s, after its due time (allotment ${allotmentS} s, sized from a pilot at ${perDossierMs.toFixed(0)} ms a dossier): the host slowed down while receiving`);
    }
    const done = await waitUntil(async () => (await countBreaches(db, 'BURST-%')) >= count, due.getTime() - Date.now() + AFTER_DUE_WAIT_MS);
    if (!done) throw new NotMeasured(`only ${await countBreaches(db, 'BURST-%')} of ${count} breaches recorded ${AFTER_DUE_WAIT_MS / 1000} s after the due time`);
    const { rows } = await db.pool.query<{ ms: number }>(
      `SELECT extract(epoch FROM (b.detected_at - b.due_at)) * 1000 AS ms
         FROM breaches b JOIN dossiers d ON d.id = b.dossier_id WHERE d.code LIKE 'BURST-%' AND b.task_id IS NOT NULL ORDER BY 1`,
    );
    const lateness = rows.map((r) => Number(r.ms));
    return {
      timer_burst_p50_ms: round(percentile(lateness, 50), 0),
      timer_burst_p99_ms: round(percentile(lateness, 99), 0),
      timer_burst_max_ms: round(lateness[lateness.length - 1], 0),
      timer_burst_count: lateness.length,
      timer_burst_allotment_s: allotmentS,
      timer_burst_setup_s: round(setupS, 1),
    };
  } finally {
    await scheduler.stop();
  }
}

/**
 * 5,000 step deadlines that fell due while no server ran (their Agenda jobs
 * overdue too): how long after a start until every breach is recorded?
 */
async function overdueDrain(db: BenchDatabase, ctx: BenchContext) {
  const log = ctx.log;
  const engine = createOnestopEngine({ pool: db.pool, time: calendarTimeRules(() => new Date(), singleCalendar(compileCalendar(DEFAULT_CALENDAR))), receivingAgency: 'TEMPLATE' });
  const template = await engine.submit('BENCH.TIMERS', { applicant: { name: 'Bench', idNumber: '0' }, data: {} });
  // The backlog is copied from a real dossier in bulk: receiving 5,000
  // dossiers one by one would measure reception, not the drain.
  await db.pool.query(
    `WITH src AS (SELECT * FROM dossiers WHERE code = $1),
     ins AS (
       INSERT INTO dossiers (code, procedure_code, procedure_version_id, status, channel, receiving_agency, applicant, data,
                             submitted_at, received_at, clock_started_at, due_at, original_due_at, engine_state)
       SELECT 'DRAIN-' || g, src.procedure_code, src.procedure_version_id, 'processing', src.channel, 'DRAIN', src.applicant, src.data,
              now() - interval '2 hours', now() - interval '2 hours', now() - interval '2 hours', now() + interval '1 day', now() + interval '1 day', src.engine_state
         FROM src, generate_series(1, $2::int) g
       RETURNING id
     ),
     tasks_in AS (
       INSERT INTO tasks (dossier_id, element_id, execution_id, name, department, status, clock, allotment_ms, counted, created_at, due_at)
       SELECT id, 'Task_Wait', 'exec_' || id, 'Wait', 'BENCH_DEPT', 'open', 'calendar', 30000, true, now() - interval '2 hours', now() - interval '1 hour'
         FROM ins
       RETURNING id, dossier_id, due_at
     )
     INSERT INTO agenda_jobs (name, next_run_at, data)
     SELECT $3, due_at, jsonb_build_object('dossierId', dossier_id, 'taskId', id, 'at', due_at) FROM tasks_in`,
    [template.code, OVERDUE, BREACH_JOB],
  );
  log(`${OVERDUE} overdue steps and their ${OVERDUE} overdue jobs in place; starting the scheduler`);
  const agenda = createAgenda(db.url, 'bench-drain', { defaultLockLifetime: 10_000 });
  const started = Date.now();
  const scheduler = await startDeadlineScheduler(agenda, engine.context, { sweepEvery: '10 minutes' });
  try {
    const waitMs = Math.max(5_000, Math.min(30_000, remainingMs(ctx, 3_000)));
    const done = await waitUntil(async () => (await countBreaches(db, 'DRAIN-%')) >= OVERDUE, waitMs);
    const drainS = (Date.now() - started) / 1000;
    if (!done) throw new NotMeasured(`only ${await countBreaches(db, 'DRAIN-%')} of ${OVERDUE} overdue breaches recorded after ${Math.round(waitMs / 1000)} s`);
    // The stale jobs still fire afterwards; they must add nothing.
    return { overdue_5000_drain_s: round(drainS, 2), overdue_recorded_by_startup_sweep: scheduler.startupSweep.breaches.length };
  } finally {
    await scheduler.stop();
  }
}

/** Runs one part; a part that could not measure gives its figures as null and says why. */
async function part(figures: string[], reasonKey: string, run: () => Promise<Metrics>): Promise<Metrics> {
  try {
    return await run();
  } catch (err) {
    if (!(err instanceof NotMeasured)) throw err;
    return { ...Object.fromEntries(figures.map((k) => [k, null])), [reasonKey]: err.message };
  }
}

export const deadlineTimers: Benchmark = {
  name: 'deadline timers (Agenda on PostgreSQL)',
  id: 'timers',
  headline: ['timer_burst_p50_ms', 'timer_burst_p99_ms', 'overdue_5000_drain_s'],
  async run(ctx) {
    const db = await ctx.database();
    await upsertDepartment(db.pool, { code: 'BENCH_DEPT', name: 'Bench', agency: 'Bench', calendarId: null });
    const tuning = { agenda_process_every: String(DEFAULT_TUNING.processEvery), agenda_lock_limit: DEFAULT_TUNING.lockLimit, agenda_max_concurrency: DEFAULT_TUNING.maxConcurrency };
    return {
      ...tuning,
      ...(await part(['timer_burst_p50_ms', 'timer_burst_p99_ms'], 'timer_burst_not_measured', () => burst(db, ctx))),
      ...(await part(['overdue_5000_drain_s'], 'overdue_drain_not_measured', () => overdueDrain(db, ctx))),
    };
  },
};
