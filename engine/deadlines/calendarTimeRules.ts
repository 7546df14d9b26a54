import type { Clock } from '../duration/isoDuration.js';
import type { TimeRules } from './timeRules.js';
import {
  addWorkingTime,
  isWorkingDayAt,
  nextWorkingStart,
  receptionStart,
  workingTimeBetween,
  type Calendar,
} from '../calendar/index.js';
import type { CalendarRef, RuleSet } from '../calendar/ruleSets.js';

export interface CalendarSet {
  byId(ref: CalendarRef): Calendar;
  /** The rule set in force at `t` (the registry of stored calendars keeps the rule records). */
  ruleSetAt?(t: Date): RuleSet;
}

/** A set with one calendar used for every receiving point. */
export function singleCalendar(calendar: Calendar): CalendarSet {
  return { byId: () => calendar };
}

/**
 * Time rules of a Vietnamese agency: reception cut-off, working hours,
 * holidays. The calendar clock (`onestop:clock="calendar"`) is plain elapsed
 * time, for steps a law counts in calendar days or tests count in seconds.
 */
export function calendarTimeRules(now: () => Date, calendars: CalendarSet): TimeRules {
  return {
    now,
    clockStart(kind, at, clock, id) {
      if (clock === 'calendar') return at;
      return kind === 'reception' ? receptionStart(at, calendars.byId(id)) : nextWorkingStart(at, calendars.byId(id));
    },
    dueAt(start: Date, allotmentMs: number, clock: Clock, id) {
      if (clock === 'calendar') return new Date(start.getTime() + allotmentMs);
      return addWorkingTime(start, allotmentMs, calendars.byId(id));
    },
    elapsed(a: Date, b: Date, clock: Clock, id) {
      if (clock === 'calendar') return b.getTime() - a.getTime();
      return workingTimeBetween(a, b, calendars.byId(id));
    },
    isWorkingDay: (t, id) => isWorkingDayAt(t, calendars.byId(id)),
    ruleSetAt: (t) => calendars.ruleSetAt?.(t) ?? null,
  };
}
