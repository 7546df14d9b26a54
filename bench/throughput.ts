import { remainingMs, type Benchmark } from './benchmark.js';
import { baselineStepper } from './baseline.js';
import { prepareEngineSteps } from './engineSteps.js';
import { runStepLoop } from './stepLoop.js';
import { sequentialModel } from './tenTaskModel.js';
import { median, round } from './timing.js';

const BASELINE_INSTANCES = 300;
/** bpmn-engine reaches its steady speed only after ~2000 steps (V8 tiering); measured on this host. */
const BASELINE_WARMUP = 200;
const BASELINE_WARMUP_MS = 10_000;
const DOSSIERS = 400;
/** B E | E B | B E | E B: alternating cancels a steady drift of the host's load. */
const ROUNDS = 4;
/** Wall-clock caps per slice; the figures stay valid if they cut in. */
const BASELINE_SLICE_MS = 5_000;
const ENGINE_SLICE_MS = 12_500;
/** Left for the modules after this one (state size, the timer burst, unit costs) and cleanup: on a slow host the engine slices shrink, not the timers. */
const RESERVE_MS = 75_000;

/**
 * Baseline and engine steps per second, measured in alternating slices: on a
 * shared 2-core host the load of other jobs moves by tens of percent within a
 * minute, and alternating exposes both figures to the same drift. The totals
 * are the headline figures; the per-round ratios show how much the host moved.
 */
export const throughput: Benchmark = {
  name: 'steps per second: bpmn-engine baseline vs engine on PostgreSQL',
  id: 'steps',
  headline: ['baseline_steps_per_s', 'engine_steps_per_s'],
  async run(ctx) {
    const model = sequentialModel();
    const stepper = await baselineStepper(model.xml);
    await runStepLoop(stepper, { instances: BASELINE_WARMUP, warmup: 0, stopAt: Date.now() + BASELINE_WARMUP_MS });
    const engine = await prepareEngineSteps(ctx, DOSSIERS);

    let baseSteps = 0;
    let baseMs = 0;
    let baseInstances = 0;
    let baseCpuMs = 0;
    let baselineSlicesLeft = ROUNDS;
    const ratios: number[] = [];
    const baselineSlice = async () => {
      baselineSlicesLeft--;
      const r = await runStepLoop(stepper, {
        instances: Math.ceil(BASELINE_INSTANCES / ROUNDS),
        warmup: 0,
        stopAt: Date.now() + Math.min(BASELINE_SLICE_MS, remainingMs(ctx, RESERVE_MS)),
      });
      baseSteps += r.steps;
      baseMs += r.ms;
      baseInstances += r.instances;
      baseCpuMs += r.cpuMsPerStep * r.steps;
      return r.steps ? r.stepsPerS : null;
    };
    // On a slow host the engine slices shrink first: every round keeps its
    // baseline slice, or its ratio would mean nothing.
    const engineSlice = async () => {
      const reserve = RESERVE_MS + baselineSlicesLeft * BASELINE_SLICE_MS;
      const r = await engine.slice(Math.ceil(engine.totalSteps / ROUNDS), Date.now() + Math.min(ENGINE_SLICE_MS, remainingMs(ctx, reserve)));
      return r.steps ? r.stepsPerS : null;
    };

    for (let r = 0; r < ROUNDS; r++) {
      let b: number | null;
      let e: number | null;
      if (r % 2 === 0) {
        b = await baselineSlice();
        e = await engineSlice();
      } else {
        e = await engineSlice();
        b = await baselineSlice();
      }
      if (b && e) ratios.push(e / b);
      ctx.log(`round ${r + 1}: baseline ${b?.toFixed(0) ?? '-'} steps/s, engine ${e?.toFixed(0) ?? '-'} steps/s`);
    }

    return {
      baseline_steps_per_s: round(baseSteps / (baseMs / 1000)),
      baseline_instances: baseInstances,
      baseline_steps: baseSteps,
      baseline_cpu_ms_per_step: round(baseCpuMs / baseSteps, 3),
      ...(await engine.metrics()),
      ratio_per_round: ratios.map((r) => r.toFixed(2)).join(' '),
      ratio_median_of_rounds: round(median(ratios), 3),
    };
  },
};
