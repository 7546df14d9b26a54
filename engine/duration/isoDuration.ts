// ISO-8601 durations as used by `onestop:deadline`.
//
// Years and months are refused on purpose: "1 month" has no fixed length in
// working time, and statutory allotments are written in days or hours.

export type Clock = 'working' | 'calendar';

export interface Duration {
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const PATTERN = /^P(?!$)(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?=\d)(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

export const WORKING_DAY_HOURS = 8;
const HOUR_MS = 3_600_000;

export function parseDuration(text: string): Duration | null {
  if (typeof text !== 'string') return null;
  const match = PATTERN.exec(text.trim());
  if (!match) return null;
  const [, w, d, h, m, s] = match;
  return {
    weeks: Number(w ?? 0),
    days: Number(d ?? 0),
    hours: Number(h ?? 0),
    minutes: Number(m ?? 0),
    seconds: Number(s ?? 0),
  };
}

export function describeDurationError(text: string): string {
  return `"${text}" is not an ISO-8601 duration of weeks, days, hours, minutes or seconds (e.g. P3D, PT4H, PT30M)`;
}

/**
 * Length of a duration in milliseconds *of its clock*: on the working clock a
 * day is 8 working hours (a week 5 working days), on the calendar clock a day
 * is 24 hours. Working milliseconds are turned into a wall-clock due time by
 * the business calendar, never by adding them to a date directly.
 */
export function durationToMs(duration: Duration, clock: Clock): number {
  const dayHours = clock === 'working' ? WORKING_DAY_HOURS : 24;
  const weekDays = clock === 'working' ? 5 : 7;
  const hours = (duration.weeks * weekDays + duration.days) * dayHours + duration.hours;
  return Math.round(hours * HOUR_MS + duration.minutes * 60_000 + duration.seconds * 1000);
}

export function parseDurationMs(text: string, clock: Clock): number | null {
  const duration = parseDuration(text);
  return duration ? durationToMs(duration, clock) : null;
}

export function parseClock(value: unknown): Clock | null {
  if (value === undefined || value === null || value === '') return 'working';
  return value === 'working' || value === 'calendar' ? value : null;
}
