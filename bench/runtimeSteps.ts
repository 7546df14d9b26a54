import { parseBpmn } from '../engine/bpmn/parseBpmn.js';
import { serializeDefinition } from '../engine/runtime/serializeDefinition.js';
import { signalInstance, startInstance, type RunResult } from '../engine/runtime/processRun.js';
import { remainingMs, type Benchmark, type Metrics } from './benchmark.js';
import { runStepLoop, type Stepper } from './stepLoop.js';
import { sequentialModel } from './tenTaskModel.js';
import { round } from './timing.js';

const INSTANCES = 100;
const WARMUP = 10;

/**
 * The engine's own runtime step (processRun.signalInstance: state copy,
 * listeners, waiting-task lookup) still without a database. Between the
 * baseline and the engine on PostgreSQL, it tells how much of the gap is the
 * runtime wrapper and how much the store.
 */
function processRunStepper(sourceContext: unknown): Stepper<RunResult> {
  return {
    start: () => startInstance(sourceContext, {}),
    async step(run) {
      const next = await signalInstance(sourceContext, run.state, run.waiting[0], {});
      return { state: next, ended: next.ended };
    },
  };
}

export const runtimeSteps: Benchmark = {
  name: 'processRun (engine runtime, in memory)',
  id: 'runtime',
  headline: ['runtime_steps_per_s'],
  async run(ctx): Promise<Metrics> {
    if (remainingMs(ctx, 3_000) < 3_000) return { runtime_skipped: 'not enough time left in the run budget' };
    const sourceContext = serializeDefinition(await parseBpmn(sequentialModel().xml));
    const result = await runStepLoop(processRunStepper(sourceContext), {
      instances: INSTANCES,
      warmup: WARMUP,
      stopAt: Date.now() + Math.min(5_000, remainingMs(ctx, 3_000)),
    });
    if (!result.steps) return { runtime_skipped: 'no time left for a single instance' };
    return {
      runtime_steps_per_s: round(result.stepsPerS),
      runtime_steps: result.steps,
      runtime_cpu_ms_per_step: round(result.cpuMsPerStep, 3),
    };
  },
};
