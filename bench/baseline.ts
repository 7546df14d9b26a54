import { Engine } from 'bpmn-engine';
import { parseBpmn } from '../engine/bpmn/parseBpmn.js';
import { serializeDefinition } from '../engine/runtime/serializeDefinition.js';
import { safeScripts } from '../engine/runtime/safeScripts.js';
import { inertExpressions } from '../engine/runtime/inertExpressions.js';
import type { Stepper } from './stepLoop.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

const silentLogger = () => ({ debug() {}, error() {}, warn() {}, info() {} });

/**
 * What bpmn-engine alone costs for the engine's stateless step: a fresh
 * engine, recover(state) → resume → signal the waiting task → getState
 * without the definition source, the serialised definition built once. Same
 * engine options as processRun (safe scripts, inert expressions, silent
 * logger), none of its bookkeeping (no state copy, no listeners), no database.
 */
export function bpmnEngineStepper(sourceContext: unknown, options: { timers?: unknown } = {}): Stepper<unknown> {
  const newEngine = () =>
    new Engine({ name: 'baseline', sourceContext, ...options, scripts: safeScripts(() => ({})), expressions: inertExpressions(), Logger: silentLogger } as any);
  const stateOf = async (engine: any) => {
    const state: any = await engine.getState();
    for (const definition of state.definitions ?? []) delete definition.source;
    return state;
  };
  return {
    async start() {
      const engine = newEngine();
      await engine.execute();
      return stateOf(engine);
    },
    async step(state) {
      const engine: any = newEngine();
      engine.recover(state);
      const execution = await engine.resume();
      const waiting = execution.getPostponed().find((api: any) => api.type === 'bpmn:UserTask');
      if (!waiting) throw new Error('the recovered instance waits on no user task');
      execution.signal({ id: waiting.id, executionId: waiting.executionId });
      const next = await stateOf(engine);
      return { state: next, ended: execution.state === 'idle' && !execution.stopped };
    },
  };
}

/** The baseline stepper for a BPMN file, its definition parsed and serialised once. */
export async function baselineStepper(xml: string): Promise<Stepper<unknown>> {
  return bpmnEngineStepper(serializeDefinition(await parseBpmn(xml)));
}
