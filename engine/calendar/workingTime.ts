// Arithmetic on the working clock.
//
// Working time only runs inside office-hour periods. Periods are half-open,
// [start, end): 08:00 is working time, 17:00 is not. Adding time therefore
// ends *at* a period's end when it runs out exactly there (a P1D started at
// 08:00 is due at 17:00 the same day, not 08:00 the next morning).
//
// Whole days are stepped over using each day's precomputed total, so the cost
// grows with the number of calendar days crossed, never with minutes.

import { formatIsoDate } from './civilDate.js';
import type { Calendar } from './compileCalendar.js';

/** No real calendar is closed this long; a definition without any office hours would otherwise loop forever. */
const MAX_CLOSED_DAYS_IN_A_ROW = 400;

function instantOf(t: Date, what: string): number {
  const ms = t instanceof Date ? t.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`${what}: not a valid Date`);
  return ms;
}

function durationOf(durationMs: number, what: string): number {
  if (typeof durationMs !== 'number' || !Number.isFinite(durationMs) || durationMs < 0) {
    throw new RangeError(`${what}: duration must be a finite number of milliseconds >= 0, got ${durationMs}`);
  }
  // Date keeps whole milliseconds; rounding here keeps add/between exact inverses.
  return Math.round(durationMs);
}

function noWorkingTime(cal: Calendar, fromDay: number): never {
  throw new RangeError(
    `calendar "${cal.definition.id}" has no working time in the ${MAX_CLOSED_DAYS_IN_A_ROW} days from ${formatIsoDate(fromDay)}`,
  );
}

export function isWorkingTimeMs(t: number, cal: Calendar): boolean {
  const { starts, ends } = cal.schedule(cal.zone.dayOf(t));
  for (let i = 0; i < starts.length; i++) {
    if (t >= starts[i] && t < ends[i]) return true;
  }
  return false;
}

export function nextWorkingStartMs(t: number, cal: Calendar): number {
  const firstDay = cal.zone.dayOf(t);
  for (let day = firstDay; day - firstDay <= MAX_CLOSED_DAYS_IN_A_ROW; day++) {
    const { starts, ends } = cal.schedule(day);
    for (let i = 0; i < starts.length; i++) {
      if (ends[i] > t) return starts[i] > t ? starts[i] : t;
    }
  }
  return noWorkingTime(cal, firstDay);
}

export function addWorkingTimeMs(start: number, durationMs: number, cal: Calendar): number {
  if (durationMs === 0) return start;
  let remaining = durationMs;
  let day = cal.zone.dayOf(start);
  let closedInARow = 0;
  for (;;) {
    const { starts, ends, workingMs } = cal.schedule(day);
    if (workingMs === 0) {
      if (++closedInARow > MAX_CLOSED_DAYS_IN_A_ROW) noWorkingTime(cal, day);
      day++;
      continue;
    }
    closedInARow = 0;
    if (start <= starts[0] && remaining > workingMs) {
      remaining -= workingMs;
      day++;
      continue;
    }
    for (let i = 0; i < starts.length; i++) {
      if (ends[i] <= start) continue;
      const from = starts[i] > start ? starts[i] : start;
      const available = ends[i] - from;
      if (remaining <= available) return from + remaining;
      remaining -= available;
    }
    day++;
  }
}

export function workingTimeBetweenMs(a: number, b: number, cal: Calendar): number {
  if (b < a) return 0 - workingTimeBetweenMs(b, a, cal); // 0 - x, not -x: never -0
  let total = 0;
  const lastDay = cal.zone.dayOf(b);
  for (let day = cal.zone.dayOf(a); day <= lastDay; day++) {
    const { starts, ends, workingMs } = cal.schedule(day);
    if (workingMs === 0) continue;
    if (a <= starts[0] && ends[ends.length - 1] <= b) {
      total += workingMs;
      continue;
    }
    for (let i = 0; i < starts.length; i++) {
      const from = starts[i] > a ? starts[i] : a;
      const to = ends[i] < b ? ends[i] : b;
      if (to > from) total += to - from;
    }
  }
  return total;
}

/** Whether t lies inside a working period. */
export function isWorkingTime(t: Date, cal: Calendar): boolean {
  return isWorkingTimeMs(instantOf(t, 'isWorkingTime'), cal);
}

/** t itself when it is working time, else the start of the next working period. */
export function nextWorkingStart(t: Date, cal: Calendar): Date {
  return new Date(nextWorkingStartMs(instantOf(t, 'nextWorkingStart'), cal));
}

/**
 * The instant by which `durationMs` of working time has elapsed after `start`.
 * A start outside office hours counts from the next working period. A zero
 * duration returns `start` unchanged.
 */
export function addWorkingTime(start: Date, durationMs: number, cal: Calendar): Date {
  const from = instantOf(start, 'addWorkingTime');
  return new Date(addWorkingTimeMs(from, durationOf(durationMs, 'addWorkingTime'), cal));
}

/** Working milliseconds in [a, b); when b < a, minus the working time in [b, a). */
export function workingTimeBetween(a: Date, b: Date, cal: Calendar): number {
  return workingTimeBetweenMs(instantOf(a, 'workingTimeBetween'), instantOf(b, 'workingTimeBetween'), cal);
}

/**
 * Due instant of a deadline started at `start`. The working clock skips
 * non-working time; the calendar clock is plain elapsed time. The reception
 * cut-off is not applied here (see receptionStart): timers inside a process
 * start whenever the previous step ends.
 */
export function dueAt(start: Date, durationMs: number, clock: 'working' | 'calendar', cal: Calendar): Date {
  const from = instantOf(start, 'dueAt');
  const duration = durationOf(durationMs, 'dueAt');
  if (clock === 'calendar') return new Date(from + duration);
  if (clock === 'working') return new Date(addWorkingTimeMs(from, duration, cal));
  throw new RangeError(`dueAt: unknown clock ${JSON.stringify(clock)}`);
}
