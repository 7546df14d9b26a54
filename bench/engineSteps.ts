import { remainingMs, type Benchmark } from './benchmark.js';
import { deployedEngine } from './benchEngine.js';
import { completeAll, submitMany } from './dossierWorkers.js';
import { startCpuMeter } from './cpuMeter.js';
import { startPgServerCpu } from './pgServerCpu.js';
import { sequentialModel } from './tenTaskModel.js';
import { nowMs, percentile, round } from './timing.js';

const DOSSIERS = 400;
const WORKERS = 8;
const WARMUP_DOSSIERS = 16;
/** Wall-clock cap of the timed completions; the figure stays valid if it cuts in. */
const COMPLETION_BUDGET_MS = 50_000;

export const engineSteps: Benchmark = {
  name: `engine on PostgreSQL (${WORKERS} workers)`,
  async run(ctx) {
    const model = sequentialModel();
    const db = await ctx.database();
    const { engine, procedureCode } = await deployedEngine(db.pool, model);

    // Warm-up: loads the definition cache, JITs the engine and pg paths,
    // fills PostgreSQL's plan and buffer caches.
    await completeAll(engine, await submitMany(engine, procedureCode, WARMUP_DOSSIERS, WORKERS), WORKERS, Date.now() + 20_000);

    const submitStart = nowMs();
    const dossiers = await submitMany(engine, procedureCode, DOSSIERS, WORKERS);
    const submitMs = nowMs() - submitStart;
    ctx.log(`submitted ${dossiers.length} dossiers in ${round(submitMs / 1000, 2)} s; completing with ${WORKERS} workers`);

    const pgCpu = await startPgServerCpu(db.pool);
    const cpu = startCpuMeter();
    const run = await completeAll(engine, dossiers, WORKERS, Date.now() + Math.min(COMPLETION_BUDGET_MS, remainingMs(ctx, 25_000)));
    const used = cpu();
    const pgMs = pgCpu?.();
    const { rows } = await db.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM dossiers WHERE code = ANY($1) AND status = 'resolved'`,
      [dossiers.map((d) => d.code)],
    );
    if (rows[0].n !== run.resolved) throw new Error(`the database holds ${rows[0].n} resolved bench dossiers, the workers saw ${run.resolved}`);

    return {
      engine_steps_per_s: round(run.steps / (run.ms / 1000)),
      engine_steps: run.steps,
      engine_dossiers: dossiers.length,
      engine_dossiers_resolved: run.resolved,
      engine_workers: WORKERS,
      engine_step_p50_ms: round(percentile(run.latencies, 0.5), 2),
      engine_step_p95_ms: round(percentile(run.latencies, 0.95), 2),
      engine_node_cpu_ms_per_step: round(used.processMs / run.steps, 3),
      engine_pg_cpu_ms_per_step: pgMs === undefined ? 'n/a (remote server)' : round(pgMs / run.steps, 3),
      engine_machine_cpu_busy_pct: round(used.machineBusyPct),
      engine_submits_per_s: round(dossiers.length / (submitMs / 1000)),
    };
  },
};
