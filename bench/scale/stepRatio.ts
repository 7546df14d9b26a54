import type { BenchDatabase } from '../benchDatabase.js';
import type { Metrics } from '../benchmark.js';
import { prepareEngineSteps, type EngineSteps } from '../engineSteps.js';
import { median, round } from '../timing.js';
import { warmEngines } from '../../engine/runtime/warmEngines.js';

const DOSSIERS = 300;
const ROUNDS = 4;
const SLICE_MS = 8_000;

/**
 * The engine's step (8 workers, the bench's 10-task model) on the year's
 * database and on an empty one on the same server, in alternating slices
 * (big, empty | empty, big | …) so both see the same drift of the host's load.
 */
export async function stepRatioVsEmpty(big: BenchDatabase, empty: BenchDatabase, log: (m: string) => void): Promise<Metrics> {
  const ctxOf = (db: BenchDatabase) => ({ deadline: Date.now() + 30 * 60_000, database: async () => db, log });
  const onBig: EngineSteps = await prepareEngineSteps(ctxOf(big), DOSSIERS);
  const onEmpty: EngineSteps = await prepareEngineSteps(ctxOf(empty), DOSSIERS);
  const ratios: number[] = [];
  let bigSteps = 0;
  let bigMs = 0;
  let emptySteps = 0;
  let emptyMs = 0;
  const slice = async (steps: EngineSteps) => {
    // Both sides' dossiers do not fit the process's warm-engine budget together
    // (600 engines of about 1.2 MB against 512 MB): without this, each slice
    // evicted part of the other's engines and the rounds differed by 3× with
    // the order. Every slice starts with no engine warm and warms the same way.
    warmEngines.clear();
    const r = await steps.slice(Math.ceil(steps.totalSteps / ROUNDS), Date.now() + SLICE_MS);
    return { ...r, ms: r.stepsPerS ? (r.steps / r.stepsPerS) * 1000 : 0 };
  };
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? [onBig, onEmpty] : [onEmpty, onBig];
    const [first, second] = [await slice(order[0]), await slice(order[1])];
    const b = order[0] === onBig ? first : second;
    const e = order[0] === onBig ? second : first;
    bigSteps += b.steps;
    bigMs += b.ms;
    emptySteps += e.steps;
    emptyMs += e.ms;
    if (b.stepsPerS && e.stepsPerS) ratios.push(b.stepsPerS / e.stepsPerS);
    log(`round ${round + 1}: year database ${b.stepsPerS.toFixed(0)} steps/s, empty ${e.stepsPerS.toFixed(0)} steps/s`);
  }
  const bigRate = bigSteps / (bigMs / 1000);
  const emptyRate = emptySteps / (emptyMs / 1000);
  const bigMetrics = await onBig.metrics();
  return {
    scale_step_ratio_vs_empty: round(bigRate / emptyRate, 3),
    scale_steps_per_s: round(bigRate),
    empty_steps_per_s: round(emptyRate),
    scale_step_ratio_per_round: ratios.map((r) => r.toFixed(2)).join(' '),
    scale_step_ratio_median_of_rounds: round(median(ratios), 3),
    scale_step_p95_ms: bigMetrics.engine_step_p95_ms,
  };
}
