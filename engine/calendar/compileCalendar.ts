// Turns a CalendarDefinition (data) into a Calendar (fast lookups).
//
// Everything the working-time arithmetic needs is reduced to one question,
// "what are the working periods of local day D, as UTC instants?", answered
// once per day and cached. Holidays are computed once per year. After that,
// stepping over a day costs a map lookup, which is what keeps due-date
// computation in the microseconds.

import type { CalendarDefinition, DaySwap } from './calendarDefinition.js';
import { WEEKDAYS_BY_INDEX } from './calendarDefinition.js';
import { civilDateOf, parseIsoDate, weekdayOf } from './civilDate.js';
import { deepFreeze } from './deepFreeze.js';
import { statutoryDaysOff } from './holidays.js';
import { VN_HOLIDAY_RULES } from './holidayRules.js';
import { parseClockTime, parsePeriods, type Period } from './officeHours.js';
import { zoneClockFor, type ZoneClock } from './timeZone.js';
import { validateCalendarDefinition } from './validateCalendarDefinition.js';

export interface DaySchedule {
  readonly dayNumber: number;
  /** Working periods as UTC instants: [starts[i], ends[i]), sorted, disjoint. */
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  readonly workingMs: number;
  /** The holiday or table entry that closes the day; null when the day follows its weekday's hours. */
  readonly closedFor: string | null;
}

export interface Calendar {
  readonly definition: Readonly<CalendarDefinition>;
  readonly zone: ZoneClock;
  /** Cut-off as minutes after local midnight, or null. */
  readonly cutoffMinutes: number | null;
  /** Whether the weekday (0 = Sunday) has office hours in an ordinary week. */
  readonly openOnWeekday: readonly boolean[];
  schedule(dayNumber: number): DaySchedule;
}

const DEFAULT_DAY_OFF_REASON = 'Ngày nghỉ theo lịch công bố';
// A bound on memory for a long-running process; a few years of days is plenty.
const MAX_CACHED_DAYS = 20_000;

interface DayRule {
  periods: readonly Period[];
  closedFor: string | null;
}

export function compileCalendar(def: CalendarDefinition): Calendar {
  const problems = validateCalendarDefinition(def);
  if (problems.length > 0) {
    const id = typeof def?.id === 'string' ? ` "${def.id}"` : '';
    throw new Error(`invalid calendar${id}:\n- ${problems.join('\n- ')}`);
  }
  // A private copy: later edits to the caller's object must not disagree with the caches.
  const definition: CalendarDefinition = deepFreeze(structuredClone(def));

  const weeklyPeriods = WEEKDAYS_BY_INDEX.map((weekday) => parsePeriods(definition.officeHours[weekday]).periods);
  const mondayPeriods = weeklyPeriods[1];

  const swapsByDay = new Map<number, { swap: DaySwap; periods: readonly Period[] }>();
  const officialDaysOff: number[] = [];
  for (const swap of definition.daySwaps) {
    const dayNumber = parseIsoDate(swap.date) as number;
    const periods = swap.kind === 'work' ? (swap.hours ? parsePeriods(swap.hours).periods : mondayPeriods) : [];
    swapsByDay.set(dayNumber, { swap, periods });
    if (swap.kind === 'off') officialDaysOff.push(dayNumber);
  }
  const officialDaysOffBetween = (from: number, to: number) => officialDaysOff.some((d) => d >= from && d <= to);

  const holidaysByYear = new Map<number, Map<number, string>>();
  const holidaysOf = (year: number): Map<number, string> => {
    let holidays = holidaysByYear.get(year);
    if (!holidays) {
      holidays = statutoryDaysOff(year, officialDaysOffBetween, definition.holidays ?? VN_HOLIDAY_RULES);
      holidaysByYear.set(year, holidays);
    }
    return holidays;
  };

  const ruleFor = (dayNumber: number): DayRule => {
    const listed = swapsByDay.get(dayNumber);
    if (listed) {
      return listed.swap.kind === 'work'
        ? { periods: listed.periods, closedFor: null }
        : { periods: [], closedFor: listed.swap.reason ?? DEFAULT_DAY_OFF_REASON };
    }
    if (definition.publicHolidays) {
      const holiday = holidaysOf(civilDateOf(dayNumber).year).get(dayNumber);
      if (holiday !== undefined) return { periods: [], closedFor: holiday };
    }
    return { periods: weeklyPeriods[weekdayOf(dayNumber)], closedFor: null };
  };

  const zone = zoneClockFor(definition.timeZone);
  const cache = new Map<number, DaySchedule>();

  const schedule = (dayNumber: number): DaySchedule => {
    const cached = cache.get(dayNumber);
    if (cached) return cached;
    const { periods, closedFor } = ruleFor(dayNumber);
    const starts: number[] = [];
    const ends: number[] = [];
    let workingMs = 0;
    for (const period of periods) {
      const start = zone.localToUtc(dayNumber, period.start);
      const end = zone.localToUtc(dayNumber, period.end);
      // A period swallowed by a DST jump simply does not happen that day.
      if (end <= start) continue;
      starts.push(start);
      ends.push(end);
      workingMs += end - start;
    }
    const day: DaySchedule = Object.freeze({ dayNumber, starts, ends, workingMs, closedFor });
    if (cache.size >= MAX_CACHED_DAYS) cache.clear();
    cache.set(dayNumber, day);
    return day;
  };

  return Object.freeze({
    definition,
    zone,
    cutoffMinutes: definition.cutoff === null ? null : parseClockTime(definition.cutoff),
    openOnWeekday: Object.freeze(weeklyPeriods.map((periods) => periods.length > 0)),
    schedule,
  });
}
