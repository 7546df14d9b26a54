import { vietnamDate, type TimeRules } from '../../engine/index.js';

/** One working day on the working clock (8 working hours). */
export const WORKING_DAY_MS = 8 * 3_600_000;

/**
 * Working time from `now` until `dueAt` on the procedure's calendar:
 * negative once it has passed, null without a due time. What a person reads
 * as "4 giờ làm việc còn lại" or "quá hạn 2 giờ làm việc".
 */
export function workingMsLeft(time: TimeRules, now: Date, dueAt: Date | string | null, calendarId: string | null): number | null {
  if (dueAt === null) return null;
  const due = dueAt instanceof Date ? dueAt : new Date(dueAt);
  return Math.round(time.elapsed(now, due, 'working', calendarId));
}

export type Urgency = 'late' | 'due_today' | 'on_track' | 'paused' | 'no_deadline';

/** The colour of a step in an inbox: late, due on the current Vietnamese day, or later. */
export function urgencyOf(now: Date, dueAt: Date | null, paused: boolean): Urgency {
  if (paused) return 'paused';
  if (!dueAt) return 'no_deadline';
  if (dueAt.getTime() <= now.getTime()) return 'late';
  return vietnamDate(dueAt) === vietnamDate(now) ? 'due_today' : 'on_track';
}
