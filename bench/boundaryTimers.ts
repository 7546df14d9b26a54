import { remainingMs, type Benchmark } from './benchmark.js';
import { bpmnEngineStepper } from './baseline.js';
import { deployedEngine } from './benchEngine.js';
import { completeAll, submitMany } from './dossierWorkers.js';
import { runStepLoop, type Stepper } from './stepLoop.js';
import { sequentialModel, type SequentialModel } from './tenTaskModel.js';
import { collectGarbage, round } from './timing.js';
import { parseBpmn } from '../engine/bpmn/parseBpmn.js';
import { warmEngines } from '../engine/runtime/warmEngines.js';
import { serializeDefinition } from '../engine/runtime/serializeDefinition.js';

// Issue 10's two figures for waiting dossiers: (a) what 1,000 dossiers each
// waiting on a P3D boundary timer keep alive in the server (nothing but their
// rows: no engine stays in memory between operations, no timer is armed in
// the process), and (b) the step rate of a model whose every task carries a
// boundary timer, against bpmn-engine alone on the same model in the same
// run. A module that cannot measure reports null with its reason.

const HEAP_DOSSIERS = 1_000;
const HEAP_WARMUP = 40;
const WORKERS = 8;

/** The sequential model with an interrupting P3D boundary timer on every task, leading to an escalation end. */
export function boundaryTimerModel(taskCount: number, procedureCode: string): SequentialModel {
  const model = sequentialModel(taskCount, procedureCode);
  const timers = model.taskIds.map((id) => `    <bpmn:boundaryEvent id="Late_${id}" name="Quá 3 ngày" attachedToRef="${id}">
      <bpmn:timerEventDefinition><bpmn:timeDuration>P3D</bpmn:timeDuration></bpmn:timerEventDefinition>
    </bpmn:boundaryEvent>
    <bpmn:sequenceFlow id="Flow_Late_${id}" sourceRef="Late_${id}" targetRef="End_Late_${id}" />
    <bpmn:endEvent id="End_Late_${id}" name="Chuyển lãnh đạo" />`);
  const xml = model.xml.replace('  </bpmn:process>', `${timers.join('\n')}\n  </bpmn:process>`);
  return { ...model, xml };
}

const heapMb = () => process.memoryUsage().heapUsed / 1_048_576;

export const boundaryTimerHeap: Benchmark = {
  name: 'heap after GC: 1,000 dossiers waiting on a P3D boundary timer',
  id: 'timer_heap',
  headline: ['timer_heap_growth_mb_1000'],
  async run(ctx) {
    if (remainingMs(ctx) < 20_000) throw new Error('no time left in the run for 1,000 submissions');
    const model = boundaryTimerModel(1, 'BENCH.TIMER1');
    const db = await ctx.database();
    const { engine, procedureCode } = await deployedEngine(db.pool, model);
    // Warm-up: the definition cache, prepared statements, JIT.
    await submitMany(engine, procedureCode, HEAP_WARMUP, WORKERS);
    warmEngines.clear();
    collectGarbage();
    const before = heapMb();
    const t0 = Date.now();
    const dossiers = await submitMany(engine, procedureCode, HEAP_DOSSIERS, WORKERS);
    ctx.log(`submitted ${HEAP_DOSSIERS} dossiers waiting on a P3D timer in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    collectGarbage();
    const after = heapMb();
    const { rows } = await db.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM waits w JOIN dossiers d ON d.id = w.dossier_id
        WHERE d.code = ANY($1) AND w.kind = 'timer' AND w.status = 'open' AND w.due_at IS NOT NULL`,
      [dossiers.map((d) => d.code)],
    );
    if (rows[0].n !== HEAP_DOSSIERS) throw new Error(`expected ${HEAP_DOSSIERS} open timer waits, found ${rows[0].n}`);
    // The engines the runs left warm for the next operation (engine/runtime/warmEngines.ts,
    // ENGINE_CACHE_MB; none for a dossier only received) are part of the figure above; what the dossiers cost without them:
    const warm = warmEngines.count;
    const warmEstimatedMb = warmEngines.megabytes;
    warmEngines.clear();
    collectGarbage();
    const withoutWarm = heapMb();
    return {
      timer_heap_growth_mb_1000: round(after - before, 2),
      timer_heap_warm_engines: warm,
      // The cache's own estimate of what they hold (ENGINE_CACHE_MB bounds it), beside the measured difference.
      timer_heap_warm_engines_estimated_mb: round(warmEstimatedMb, 2),
      timer_heap_warm_engines_mb: round(after - withoutWarm, 2),
      timer_heap_growth_mb_1000_without_warm_engines: round(withoutWarm - before, 2),
      timer_heap_before_mb: round(before, 1),
      timer_heap_after_mb: round(after, 1),
      timer_heap_open_timer_waits: rows[0].n,
      timer_heap_target_mb: 20,
    };
  },
};

/** bpmn-engine alone on the model, as bench/baseline.ts steps it, with timers that arm nothing (as ours). */
function baselineWithTimers(sourceContext: unknown): Stepper<unknown> {
  const inert = { setTimeout: () => ({}), clearTimeout: () => undefined };
  return bpmnEngineStepper(sourceContext, { timers: { ...inert, executing: [] as object[], register: () => inert } });
}

const STEP_DOSSIERS = 120;
const BASELINE_INSTANCES = 20;
const SLICE_MS = 4_000;
const ROUNDS = 2;

export const boundaryTimerSteps: Benchmark = {
  name: 'steps per second, every task with a boundary timer: engine vs bpmn-engine',
  id: 'timer_steps',
  headline: ['timer_steps_ratio'],
  async run(ctx) {
    if (remainingMs(ctx) < ROUNDS * 2 * SLICE_MS + 15_000) throw new Error('no time left in the run for the alternating slices');
    const model = boundaryTimerModel(10, 'BENCH.TIMER10');
    const stepper = baselineWithTimers(serializeDefinition(await parseBpmn(model.xml)));
    await runStepLoop(stepper, { instances: 20, warmup: 0, stopAt: Date.now() + 3_000 });
    const db = await ctx.database();
    const { engine, procedureCode } = await deployedEngine(db.pool, model);
    await completeAll(engine, await submitMany(engine, procedureCode, 16, WORKERS), WORKERS, Date.now() + 5_000);
    const dossiers = await submitMany(engine, procedureCode, STEP_DOSSIERS, WORKERS);

    let base = { steps: 0, ms: 0 };
    let ours = { steps: 0, ms: 0 };
    const ratios: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const sliceEnd = () => Date.now() + Math.min(SLICE_MS, remainingMs(ctx, 10_000));
      const b = await runStepLoop(stepper, { instances: BASELINE_INSTANCES, warmup: 0, stopAt: sliceEnd() });
      const e = await completeAll(engine, dossiers, WORKERS, sliceEnd());
      base = { steps: base.steps + b.steps, ms: base.ms + b.ms };
      ours = { steps: ours.steps + e.steps, ms: ours.ms + e.ms };
      if (b.steps && e.steps) ratios.push(e.steps / e.ms / (b.steps / b.ms));
    }
    if (!base.steps || !ours.steps) throw new Error('no step completed within the time budget');
    const baseline = base.steps / (base.ms / 1000);
    const engineRate = ours.steps / (ours.ms / 1000);
    return {
      timer_steps_ratio: round(engineRate / baseline, 2),
      timer_steps_baseline_per_s: round(baseline),
      timer_steps_engine_per_s: round(engineRate),
      timer_steps_round_ratios: ratios.map((x) => round(x, 2)).join(' '),
      timer_steps_target_ratio: 0.7,
    };
  },
};
