import type { BenchContext, Metrics } from './benchmark.js';
import { deployedEngine } from './benchEngine.js';
import { startCpuMeter } from './cpuMeter.js';
import { completeAll, submitMany, type BenchDossier } from './dossierWorkers.js';
import { startPgServerCpu } from './pgServerCpu.js';
import { sequentialModel } from './tenTaskModel.js';
import { nowMs, percentile, round } from './timing.js';

const WORKERS = 8;
const WARMUP_DOSSIERS = 32;
/** Receiving the dossiers stops after this (a quiet host receives 400 in a few seconds, a busy one took 47 s)... */
const SUBMIT_BUDGET_MS = 15_000;
/** ...once every worker has a few dossiers to go round. */
const MIN_DOSSIERS = WORKERS * 8;

export interface EngineSteps {
  /** Steps the prepared dossiers need to resolve. */
  totalSteps: number;
  /** Completes up to `maxSteps` more steps (stopping at `stopAt`); returns steps per second of this slice. */
  slice(maxSteps: number, stopAt: number): Promise<{ steps: number; stepsPerS: number }>;
  /** Figures over every slice run, after checking the database agrees with the workers. */
  metrics(): Promise<Metrics>;
}

/**
 * The engine's completed steps on PostgreSQL with 8 concurrent workers, as
 * slices that can alternate with the baseline's: the engine as the server
 * builds it, the model deployed, a warm-up, then `dossiers` dossiers
 * submitted (timed apart) and left waiting at their first task.
 */
export async function prepareEngineSteps(ctx: BenchContext, dossierCount: number): Promise<EngineSteps> {
  const model = sequentialModel();
  const db = await ctx.database();
  const { engine, procedureCode } = await deployedEngine(db.pool, model);
  const pgVersion = (await db.pool.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0].v.split(' ')[0];

  // Warm-up: loads the definition cache, JITs the engine and pg paths, fills
  // PostgreSQL's plan and buffer caches.
  await completeAll(engine, await submitMany(engine, procedureCode, WARMUP_DOSSIERS, WORKERS), WORKERS, Date.now() + 20_000);

  const submitStart = nowMs();
  const dossiers: BenchDossier[] = await submitMany(engine, procedureCode, dossierCount, WORKERS, { stopAt: Date.now() + SUBMIT_BUDGET_MS, atLeast: MIN_DOSSIERS });
  const submitMs = nowMs() - submitStart;
  ctx.log(`submitted ${dossiers.length} dossiers in ${round(submitMs / 1000, 2)} s`);

  const latencies: number[] = [];
  let steps = 0;
  let ms = 0;
  let nodeCpuMs = 0;
  let pgCpuMs: number | null = 0;
  let machineBusy = 0;

  return {
    totalSteps: dossiers.length * model.taskIds.length,
    async slice(maxSteps, stopAt) {
      const pgCpu = await startPgServerCpu(db.pool);
      const cpu = startCpuMeter();
      const run = await completeAll(engine, dossiers, WORKERS, stopAt, maxSteps);
      const used = cpu();
      const pg = pgCpu?.();
      pgCpuMs = pg === undefined || pgCpuMs === null ? null : pgCpuMs + pg;
      nodeCpuMs += used.processMs;
      machineBusy += used.machineBusyPct * run.ms;
      latencies.push(...run.latencies);
      steps += run.steps;
      ms += run.ms;
      return { steps: run.steps, stepsPerS: run.steps / (run.ms / 1000) };
    },
    async metrics() {
      if (!steps) throw new Error('no engine step completed within the time budget');
      const resolved = dossiers.filter((d) => !d.taskId).length;
      const { rows } = await db.pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM dossiers WHERE code = ANY($1) AND status = 'resolved'`,
        [dossiers.map((d) => d.code)],
      );
      if (rows[0].n !== resolved) throw new Error(`the database holds ${rows[0].n} resolved bench dossiers, the workers saw ${resolved}`);
      return {
        engine_steps_per_s: round(steps / (ms / 1000)),
        engine_steps: steps,
        engine_dossiers: dossiers.length,
        engine_dossiers_resolved: resolved,
        engine_workers: WORKERS,
        engine_step_p50_ms: round(percentile(latencies, 0.5), 2),
        engine_step_p95_ms: round(percentile(latencies, 0.95), 2),
        engine_node_cpu_ms_per_step: round(nodeCpuMs / steps, 3),
        engine_pg_cpu_ms_per_step: pgCpuMs === null ? 'n/a (remote server)' : round(pgCpuMs / steps, 3),
        engine_machine_cpu_busy_pct: round(machineBusy / ms),
        engine_submits_per_s: round(dossiers.length / (submitMs / 1000)),
        engine_database: `${db.source}, PostgreSQL ${pgVersion}`,
      };
    },
  };
}
