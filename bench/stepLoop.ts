import { nowMs } from './timing.js';

/**
 * One way of moving an instance on by one user task, with no database: the
 * baseline drives bpmn-engine directly, the runtime benchmark goes through
 * the engine's processRun.
 */
export interface Stepper<S> {
  start(): Promise<S>;
  /** Completes the task the instance waits on; `ended` once it reached its end event. */
  step(state: S): Promise<{ state: S; ended: boolean }>;
}

export interface StepLoopResult {
  instances: number;
  steps: number;
  ms: number;
  stepsPerS: number;
  /** Process CPU time (all threads, GC included) per timed step. */
  cpuMsPerStep: number;
}

/**
 * Starts `count` instances, untimed: the engine benchmark does not time
 * submissions either, so only steps are compared.
 */
export async function startInstances<S>(stepper: Stepper<S>, count: number): Promise<S[]> {
  const states: S[] = [];
  for (let i = 0; i < count; i++) states.push(await stepper.start());
  return states;
}

/**
 * Steps each started instance to its end, timed. Stops early (and says so
 * through `instances`) when `stopAt` (epoch ms) passes.
 */
export async function stepToEnd<S>(stepper: Stepper<S>, states: S[], stopAt: number): Promise<StepLoopResult> {
  let steps = 0;
  let instances = 0;
  const cpu = process.cpuUsage();
  const t0 = nowMs();
  for (const initial of states) {
    if (Date.now() >= stopAt) break;
    let state = initial;
    for (let n = 0; ; n++) {
      if (n > 10_000) throw new Error('the instance never ends: the stepper does not complete its tasks');
      const next = await stepper.step(state);
      steps++;
      if (next.ended) break;
      state = next.state;
    }
    instances++;
  }
  const ms = nowMs() - t0;
  const used = process.cpuUsage(cpu);
  if (!steps) return { instances, steps, ms, stepsPerS: 0, cpuMsPerStep: 0 };
  return { instances, steps, ms, stepsPerS: steps / (ms / 1000), cpuMsPerStep: (used.user + used.system) / 1000 / steps };
}

/** Starts and steps `instances` instances after `warmup` untimed ones, so the JIT has seen the code. */
export async function runStepLoop<S>(stepper: Stepper<S>, opts: { instances: number; warmup: number; stopAt: number }): Promise<StepLoopResult> {
  if (opts.warmup) await stepToEnd(stepper, await startInstances(stepper, opts.warmup), Infinity);
  return stepToEnd(stepper, await startInstances(stepper, opts.instances), opts.stopAt);
}
