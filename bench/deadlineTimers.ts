import type { Benchmark } from './benchmark.js';
import type { BenchDatabase } from './benchDatabase.js';
import { createOnestopEngine } from '../engine/onestopEngine.js';
import { calendarTimeRules, singleCalendar } from '../engine/deadlines/calendarTimeRules.js';
import { compileCalendar, DEFAULT_CALENDAR } from '../engine/calendar/index.js';
import { upsertDepartment } from '../engine/store/departments/departmentRows.js';
import { agendaDeadlineHooks, BREACH_JOB } from '../engine/deadlines/agendaDeadlines.js';
import { startDeadlineScheduler } from '../engine/deadlines/startDeadlineScheduler.js';
import { createAgenda, DEFAULT_TUNING } from '../engine/scheduler/createAgenda.js';
import { round } from './timing.js';

const BURST = 1_000;
const OVERDUE = 5_000;
/** Long enough for the burst's dossiers to be received before it falls due. */
const BURST_ALLOTMENT_S = 30;

const MODEL = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:onestop="urn:onestop:bpmn:1.0" id="Defs_Bench_Timers" targetNamespace="urn:bench">
  <bpmn:process id="Proc_Bench_Timers" name="Bench timers" isExecutable="true" onestop:procedureCode="BENCH.TIMERS" onestop:deadline="PT1H" onestop:clock="calendar">
    <bpmn:startEvent id="Start" />
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task_Wait" />
    <bpmn:userTask id="Task_Wait" name="Wait" onestop:department="BENCH_DEPT" onestop:deadline="PT${BURST_ALLOTMENT_S}S" onestop:clock="calendar" />
    <bpmn:sequenceFlow id="F2" sourceRef="Task_Wait" targetRef="End" />
    <bpmn:endEvent id="End" />
  </bpmn:process>
</bpmn:definitions>`;

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
 * 1,000 step deadlines falling due at the same instant, with real Agenda
 * timers on the same database and the production tuning: how late is each
 * breach recorded after its due time?
 */
async function burst(db: BenchDatabase, log: (m: string) => void) {
  // Every dossier is received at the same frozen instant, so every step is
  // due at the same moment; the clock then runs for real.
  let frozen: number | null = Date.now();
  const now = () => new Date(frozen ?? Date.now());
  const agenda = createAgenda(db.url, 'bench-burst', { defaultLockLifetime: 10_000 });
  const engine = createOnestopEngine({
    pool: db.pool,
    time: calendarTimeRules(now, singleCalendar(compileCalendar(DEFAULT_CALENDAR))),
    hooks: agendaDeadlineHooks(agenda),
    receivingAgency: 'BURST',
  });
  await engine.deploy(MODEL, 'bench');
  const scheduler = await startDeadlineScheduler(agenda, engine.context, { sweepEvery: '10 minutes' });
  try {
    const due = new Date(frozen + BURST_ALLOTMENT_S * 1000);
    const received = Date.now();
    for (let i = 0; i < BURST; i += 8) {
      await Promise.all(Array.from({ length: Math.min(8, BURST - i) }, () => engine.submit('BENCH.TIMERS', { applicant: { name: 'Bench', idNumber: '0' }, data: {} })));
    }
    frozen = null;
    const setupS = (Date.now() - received) / 1000;
    log(`${BURST} dossiers received in ${setupS.toFixed(1)} s; due at ${due.toISOString()}`);
    if (Date.now() >= due.getTime()) throw new Error('the burst was received too slowly to fall due together; raise BURST_ALLOTMENT_S');
    const done = await waitUntil(async () => (await countBreaches(db, 'BURST-%')) >= BURST, due.getTime() - Date.now() + 30_000);
    if (!done) throw new Error(`only ${await countBreaches(db, 'BURST-%')} of ${BURST} breaches recorded 30 s after the due time`);
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
async function overdueDrain(db: BenchDatabase, log: (m: string) => void) {
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
    const done = await waitUntil(async () => (await countBreaches(db, 'DRAIN-%')) >= OVERDUE, 30_000);
    const drainS = (Date.now() - started) / 1000;
    if (!done) throw new Error(`only ${await countBreaches(db, 'DRAIN-%')} of ${OVERDUE} overdue breaches recorded after 30 s`);
    // The stale jobs still fire afterwards; they must add nothing.
    return { overdue_5000_drain_s: round(drainS, 2), overdue_recorded_by_startup_sweep: scheduler.startupSweep.breaches.length };
  } finally {
    await scheduler.stop();
  }
}

export const deadlineTimers: Benchmark = {
  name: 'deadline timers (Agenda on PostgreSQL)',
  async run(ctx) {
    const db = await ctx.database();
    await upsertDepartment(db.pool, { code: 'BENCH_DEPT', name: 'Bench', agency: 'Bench', calendarId: null });
    const tuning = { agenda_process_every: String(DEFAULT_TUNING.processEvery), agenda_lock_limit: DEFAULT_TUNING.lockLimit, agenda_max_concurrency: DEFAULT_TUNING.maxConcurrency };
    return { ...tuning, ...(await burst(db, ctx.log)), ...(await overdueDrain(db, ctx.log)) };
  },
};
