import { writeFile } from 'node:fs/promises';
import type { Profiler } from 'node:inspector';
import { parseBpmn } from '../engine/bpmn/parseBpmn.js';
import { serializeDefinition } from '../engine/runtime/serializeDefinition.js';
import { remainingMs, type Benchmark, type Metrics } from './benchmark.js';
import { bpmnEngineStepper } from './baseline.js';
import { deployedEngine } from './benchEngine.js';
import { profileCpu } from './cpuProfiler.js';
import { completeAll, submitMany } from './dossierWorkers.js';
import { bucketProfile } from './profileBuckets.js';
import { countQueries } from './queryCounter.js';
import { startInstances, stepToEnd } from './stepLoop.js';
import { sequentialModel } from './tenTaskModel.js';
import { round } from './timing.js';

const DOSSIERS = 80;
const BASELINE_INSTANCES = 40;
const WORKERS = 8;
/** 1 ms: about 8 % slower steps under the profiler on this host, against ~15 % at 0.5 ms. */
const SAMPLING_US = 1_000;

/**
 * `profile_<who>_<bucket>_pct`: shares of the main thread, largest first.
 * Shares rather than milliseconds: the profiler slows deep JS stacks (the
 * bpmn-engine's) more than syscalls, so its absolute times are inflated by
 * a varying amount; a share times the unprofiled step time is the estimate.
 */
function bucketMetrics(who: string, profile: Profiler.Profile): Metrics {
  const buckets = bucketProfile(profile);
  const total = Object.values(buckets).reduce((a, b) => a + b, 0);
  const metrics: Metrics = {};
  for (const [bucket, ms] of Object.entries(buckets).sort((a, b) => b[1] - a[1])) {
    metrics[`profile_${who}_${bucket}_pct`] = round((100 * ms) / total);
  }
  return metrics;
}

/**
 * The baseline and the engine benchmark again, smaller, under the CPU
 * profiler, with the engine's queries counted. With eight workers on two
 * cores the engine's single main thread is the limit, so its shares per
 * bucket, set against the baseline's, say what an optimisation can win. Runs after the headline benchmarks so the
 * profiler's overhead never touches them. BENCH_PROFILE_OUT=file.cpuprofile
 * keeps the engine's raw profile (Chrome DevTools, speedscope).
 */
export const stepProfile: Benchmark = {
  name: 'main-thread profile per step (baseline vs engine, 8 workers)',
  id: 'profile',
  headline: [],
  async run(ctx): Promise<Metrics> {
    if (remainingMs(ctx, 8_000) < 10_000) return { profile_skipped: 'not enough time left in the run budget' };
    const model = sequentialModel();

    const sourceContext = serializeDefinition(await parseBpmn(model.xml));
    const stepper = bpmnEngineStepper(sourceContext);
    const started = await startInstances(stepper, BASELINE_INSTANCES);
    const base = await profileCpu(() => stepToEnd(stepper, started, Date.now() + 5_000), SAMPLING_US);

    const db = await ctx.database();
    const { engine, procedureCode } = await deployedEngine(db.pool, model);
    const dossiers = await submitMany(engine, procedureCode, DOSSIERS, WORKERS);
    const stopCounting = countQueries();
    let queries = 0;
    const eng = await profileCpu(async () => {
      try {
        return await completeAll(engine, dossiers, WORKERS, Date.now() + Math.min(12_000, remainingMs(ctx, 8_000)));
      } finally {
        queries = stopCounting();
      }
    }, SAMPLING_US);
    if (process.env.BENCH_PROFILE_OUT) await writeFile(process.env.BENCH_PROFILE_OUT, JSON.stringify(eng.profile));

    return {
      engine_queries_per_step: round(queries / eng.result.steps, 2),
      profile_baseline_steps: base.result.steps,
      profile_baseline_steps_per_s: round(base.result.stepsPerS),
      ...bucketMetrics('baseline', base.profile),
      profile_engine_steps: eng.result.steps,
      profile_engine_steps_per_s: round(eng.result.steps / (eng.result.ms / 1000)),
      ...bucketMetrics('engine', eng.profile),
    };
  },
};
