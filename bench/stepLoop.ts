import { nowMs } from './timing.js';

/**
 * One way of moving an instance on by one user task, with no database: the
 * baseline drives bpmn-engine directly, the runtime benchmark goes through
 * the engine's processRun. `start` is not timed: the engine benchmark does
 * not time submissions either.
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
 * Runs `instances` instances to their end and reports timed steps per second,
 * after `warmup` untimed instances so the JIT has seen the code. Stops early
 * (and says so through `instances`) when `stopAt` (epoch ms) passes.
 */
export async function runStepLoop<S>(stepper: Stepper<S>, opts: { instances: number; warmup: number; stopAt: number }): Promise<StepLoopResult> {
  for (let i = 0; i < opts.warmup; i++) await runOne(stepper);
  let steps = 0;
  let ms = 0;
  let instances = 0;
  const cpu = process.cpuUsage();
  while (instances < opts.instances && Date.now() < opts.stopAt) {
    const timed = await runOne(stepper);
    steps += timed.steps;
    ms += timed.ms;
    instances++;
  }
  // Untimed starts fall inside this CPU window too; they are one run per
  // instance against ten steps, which the per-step figure accepts as noise.
  const used = process.cpuUsage(cpu);
  return { instances, steps, ms, stepsPerS: steps / (ms / 1000), cpuMsPerStep: (used.user + used.system) / 1000 / steps };
}

async function runOne<S>(stepper: Stepper<S>): Promise<{ steps: number; ms: number }> {
  let state: S = await stepper.start();
  let steps = 0;
  const t0 = nowMs();
  for (;;) {
    const next = await stepper.step(state);
    steps++;
    if (next.ended) break;
    state = next.state;
    if (steps > 10_000) throw new Error('the instance never ends: the stepper does not complete its tasks');
  }
  return { steps, ms: nowMs() - t0 };
}
