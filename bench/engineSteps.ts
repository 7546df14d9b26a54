import type { OnestopEngine } from '../engine/onestopEngine.js';
import { remainingMs, type Benchmark } from './benchmark.js';
import { benchApplicant, deployedEngine } from './benchEngine.js';
import { startCpuMeter } from './cpuMeter.js';
import { sequentialModel } from './tenTaskModel.js';
import { nowMs, percentile, round } from './timing.js';

const DOSSIERS = 400;
const WORKERS = 8;
const WARMUP_DOSSIERS = 16;
/** Wall-clock cap of the timed completions; the figure stays valid if it cuts in. */
const COMPLETION_BUDGET_MS = 60_000;

/** A dossier a worker moves on: the id of the one task it waits on, or null once resolved. */
interface Dossier {
  code: string;
  taskId: string | null;
}

/** Submits `count` dossiers through `concurrency` parallel callers. */
async function submitMany(engine: OnestopEngine, procedureCode: string, count: number, concurrency: number): Promise<Dossier[]> {
  const dossiers: Dossier[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const submitted = await engine.submit(procedureCode, { applicant: benchApplicant, data: { seq: i } });
        if (submitted.tasks.length !== 1) throw new Error(`dossier ${submitted.code} opened ${submitted.tasks.length} tasks, expected 1`);
        dossiers.push({ code: submitted.code, taskId: submitted.tasks[0].id });
      }
    }),
  );
  return dossiers;
}

interface CompletionRun {
  steps: number;
  ms: number;
  latencies: number[];
  resolved: number;
}

/**
 * `workers` concurrent officers. Worker w owns every w-th dossier and goes
 * round them completing the one open task of each, so no two workers ever
 * wait on the same dossier lock: what is measured is throughput, not
 * contention. The next task id comes from completeTask's own answer, as a
 * client would use it, so the loop adds no query of its own.
 */
async function completeAll(engine: OnestopEngine, dossiers: Dossier[], workers: number, stopAt: number): Promise<CompletionRun> {
  const latencies: number[] = [];
  const t0 = nowMs();
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      const mine = dossiers.filter((_, i) => i % workers === w);
      let pending = mine.filter((d) => d.taskId);
      while (pending.length && Date.now() < stopAt) {
        for (const d of pending) {
          const started = nowMs();
          const result = await engine.completeTask(d.taskId!, { actor: `officer-${w}` });
          latencies.push(nowMs() - started);
          d.taskId = result.openTasks[0]?.id ?? null;
          if (Date.now() >= stopAt) break;
        }
        pending = pending.filter((d) => d.taskId);
      }
    }),
  );
  return { steps: latencies.length, ms: nowMs() - t0, latencies, resolved: dossiers.filter((d) => !d.taskId).length };
}

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

    const cpu = startCpuMeter();
    const run = await completeAll(engine, dossiers, WORKERS, Date.now() + Math.min(COMPLETION_BUDGET_MS, remainingMs(ctx, 15_000)));
    const used = cpu();
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
      engine_machine_cpu_busy_pct: round(used.machineBusyPct),
      engine_submits_per_s: round(dossiers.length / (submitMs / 1000)),
    };
  },
};
