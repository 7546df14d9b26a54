import { parseBpmn } from '../engine/bpmn/parseBpmn.js';
import { serializeDefinition } from '../engine/runtime/serializeDefinition.js';
import { signalInstance, startInstance, type RunResult } from '../engine/runtime/processRun.js';
import { remainingMs, type Benchmark } from './benchmark.js';
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
function processRunStepper(sourceContext: unknown, jsonRoundTrip: boolean): Stepper<RunResult> {
  // With the round trip the state goes through JSON text as it does through
  // the jsonb column (stringify on update, parse on the next lock).
  const stored = (run: RunResult): RunResult => (jsonRoundTrip ? { ...run, state: JSON.parse(JSON.stringify(run.state)) } : run);
  return {
    start: async () => stored(await startInstance(sourceContext, {})),
    async step(run) {
      const next = stored(await signalInstance(sourceContext, run.state, run.waiting[0], {}));
      return { state: next, ended: next.ended };
    },
  };
}

export const runtimeSteps: Benchmark = {
  name: 'processRun (engine runtime, in memory)',
  async run(ctx) {
    const sourceContext = serializeDefinition(await parseBpmn(sequentialModel().xml));
    const budget = () => Date.now() + Math.min(8_000, remainingMs(ctx));
    const plain = await runStepLoop(processRunStepper(sourceContext, false), { instances: INSTANCES, warmup: WARMUP, stopAt: budget() });
    const json = await runStepLoop(processRunStepper(sourceContext, true), { instances: INSTANCES, warmup: WARMUP, stopAt: budget() });
    return {
      runtime_steps_per_s: round(plain.stepsPerS),
      runtime_steps: plain.steps,
      runtime_json_steps_per_s: round(json.stepsPerS),
      runtime_json_steps: json.steps,
    };
  },
};
