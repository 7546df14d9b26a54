import { remainingMs, type Benchmark, type Metrics } from './benchmark.js';
import { deployedEngine } from './benchEngine.js';
import { profileCpu } from './cpuProfiler.js';
import { completeAll, submitMany } from './dossierWorkers.js';
import { bucketProfile } from './profileBuckets.js';
import { countQueries } from './queryCounter.js';
import { sequentialModel } from './tenTaskModel.js';
import { round } from './timing.js';

const DOSSIERS = 80;
const WORKERS = 8;

/**
 * The engine benchmark again on fewer dossiers, under the CPU profiler and
 * with queries counted: with eight workers on two cores the engine's single
 * main thread is the limit, so its time per step, split by what it was doing,
 * says what an optimisation can win. Runs after engineSteps so the profiler's
 * own overhead never touches the headline figure.
 */
export const stepProfile: Benchmark = {
  name: 'engine step profile (main thread, 8 workers)',
  async run(ctx) {
    if (remainingMs(ctx, 10_000) < 8_000) return { profile_skipped: 'not enough time left in the run budget' };
    const db = await ctx.database();
    const { engine, procedureCode } = await deployedEngine(db.pool, sequentialModel());
    const dossiers = await submitMany(engine, procedureCode, DOSSIERS, WORKERS);

    const stopCounting = countQueries();
    let queries = 0;
    const { result: run, profile } = await profileCpu(async () => {
      try {
        return await completeAll(engine, dossiers, WORKERS, Date.now() + Math.min(12_000, remainingMs(ctx, 10_000)));
      } finally {
        queries = stopCounting();
      }
    });

    const buckets = bucketProfile(profile);
    const total = Object.values(buckets).reduce((a, b) => a + b, 0);
    const metrics: Metrics = {
      profile_steps: run.steps,
      profile_steps_per_s: round(run.steps / (run.ms / 1000)),
      engine_queries_per_step: round(queries / run.steps, 2),
    };
    for (const [bucket, ms] of Object.entries(buckets).sort((a, b) => b[1] - a[1])) {
      metrics[`profile_${bucket}_ms_per_step`] = round(ms / run.steps, 3);
      metrics[`profile_${bucket}_pct`] = round((100 * ms) / total);
    }
    return metrics;
  },
};
