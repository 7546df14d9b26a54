import { readFileSync } from 'node:fs';
import { parseBpmn } from '../engine/bpmn/parseBpmn.js';
import { serializeDefinition } from '../engine/runtime/serializeDefinition.js';
import { startInstance, signalInstance, type RunResult } from '../engine/runtime/processRun.js';
import { estimatedEngineBytes, warmEngines } from '../engine/runtime/warmEngines.js';
import { sequentialModel } from './tenTaskModel.js';
import { boundaryTimerModel } from './boundaryTimers.js';

/**
 * What a warm engine holds, measured against what the cache estimates
 * (engine/runtime/warmEngines.ts): heap after GC with 60 kept engines of each
 * model, divided by 60, and the same after further steps of the same engines.
 * An engine is kept from its dossier's second operation on, so each is
 * started and stepped once before it is measured (models with two waits at
 * least). Not part of `npm run bench`; run it when bpmn-engine or the
 * estimate changes:
 *   ENGINE_CACHE_MB=1000 node --expose-gc --import tsx bench/warmEngineSize.ts
 */

/* eslint-disable @typescript-eslint/no-explicit-any */
const gc = (globalThis as any).gc as (() => void) | undefined;
if (!gc || warmEngines.bounds.mb < 500) throw new Error('run with node --expose-gc and ENGINE_CACHE_MB=1000');
const heap = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};
const ENGINES = 60;
const models: Array<[string, string]> = [
  ['2 tasks', sequentialModel(2).xml],
  ['10 tasks (the bench)', sequentialModel().xml],
  ['30 tasks', sequentialModel(30).xml],
  ['2 tasks, boundary timers', boundaryTimerModel(2, 'X').xml],
  ['10 tasks, boundary timers', boundaryTimerModel(10, 'Y').xml],
  ...['construction-permit-house', 'enterprise-registration'].map((n): [string, string] => [n, readFileSync(`processes/${n}.bpmn`, 'utf8')]),
];
/** The next step of every instance still waiting on one; the runs that follow (failed or ended) are dropped. */
async function stepAll(sourceContext: unknown, runs: RunResult[]): Promise<RunResult[]> {
  const next = await Promise.all(runs.filter((r) => r.waiting[0] && !r.ended).map((r) => signalInstance(sourceContext, r.state, r.waiting[0], {}).catch(() => null)));
  return next.filter((r): r is RunResult => r !== null && !r.ended);
}
for (const [name, xml] of models) {
  const sourceContext = serializeDefinition(await parseBpmn(xml));
  const elements = sourceContext.getActivities().length + sourceContext.getSequenceFlows().length;
  warmEngines.clear();
  const before = heap();
  const started: RunResult[] = [];
  for (let i = 0; i < ENGINES; i++) started.push(await startInstance(sourceContext, {}));
  // The second operation keeps the engine (the first one, the start, only names its state).
  const stepped = await stepAll(sourceContext, started);
  if (warmEngines.count !== ENGINES || stepped.length !== ENGINES) {
    console.log(`${name}: ${elements} elements, not measured (${warmEngines.count} of ${ENGINES} engines kept after one step)`);
    continue;
  }
  const kb = (heap() - before) / ENGINES / 1024;
  const again = await stepAll(sourceContext, stepped);
  const further = again.length === ENGINES && warmEngines.count === ENGINES ? `, after one more step ${((heap() - before) / ENGINES / 1024).toFixed(0)} KB` : '';
  console.log(`${name}: ${elements} elements, ${kb.toFixed(0)} KB measured${further}, ${(estimatedEngineBytes(sourceContext, 2) / 1024).toFixed(0)} KB estimated`);
}
