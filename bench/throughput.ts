import { remainingMs, type Benchmark } from './benchmark.js';
import { baselineStepper } from './baseline.js';
import { prepareEngineSteps } from './engineSteps.js';
import { runStepLoop } from './stepLoop.js';
import { sequentialModel } from './tenTaskModel.js';
import { median, round } from './timing.js';

const BASELINE_INSTANCES = 300;
const BASELINE_WARMUP = 20;
const DOSSIERS = 400;
/** B E | E B | B E | E B: alternating cancels a steady drift of the host's load. */
const ROUNDS = 4;
/** Wall-clock caps over all slices; the figures stay valid if they cut in. */
const BASELINE_BUDGET_MS = 20_000;
const ENGINE_BUDGET_MS = 50_000;

/**
 * Baseline and engine steps per second, measured in alternating slices: on a
 * shared 2-core host the load of other jobs moves by tens of percent within a
 * minute, and alternating exposes both figures to the same drift. The totals
 * are the headline figures; the per-round ratios show how much the host moved.
 */
export const throughput: Benchmark = {
  name: 'steps per second: bpmn-engine baseline vs engine on PostgreSQL',
  async run(ctx) {
    const model = sequentialModel();
    const stepper = await baselineStepper(model.xml);
    await runStepLoop(stepper, { instances: BASELINE_WARMUP, warmup: 0, stopAt: Date.now() + 10_000 });
    const engine = await prepareEngineSteps(ctx, DOSSIERS);

    let baseSteps = 0;
    let baseMs = 0;
    let baseInstances = 0;
    let baseCpuMs = 0;
    const ratios: number[] = [];
    const baselineSlice = async () => {
      const r = await runStepLoop(stepper, {
        instances: Math.ceil(BASELINE_INSTANCES / ROUNDS),
        warmup: 0,
        stopAt: Date.now() + Math.min(BASELINE_BUDGET_MS / ROUNDS, remainingMs(ctx, 30_000)),
      });
      baseSteps += r.steps;
      baseMs += r.ms;
      baseInstances += r.instances;
      baseCpuMs += r.cpuMsPerStep * r.steps;
      return r.stepsPerS;
    };
    const engineSlice = async () =>
      (await engine.slice(Math.ceil(engine.totalSteps / ROUNDS), Date.now() + Math.min(ENGINE_BUDGET_MS / ROUNDS, remainingMs(ctx, 25_000)))).stepsPerS;

    for (let r = 0; r < ROUNDS; r++) {
      let b: number;
      let e: number;
      if (r % 2 === 0) {
        b = await baselineSlice();
        e = await engineSlice();
      } else {
        e = await engineSlice();
        b = await baselineSlice();
      }
      ratios.push(e / b);
      ctx.log(`round ${r + 1}: baseline ${b.toFixed(0)} steps/s, engine ${e.toFixed(0)} steps/s`);
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
