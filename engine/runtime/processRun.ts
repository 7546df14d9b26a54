import { EventEmitter } from 'node:events';
import { Engine } from 'bpmn-engine';
import { safeScripts } from './safeScripts.js';
import { inertExpressions } from './inertExpressions.js';
import type { DossierData } from './feelConditions.js';
import { ProcessError } from '../errors.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** A user task the instance waits on, identified by its engine execution id. */
export interface WaitingTask {
  elementId: string;
  executionId: string;
}

export interface FlowTaken {
  flowId: string;
  sourceId: string;
  targetId: string;
}

export interface RunResult {
  /** Engine state without the embedded definition source. */
  state: unknown;
  waiting: WaitingTask[];
  ended: boolean;
  flowsTaken: FlowTaken[];
}

const silentLogger = () => ({ debug() {}, error() {}, warn() {}, info() {} });

function newEngine(sourceContext: unknown, readData: () => DossierData) {
  return new Engine({
    name: 'dossier',
    sourceContext,
    scripts: safeScripts(readData),
    expressions: inertExpressions(),
    Logger: silentLogger,
  } as any);
}

function observe() {
  const listener = new EventEmitter();
  const flowsTaken: FlowTaken[] = [];
  const errors: Array<{ message: string; elementId: string | null }> = [];
  listener.on('flow.take', (api: any) => {
    flowsTaken.push({ flowId: api.id, sourceId: api.content?.sourceId ?? api.sourceId, targetId: api.content?.targetId ?? api.targetId });
  });
  listener.on('activity.error', (api: any) => {
    errors.push({ message: api.content?.error?.message ?? 'activity failed', elementId: api.id ?? null });
  });
  return { listener, flowsTaken, errors };
}

async function finish(engine: any, observed: ReturnType<typeof observe>): Promise<RunResult> {
  const execution = engine.execution;
  if (observed.errors.length || engine.state === 'error') {
    const first = observed.errors[0];
    throw new ProcessError(`the procedure could not continue: ${first?.message ?? 'engine error'}`, first?.elementId ?? null);
  }
  const waiting: WaitingTask[] = execution
    .getPostponed()
    .filter((api: any) => api.type === 'bpmn:UserTask')
    .map((api: any) => ({ elementId: api.id, executionId: api.executionId }));
  const state: any = await engine.getState();
  for (const definition of state.definitions ?? []) delete definition.source;
  return { state, waiting, ended: execution.state === 'idle' && !execution.stopped, flowsTaken: observed.flowsTaken };
}

/** Starts a new instance and runs it until it waits or ends. */
export async function startInstance(sourceContext: unknown, data: DossierData): Promise<RunResult> {
  const engine = newEngine(sourceContext, () => data);
  const observed = observe();
  engine.once('error', (err: Error) => observed.errors.push({ message: err.message, elementId: null }));
  await engine.execute({ listener: observed.listener });
  return finish(engine, observed);
}

/**
 * Recovers a stored instance into a fresh engine, completes one waiting user
 * task and runs until the instance waits again or ends. No engine outlives
 * the call.
 */
export async function signalInstance(
  sourceContext: unknown,
  state: unknown,
  task: WaitingTask,
  data: DossierData,
): Promise<RunResult> {
  const engine = newEngine(sourceContext, () => data);
  // The state was just read from the database for this call: no copy needed.
  engine.recover(state);
  const observed = observe();
  engine.once('error', (err: Error) => observed.errors.push({ message: err.message, elementId: null }));
  const execution = await engine.resume({ listener: observed.listener });
  const postponed = execution.getPostponed().find((api: any) => api.executionId === task.executionId);
  if (!postponed) {
    throw new ProcessError(`step ${task.elementId} is not waiting in the stored instance`, task.elementId);
  }
  // Resuming replays nothing we record, but start from a clean slate anyway.
  observed.flowsTaken.length = 0;
  execution.signal({ id: task.elementId, executionId: task.executionId });
  return finish(engine, observed);
}

