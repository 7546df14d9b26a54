// Local wall-clock time ↔ UTC instants for one IANA zone.
//
// Vietnam has kept UTC+7 without daylight saving since 13 June 1975, so its
// zone is plain arithmetic (the fast path every due date goes through). Other
// zones go through Intl, which is slower but exact across DST changes; the
// calendar only asks for them when it builds a day's schedule, once per day.

import { DAY_MS, MINUTE_MS } from './civilDate.js';

export interface ZoneClock {
  readonly timeZone: string;
  /** UTC instant of a local wall-clock time (minutes after local midnight of a day number). */
  localToUtc(dayNumber: number, minutes: number): number;
  /** Local day number (days since 1970-01-01) containing an instant. */
  dayOf(utcMs: number): number;
}

const FIXED_OFFSET_MINUTES: Readonly<Record<string, number>> = {
  'Asia/Ho_Chi_Minh': 420,
  'Asia/Saigon': 420,
  'Etc/GMT-7': 420,
  UTC: 0,
  'Etc/UTC': 0,
};

export function isKnownTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== 'string' || timeZone === '') return false;
  if (Object.hasOwn(FIXED_OFFSET_MINUTES, timeZone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

export function zoneClockFor(timeZone: string): ZoneClock {
  if (Object.hasOwn(FIXED_OFFSET_MINUTES, timeZone)) {
    const offsetMs = FIXED_OFFSET_MINUTES[timeZone] * MINUTE_MS;
    return {
      timeZone,
      localToUtc: (dayNumber, minutes) => dayNumber * DAY_MS + minutes * MINUTE_MS - offsetMs,
      dayOf: (utcMs) => Math.floor((utcMs + offsetMs) / DAY_MS),
    };
  }
  return intlZoneClock(timeZone);
}

function intlZoneClock(timeZone: string): ZoneClock {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });

  const offsetAt = (utcMs: number): number => {
    const fields: Record<string, number> = {};
    for (const part of format.formatToParts(new Date(utcMs))) {
      if (part.type !== 'literal') fields[part.type] = Number(part.value);
    }
    const wallClock = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second);
    return wallClock - Math.floor(utcMs / 1000) * 1000;
  };

  const localToUtc = (dayNumber: number, minutes: number): number => {
    const wallClock = dayNumber * DAY_MS + minutes * MINUTE_MS;
    // Two rounds settle on the offset in force at that wall-clock time; in a
    // spring-forward gap this lands after the gap, which is what a clock
    // that "opens at 02:30" would actually do.
    const firstGuess = wallClock - offsetAt(wallClock);
    const offset = offsetAt(firstGuess);
    const secondGuess = wallClock - offset;
    const settled = offsetAt(secondGuess);
    return settled === offset ? secondGuess : Math.max(secondGuess, wallClock - settled);
  };

  // Local midnights bracket each day; memoised because dayOf is hot and Intl is slow.
  const midnights = new Map<number, number>();
  const midnightOf = (dayNumber: number): number => {
    let utc = midnights.get(dayNumber);
    if (utc === undefined) {
      utc = localToUtc(dayNumber, 0);
      if (midnights.size > 100_000) midnights.clear();
      midnights.set(dayNumber, utc);
    }
    return utc;
  };
  const typicalOffsetMs = offsetAt(Date.now());

  return {
    timeZone,
    localToUtc,
    dayOf(utcMs) {
      let dayNumber = Math.floor((utcMs + typicalOffsetMs) / DAY_MS);
      while (utcMs < midnightOf(dayNumber)) dayNumber--;
      while (utcMs >= midnightOf(dayNumber + 1)) dayNumber++;
      return dayNumber;
    },
  };
}
