import { parseDurationMs, type Clock } from '../../duration/isoDuration.js';
import type { TimeRules } from '../../deadlines/timeRules.js';
import type { WaitingTimer } from '../../runtime/processRun.js';
import { ProcessError } from '../../errors.js';

/** The duration of one repetition of a cycle `R/PT4H`, `R3/PT4H` or `R/<start>/PT4H`. */
function cycleDuration(value: string): string {
  const parts = value.split('/');
  return parts[parts.length - 1] ?? '';
}

/**
 * When a BPMN timer falls due, counted from `from`: a duration (or one cycle)
 * on the event's clock, so `P2D` is 2 working days like a step's deadline;
 * a date as written.
 */
export function timerDueAt(time: TimeRules, timer: WaitingTimer, clock: Clock, calendarId: string | null, from: Date): Date {
  if (timer.timerType === 'timeDate') {
    const at = new Date(timer.value);
    if (Number.isNaN(at.getTime())) throw new ProcessError(`timer ${timer.elementId}: "${timer.value}" is not a date`, timer.elementId);
    return at;
  }
  const text = timer.timerType === 'timeCycle' ? cycleDuration(timer.value) : timer.value;
  const ms = parseDurationMs(text, clock);
  if (ms === null) throw new ProcessError(`timer ${timer.elementId}: "${timer.value}" is not a duration of weeks, days, hours, minutes or seconds`, timer.elementId);
  return time.dueAt(time.clockStart('handover', from, clock, calendarId), ms, clock, calendarId);
}
