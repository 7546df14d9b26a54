import * as Elements from 'bpmn-elements';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** A BPMN timer the instance waits on, as bpmn-elements describes it. */
export interface WaitingTimer {
  elementId: string;
  /** The timer's own execution id (a cycle gets a new one per repetition). */
  executionId: string;
  timerType: 'timeDuration' | 'timeDate' | 'timeCycle';
  /** The ISO value as drawn: `P2D`, `2026-12-01T08:00:00+07:00`, `R3/PT4H`. */
  value: string;
}

// bpmn-elements computes each timer's expiry on the calendar clock of the
// process it runs in, and fires at once on resume when that expiry passed
// (bpmn-engine issue #152). Our due times count working time and live on our
// rows, so the engine's own expiry is pushed out of reach: only we fire.
const NEVER = new Date(8.64e15);
const BaseTimer = (Elements as any).TimerEventDefinition as new (...args: any[]) => any;

export class DurableTimerEventDefinition extends BaseTimer {
  parse(timerType: string, value: string) {
    const parsed = super.parse(timerType, value);
    return { ...parsed, expireAt: NEVER, delay: NEVER.getTime() - Date.now() };
  }
}

interface Armed {
  timer: WaitingTimer;
  fire: () => void;
}

/**
 * The `timers` bpmn-elements is given: it arms nothing, it only remembers
 * which timers the instance waits on, so the run can record them and a later
 * run (recovered from the stored state) can fire one by its execution id.
 */
export class RecordingTimers {
  private readonly armed = new Map<object, Armed>();

  get executing(): object[] {
    return [...this.armed.keys()];
  }

  register(owner: any) {
    return {
      setTimeout: (callback: (...a: any[]) => void, _delay: number, ...args: any[]) => this.record(owner, () => callback(...args)),
      clearTimeout: (ref: object) => this.clearTimeout(ref),
    };
  }

  setTimeout = (): object => ({});

  clearTimeout = (ref: object | undefined): undefined => {
    if (ref) this.armed.delete(ref);
    return undefined;
  };

  /** Timers still waiting at the end of the run. */
  waiting(): WaitingTimer[] {
    return [...this.armed.values()].map((a) => a.timer);
  }

  /** Fires a waiting timer as if it had expired; false when the instance does not wait on it. */
  fire(executionId: string): boolean {
    for (const [ref, armed] of this.armed) {
      if (armed.timer.executionId !== executionId) continue;
      this.armed.delete(ref);
      armed.fire();
      return true;
    }
    return false;
  }

  private record(owner: any, fire: () => void): object {
    const ref = {};
    const timerType = (owner.timerType ?? 'timeDuration') as WaitingTimer['timerType'];
    this.armed.set(ref, { timer: { elementId: owner.id, executionId: owner.executionId, timerType, value: String(owner[timerType] ?? '') }, fire });
    return ref;
  }
}
