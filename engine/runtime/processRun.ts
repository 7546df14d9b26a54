import { EventEmitter } from 'node:events';
import { everyPostponed } from './postponedSteps.js';
import { Engine } from 'bpmn-engine';
import { conditionsSettled } from './feelConditions.js';
import { safeScripts } from './safeScripts.js';
import { inertExpressions } from './inertExpressions.js';
import type { DossierData } from './feelConditions.js';
import { ProcessError } from '../errors.js';
import { RecordingTimers, type WaitingTimer } from './durableTimers.js';
import { EventSubProcesses } from './eventSubProcesses.js';

export type { WaitingTimer } from './durableTimers.js';

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

/** A receive task or message catch event the instance waits on. */
export interface WaitingMessage {
  elementId: string;
  executionId: string;
}

export interface RunResult {
  /** Engine state without the embedded definition source. */
  state: unknown;
  /** User tasks waiting. */
  waiting: WaitingTask[];
  /** Service and send tasks waiting (external jobs). */
  jobs: WaitingTask[];
  timers: WaitingTimer[];
  messages: WaitingMessage[];
  ended: boolean;
  flowsTaken: FlowTaken[];
}

const silentLogger = () => ({ debug() {}, error() {}, warn() {}, info() {} });

function newEngine(sourceContext: unknown, readData: () => DossierData, timers: RecordingTimers) {
  return new Engine({
    name: 'dossier',
    sourceContext,
    timers,
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
  // Error events are not caught by anything the engine runs (error boundary
  // events are refused at deploy): an error end event reached would otherwise
  // end the dossier as if it had succeeded.
  listener.on('activity.throw', (api: any) => {
    if (api.type !== 'bpmn:ErrorEventDefinition') return;
    // Caught by an event sub-process of an enclosing scope (it was not delegated further).
    if (api.messageProperties?.delegate === false) return;
    const error = api.content?.message ?? {};
    errors.push({ message: `BPMN error ${error.name ?? error.id ?? ''}${error.code ? ` (${error.code})` : ''} thrown at ${api.id} and not caught`, elementId: api.id ?? null });
  });
  return { listener, flowsTaken, errors };
}

const JOB_TYPES = new Set(['bpmn:ServiceTask', 'bpmn:SendTask', 'bpmn:BusinessRuleTask']);
const MESSAGE_TYPES = new Set(['bpmn:ReceiveTask', 'bpmn:MessageEventDefinition']);

async function finish(engine: any, observed: ReturnType<typeof observe>, timers: RecordingTimers, starts: EventSubProcesses): Promise<RunResult> {
  await conditionsSettled();
  starts.settle(engine.execution);
  const execution = engine.execution;
  if (observed.errors.length || engine.state === 'error') {
    const first = observed.errors[0];
    throw new ProcessError(`the procedure could not continue: ${first?.message ?? 'engine error'}`, first?.elementId ?? null);
  }
  // User tasks inside embedded sub-processes are waited on like top-level ones.
  const postponed: any[] = everyPostponed(execution.getPostponed());
  const of = (types: Set<string>) => postponed.filter((api) => types.has(api.type)).map((api) => ({ elementId: api.id, executionId: api.executionId }));
  const waiting = of(USER_TASK);
  const state: any = await engine.getState();
  for (const definition of state.definitions ?? []) delete definition.source;
  // The timer and message starts of event sub-processes wait like any other timer or message.
  const armed = starts.armed(engine.execution);
  starts.saveTo(state);
  return {
    state,
    waiting,
    jobs: of(JOB_TYPES),
    timers: [...timers.waiting(), ...armed.timers],
    messages: [...of(MESSAGE_TYPES), ...armed.messages],
    ended: execution.state === 'idle' && !execution.stopped,
    flowsTaken: observed.flowsTaken,
  };
}

const USER_TASK = new Set(['bpmn:UserTask']);

/** Starts a new instance and runs it until it waits or ends. */
export async function startInstance(sourceContext: unknown, data: DossierData): Promise<RunResult> {
  const timers = new RecordingTimers();
  const engine = newEngine(sourceContext, () => data, timers);
  const starts = EventSubProcesses.from(null);
  const observed = observe();
  starts.observe(observed.listener);
  engine.once('error', (err: Error) => observed.errors.push({ message: err.message, elementId: null }));
  await engine.execute({ listener: observed.listener });
  return finish(engine, observed, timers, starts);
}

/**
 * Recovers a stored instance into a fresh engine, lets `act` move it (signal
 * a task, fire a timer, deliver a message) and runs until the instance waits
 * again or ends. No engine outlives the call.
 */
async function continueInstance(sourceContext: unknown, state: unknown, data: DossierData, act: (execution: any, timers: RecordingTimers, starts: EventSubProcesses) => void): Promise<RunResult> {
  const timers = new RecordingTimers();
  const engine = newEngine(sourceContext, () => data, timers);
  const starts = EventSubProcesses.from(state);
  // The state was just read from the database for this call: no copy needed.
  engine.recover(state);
  const observed = observe();
  starts.observe(observed.listener);
  engine.once('error', (err: Error) => observed.errors.push({ message: err.message, elementId: null }));
  const execution = await engine.resume({ listener: observed.listener });
  // Resuming replays nothing we record, but start from a clean slate anyway.
  observed.flowsTaken.length = 0;
  act(execution, timers, starts);
  return finish(engine, observed, timers, starts);
}

/** Fires one waiting BPMN timer (its due time on our rows has passed). */
export function fireTimer(sourceContext: unknown, state: unknown, timer: { elementId: string; executionId: string }, data: DossierData): Promise<RunResult> {
  return continueInstance(sourceContext, state, data, (execution, timers, starts) => {
    if (!timers.fire(timer.executionId) && !starts.fireTimer(execution, timers, timer.executionId)) throw new ProcessError(`timer ${timer.elementId} is not waiting in the stored instance`, timer.elementId);
  });
}

/** Delivers a BPMN message (by its id) to whatever waits on it. */
export function deliverMessage(sourceContext: unknown, state: unknown, messageId: string, data: DossierData): Promise<RunResult> {
  return continueInstance(sourceContext, state, data, (execution, _timers, starts) => {
    // Event sub-processes waiting for it start first; then whatever else waits on it gets it.
    starts.deliver(execution, messageId);
    execution.signal({ id: messageId });
  });
}

/** Completes one waiting user task or external job and runs on. */
export function signalInstance(sourceContext: unknown, state: unknown, task: WaitingTask, data: DossierData): Promise<RunResult> {
  return continueInstance(sourceContext, state, data, (execution) => {
    const postponed = everyPostponed(execution.getPostponed()).find((api: any) => api.executionId === task.executionId);
    if (!postponed) throw new ProcessError(`step ${task.elementId} is not waiting in the stored instance`, task.elementId);
    execution.signal({ id: task.elementId, executionId: task.executionId });
  });
}
