import { everyPostponed } from './postponedSteps.js';
import type { RecordingTimers, WaitingTimer } from './durableTimers.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

// Event sub-processes (`triggeredByEvent`), run on top of bpmn-elements.
//
// bpmn-elements starts an event sub-process only when an event is thrown
// inside its scope (an error end event: that part is its own and is kept).
// It never arms the timer or message start of one, and it knows nothing of
// `isInterrupting`. So, like every other wait, the starts live on our rows:
// while a scope runs (the process, or an embedded sub-process), each of its
// event sub-processes with a timer or message start is reported as a wait
// with an id of our own, `<scope execution>/<start event>`, stable for as
// long as the scope runs. Firing that wait runs the event sub-process in the
// recovered instance and completes its start at once. An interrupting start
// withdraws everything else its scope was doing (also for a caught error);
// the scope then ends when the event sub-process ends.
//
// How often each start fired in its scope is kept beside the engine's state
// (a duration fires once per scope, a cycle R3/… three times, a
// non-interrupting message once per delivery).

const STATE_KEY = 'onestopEventStarts';

type StartKind = 'timer' | 'message' | 'error' | 'other';

interface EventStart {
  /** The wait's execution id on our rows: `<scope execution id>/<start event id>`. */
  waitId: string;
  scope: any;
  esp: any;
  start: any;
  kind: StartKind;
  interrupting: boolean;
  timer: { timerType: WaitingTimer['timerType']; value: string } | null;
  messageId: string | null;
}

const TIMER_TYPES = ['timeDuration', 'timeDate', 'timeCycle'] as const;

function kindOf(definition: any): StartKind {
  switch (definition?.type) {
    case 'bpmn:TimerEventDefinition': return 'timer';
    case 'bpmn:MessageEventDefinition': return 'message';
    case 'bpmn:ErrorEventDefinition': return 'error';
    default: return 'other';
  }
}

/** Every running scope execution: the processes, and each running (embedded or event) sub-process. */
function runningScopes(execution: any): any[] {
  const scopes: any[] = [];
  for (const definition of execution?.definitions ?? []) {
    for (const process of definition.getProcesses?.() ?? []) {
      if (process.execution && process.isRunning) scopes.push(process.execution);
    }
  }
  for (const api of everyPostponed(execution?.getPostponed?.() ?? [])) {
    if (api?.type !== 'bpmn:SubProcess') continue;
    const behaviour = api.owner?.execution?.source;
    for (const execution of behaviour?.executions ?? []) if (execution) scopes.push(execution);
  }
  return scopes;
}

function startsOf(scope: any): EventStart[] {
  const starts: EventStart[] = [];
  for (const esp of scope.getActivities?.() ?? []) {
    if (!esp.triggeredByEvent) continue;
    for (const start of esp.getStartActivities?.() ?? []) {
      const definition = start.behaviour?.eventDefinitions?.[0];
      const behaviour = definition?.behaviour ?? {};
      const timerType = TIMER_TYPES.find((t) => behaviour[t]);
      starts.push({
        waitId: `${scope.executionId}/${start.id}`,
        scope,
        esp,
        start,
        kind: kindOf(definition),
        interrupting: start.behaviour?.isInterrupting !== false,
        timer: timerType ? { timerType, value: String(behaviour[timerType]?.body ?? behaviour[timerType]) } : null,
        messageId: behaviour.messageRef?.id ?? null,
      });
    }
  }
  return starts;
}

/** How many repetitions a timer allows: `R3/PT4H` three, `R/PT4H` any, a duration or date one. */
function allowedFirings(timer: EventStart['timer']): number {
  if (timer?.timerType !== 'timeCycle') return 1;
  const match = /^R(\d*)\//.exec(timer.value.trim());
  if (!match) return 1;
  return match[1] ? Number(match[1]) : Infinity;
}

export class EventSubProcesses {
  private readonly fired: Record<string, number>;
  private readonly interruptedBy: any[] = [];

  private constructor(fired: Record<string, number>) {
    this.fired = fired;
  }

  /** The bookkeeping stored beside the engine state (and taken off it before bpmn-engine sees it). */
  static from(state: any): EventSubProcesses {
    const saved = state && typeof state === 'object' ? state[STATE_KEY] : undefined;
    if (saved) delete state[STATE_KEY];
    return new EventSubProcesses({ ...(saved?.fired ?? {}) });
  }

  saveTo(state: any): void {
    if (Object.keys(this.fired).length) state[STATE_KEY] = { fired: this.fired };
  }

  /** Watches a run for event sub-processes bpmn-elements starts itself (a caught error). */
  observe(listener: { on(event: string, fn: (api: any) => void): unknown }): void {
    listener.on('activity.start', (api: any) => {
      if (api.owner?.triggeredByEvent && api.type === 'bpmn:SubProcess') this.interruptedBy.push(api.owner);
    });
  }

  /**
   * After a run: an interrupting event sub-process that started withdraws
   * the rest of its scope. Done once the run settled, never from inside
   * bpmn-elements' own event dispatch.
   */
  settle(execution: any): void {
    const started = this.interruptedBy.splice(0);
    if (!started.length) return;
    const scopes = runningScopes(execution);
    for (const esp of started) {
      const scope = scopes.find((s) => (s.getActivities?.() ?? []).includes(esp));
      const start = scope && startsOf(scope).find((s) => s.esp === esp);
      if (start?.interrupting) withdrawAllBut(scope, esp);
    }
  }

  /** The timer and message starts the running scopes wait on now. */
  armed(execution: any): { timers: WaitingTimer[]; messages: Array<{ elementId: string; executionId: string }> } {
    const timers: WaitingTimer[] = [];
    const messages: Array<{ elementId: string; executionId: string }> = [];
    for (const start of this.armedStarts(execution)) {
      if (start.kind === 'timer' && start.timer) timers.push({ elementId: start.start.id, executionId: start.waitId, ...start.timer });
      if (start.kind === 'message') messages.push({ elementId: start.start.id, executionId: start.waitId });
    }
    return { timers, messages };
  }

  /** Fires the timer start of that wait; false when no running scope waits on it. */
  fireTimer(execution: any, timers: RecordingTimers, waitId: string): boolean {
    const start = this.armedStarts(execution).find((s) => s.waitId === waitId && s.kind === 'timer');
    if (!start) return false;
    this.trigger(start);
    // The start event now waits on its own (recording) timer: it fires at once.
    const own = timers.waiting().find((t) => t.elementId === start.start.id);
    if (own) timers.fire(own.executionId);
    return true;
  }

  /** Starts every event sub-process waiting for that message; answers the start events triggered. */
  deliver(execution: any, messageId: string): string[] {
    const triggered: string[] = [];
    for (const start of this.armedStarts(execution)) {
      if (start.kind !== 'message' || start.messageId !== messageId) continue;
      this.trigger(start);
      const waiting = everyPostponed(execution.getPostponed()).find((api: any) => api.id === start.start.id && api.type === 'bpmn:StartEvent');
      waiting?.signal({ id: messageId });
      triggered.push(start.start.id);
    }
    return triggered;
  }

  private trigger(start: EventStart): void {
    this.fired[start.waitId] = (this.fired[start.waitId] ?? 0) + 1;
    start.esp.run();
    // The interruption is applied in settle(), once the start completed.
  }

  private armedStarts(execution: any): EventStart[] {
    const armed: EventStart[] = [];
    for (const scope of runningScopes(execution)) {
      const starts = startsOf(scope);
      // An interrupting event sub-process that runs has ended everything else of its scope, its other starts too.
      if (starts.some((s) => s.interrupting && s.esp.isRunning)) continue;
      for (const start of starts) {
        // bpmn-elements runs one execution of an activity at a time.
        if (start.esp.isRunning) continue;
        const fired = this.fired[start.waitId] ?? 0;
        if (start.kind === 'timer' && fired < allowedFirings(start.timer)) armed.push(start);
        if (start.kind === 'message' && (fired === 0 || !start.interrupting)) armed.push(start);
      }
    }
    return armed;
  }
}

/** Withdraws everything a scope was doing except the interrupting event sub-process. */
function withdrawAllBut(scope: any, esp: any): void {
  for (const api of scope.getPostponed?.() ?? []) {
    if (api.owner === esp || api.id === esp.id || api.executionId === scope.executionId) continue;
    api.discard?.();
  }
}
