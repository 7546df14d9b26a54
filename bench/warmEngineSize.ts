import { readFileSync } from 'node:fs';
import { parseBpmn } from '../engine/bpmn/parseBpmn.js';
import { serializeDefinition } from '../engine/runtime/serializeDefinition.js';
import { startInstance, signalInstance } from '../engine/runtime/processRun.js';
import { estimatedEngineBytes, warmEngines } from '../engine/runtime/warmEngines.js';
import { sequentialModel } from './tenTaskModel.js';
import { boundaryTimerModel } from './boundaryTimers.js';

/**
 * What a warm engine holds, measured against what the cache estimates
 * (engine/runtime/warmEngines.ts): heap after GC with 60 kept engines of each
 * model, divided by 60, and the same after further steps of the same engines.
 * Not part of `npm run bench`; run it when bpmn-engine or the estimate changes:
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
  ['1 task', sequentialModel(1).xml],
  ['10 tasks (the bench)', sequentialModel().xml],
  ['30 tasks', sequentialModel(30).xml],
  ['1 task, boundary timer', boundaryTimerModel(1, 'X').xml],
  ['10 tasks, boundary timers', boundaryTimerModel(10, 'Y').xml],
  ...['construction-permit-house', 'enterprise-registration'].map((n): [string, string] => [n, readFileSync(`processes/${n}.bpmn`, 'utf8')]),
];
for (const [name, xml] of models) {
  const sourceContext = serializeDefinition(await parseBpmn(xml));
  warmEngines.clear();
  const before = heap();
  const states = [];
  for (let i = 0; i < ENGINES; i++) states.push(await startInstance(sourceContext, {}));
  const kb = (heap() - before) / warmEngines.count / 1024;
  // Further steps of the same warm engines, where the model has them.
  let stepped = '';
  const next = states.filter((s) => s.waiting[0] && !s.ended);
  if (next.length === ENGINES) {
    for (const s of next) await signalInstance(sourceContext, s.state, s.waiting[0], {}).catch(() => undefined);
    if (warmEngines.count === ENGINES) stepped = `, after one more step ${((heap() - before) / warmEngines.count / 1024).toFixed(0)} KB`;
  }
  console.log(`${name}: ${sourceContext.getActivities().length + sourceContext.getSequenceFlows().length} elements, ${kb.toFixed(0)} KB measured${stepped}, ${(estimatedEngineBytes(sourceContext, 1) / 1024).toFixed(0)} KB estimated`);
}
