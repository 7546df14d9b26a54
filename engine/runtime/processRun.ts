import { EventEmitter } from 'node:events';
import { everyPostponed, isInstance, isMultiInstanceRoot } from './postponedSteps.js';
import { DOSSIER_DATA_SERVICE } from './elements/FeelLoopCharacteristics.js';
import { MAX_ELEMENTS_PER_RUN, MAX_ELEMENT_REPEATS_PER_RUN, MAX_PARALLEL_TASKS } from '../bpmn/modelLimits.js';
import { Engine } from 'bpmn-engine';
import { conditionsSettled } from './feelConditions.js';
import { safeScripts } from './safeScripts.js';
import { inertExpressions } from './inertExpressions.js';
import type { DossierData } from './feelConditions.js';
import { ProcessError } from '../errors.js';
import { RecordingTimers, type WaitingTimer } from './durableTimers.js';
import { EventSubProcesses } from './eventSubProcesses.js';
import { listenTo, warmEngines, type WarmEngine } from './warmEngines.js';

export type { WaitingTimer } from './durableTimers.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** One instance of a multi-instance element (the task itself, or a sub-process it is drawn in). */
export interface InstanceScope {
  /** The multi-instance element. */
  elementId: string;
  executionId: string;
  /** 0-based position in the collection (or count). */
  index: number;
  /** The element variable and its item (`{ agency: {...} }`), when the element runs over a collection. */
  variables: Record<string, unknown>;
}

/** A user task the instance waits on, identified by its engine execution id. */
export interface WaitingTask {
  elementId: string;
  executionId: string;
  /** The innermost multi-instance instance it belongs to. */
  instance?: InstanceScope;
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
  /** Call activities waiting for the procedure they call to run (engine/dossier/routing/callRuns.ts). */
  calls: WaitingTask[];
  ended: boolean;
  flowsTaken: FlowTaken[];
}

class RunawayRun extends Error {}

/**
 * A run stopped by the element counter (or, short of it, by the call stack of
 * bpmn-engine's synchronous chain) answers a ProcessError, which becomes an
 * incident on the dossier: never a 500.
 */
async function runaway<T>(observed: { errors: Array<{ message: string; elementId: string | null }> }, step: () => T | Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    const first = observed.errors[0];
    if (err instanceof RunawayRun && first) throw new ProcessError(`the procedure could not continue: ${first.message}`, first.elementId);
    if (err instanceof RangeError && /call stack/i.test(err.message)) {
      throw new ProcessError(`the procedure could not continue: a chain of automatic elements too long to run (${err.message})`, first?.elementId ?? null);
    }
    throw err;
  }
}

const silentLogger = () => ({ debug() {}, error() {}, warn() {}, info() {} });

function newEngine(sourceContext: unknown, readData: () => DossierData, timers: RecordingTimers) {
  return new Engine({
    name: 'dossier',
    sourceContext,
    timers,
    scripts: safeScripts(readData),
    expressions: inertExpressions(),
    // Read by the multi-instance loop (collection, cardinality, completion condition).
    services: { [DOSSIER_DATA_SERVICE]: readData },
    // Every instance of a parallel multi-instance step at once (bpmn-elements starts 50 by default), up to the fan-out bound.
    settings: { batchSize: MAX_PARALLEL_TASKS },
    Logger: silentLogger,
  } as any);
}

function observe(stop: () => void) {
  const listener = new EventEmitter();
  const flowsTaken: FlowTaken[] = [];
  const errors: Array<{ message: string; elementId: string | null }> = [];
  // A loop of automatic elements never reaches a wait: past the bound the run
  // is stopped and answers an error (an incident), instead of blocking the server.
  let started = 0;
  const repeats = new Map<string, number>();
  let stopped = false;
  listener.on('activity.start', (api: any) => {
    started += 1;
    const again = (repeats.get(api.id) ?? 0) + 1;
    repeats.set(api.id, again);
    if (!stopped && started <= MAX_ELEMENTS_PER_RUN && again <= MAX_ELEMENT_REPEATS_PER_RUN) return;
    if (!stopped) {
      stopped = true;
      const why = again > MAX_ELEMENT_REPEATS_PER_RUN
        ? `${api.id} ran ${again} times in one run without reaching a wait state (a loop of automatic elements)`
        : `the run executed more than ${MAX_ELEMENTS_PER_RUN} elements without reaching a wait state (last at ${api.id})`;
      errors.push({ message: why, elementId: api.id ?? null });
      stop();
    }
    // Unwinds bpmn-engine's synchronous chain at once; the run answers the error above.
    throw new RunawayRun();
  });
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
  const postponed: any[] = everyPostponed(execution.getPostponed()).filter((api) => !isMultiInstanceRoot(api));
  const scopes = instanceScopes(postponed, engine);
  const of = (types: Set<string>) => postponed.filter((api) => types.has(api.type)).map((api) => waitingOf(api, scopes));
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
    calls: of(CALL_ACTIVITY),
    ended: execution.state === 'idle' && !execution.stopped,
    flowsTaken: observed.flowsTaken,
  };
}

const USER_TASK = new Set(['bpmn:UserTask']);
const CALL_ACTIVITY = new Set(['bpmn:CallActivity']);

/** The instances of multi-instance elements among the postponed, by execution id. */
function instanceScopes(postponed: any[], engine: any): Map<string, InstanceScope> {
  const scopes = new Map<string, InstanceScope>();
  for (const api of postponed) {
    if (!isInstance(api)) continue;
    const name = elementVariableOf(api, engine);
    const content = api.content;
    scopes.set(api.executionId, { elementId: api.id, executionId: api.executionId, index: content.index, variables: name && name in content ? { [name]: content[name] } : {} });
  }
  return scopes;
}

function elementVariableOf(api: any, engine: any): string | null {
  const activity = api.owner ?? engine.execution?.getActivityById?.(api.id);
  const behaviour = activity?.behaviour?.loopCharacteristics?.behaviour;
  return behaviour?.collection ? behaviour.elementVariable || 'item' : null;
}

/** A wait, with the innermost multi-instance instance it runs in (itself, or an enclosing sub-process's). */
function waitingOf(api: any, scopes: Map<string, InstanceScope>): WaitingTask {
  const wait: WaitingTask = { elementId: api.id, executionId: api.executionId };
  const parent = api.content?.parent;
  const chain: string[] = [api.executionId, parent?.executionId, ...(parent?.path ?? []).map((p: any) => p.executionId)];
  for (const id of chain) {
    const scope = id ? scopes.get(id) : undefined;
    if (scope) return { ...wait, instance: scope };
  }
  return wait;
}

/** Starts a new instance and runs it until it waits or ends. */
export async function startInstance(sourceContext: unknown, data: DossierData): Promise<RunResult> {
  const timers = new RecordingTimers();
  const holder = { current: data };
  const engine = newEngine(sourceContext, () => holder.current, timers);
  const starts = EventSubProcesses.from(null);
  const observed = observe(() => engine.stop());
  starts.observe(observed.listener);
  engine.once('error', (err: Error) => observed.errors.push({ message: err.message, elementId: null }));
  await runaway(observed, () => engine.execute({ listener: observed.listener }));
  return keptWarm(await finish(engine, observed, timers, starts), { engine, sourceContext, timers, data: holder, runs: 1 });
}

/**
 * Recovers a stored instance into a fresh engine, lets `act` move it (signal
 * a task, fire a timer, deliver a message) and runs until the instance waits
 * again or ends. The engine the run that wrote this very state left behind is
 * taken instead of recovering, when this process still has it (warmEngines.ts):
 * it is inert between operations and used by one operation at a time.
 */
async function continueInstance(sourceContext: unknown, state: unknown, data: DossierData, act: (execution: any, timers: RecordingTimers, starts: EventSubProcesses) => void): Promise<RunResult> {
  const warm = warmEngines.take(state, sourceContext);
  const timers = warm?.timers ?? new RecordingTimers();
  const holder = warm?.data ?? { current: data };
  holder.current = data;
  const engine = warm?.engine ?? newEngine(sourceContext, () => holder.current, timers);
  const starts = EventSubProcesses.from(state);
  // The state was just read from the database for this call: no copy needed.
  if (!warm) engine.recover(state);
  const observed = observe(() => engine.stop());
  starts.observe(observed.listener);
  engine.removeAllListeners('error');
  engine.once('error', (err: Error) => observed.errors.push({ message: err.message, elementId: null }));
  const execution = warm ? listenTo(engine, observed.listener) : await runaway(observed, () => engine.resume({ listener: observed.listener }));
  // Resuming replays nothing we record, but start from a clean slate anyway.
  observed.flowsTaken.length = 0;
  await runaway(observed, () => act(execution, timers, starts));
  return keptWarm(await finish(engine, observed, timers, starts), { engine, sourceContext, timers, data: holder, runs: (warm?.runs ?? 0) + 1 }, state);
}

/** An instance still running is kept warm for its next operation, under the state its run wrote (from `previous`). */
function keptWarm(result: RunResult, warm: WarmEngine, previous?: unknown): RunResult {
  if (!result.ended) warmEngines.keep(result.state, warm, previous);
  return result;
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

/** What a stored instance waits on, without moving it (re-routing a step that could not be routed). */
export function resumeInstance(sourceContext: unknown, state: unknown, data: DossierData): Promise<RunResult> {
  return continueInstance(sourceContext, state, data, () => undefined);
}

/** Completes one waiting user task or external job and runs on. */
export function signalInstance(sourceContext: unknown, state: unknown, task: WaitingTask, data: DossierData, beforeSignal?: (instance: InstanceScope | undefined) => void): Promise<RunResult> {
  return continueInstance(sourceContext, state, data, (execution) => {
    const all = everyPostponed(execution.getPostponed());
    const postponed = all.find((api: any) => api.executionId === task.executionId);
    if (!postponed) throw new ProcessError(`step ${task.elementId} is not waiting in the stored instance`, task.elementId);
    // The step's multi-instance instance, read from the stored instance itself: its outputs go to their own place in the data.
    beforeSignal?.(waitingOf(postponed, instanceScopes(all, execution)).instance);
    // Signalled through its own api: a signal by element id would reach every
    // instance of a multi-instance element (or of a step inside one) at once.
    postponed.signal({ id: task.elementId, executionId: task.executionId });
  });
}
