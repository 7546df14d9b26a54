// Questions about whole local days: is it a working day, which days are off.

import type { Calendar } from './compileCalendar.js';
import { dayNumberOf, formatIsoDate, parseIsoDate, weekdayOf } from './civilDate.js';

/** Whether the local date has any office hours (a Saturday-morning point works on Saturday). */
export function isWorkingDay(localDate: string, cal: Calendar): boolean {
  const dayNumber = parseIsoDate(localDate);
  if (dayNumber === null) throw new RangeError(`isWorkingDay: "${localDate}" is not a date of the form YYYY-MM-DD`);
  return cal.schedule(dayNumber).workingMs > 0;
}

/** Whether the local day (in the calendar's own time zone) containing `t` is a working day. */
export function isWorkingDayAt(t: Date, cal: Calendar): boolean {
  return cal.schedule(cal.zone.dayOf(t.getTime())).workingMs > 0;
}

/**
 * Days off of a year that are not ordinary weekly closures: holidays,
 * compensatory days and days off from the official table, limited to the
 * weekdays on which this calendar would otherwise be open. Sorted by date.
 */
export function holidaysOfYear(year: number, cal: Calendar): Array<{ date: string; name: string }> {
  if (!Number.isInteger(year)) throw new RangeError(`holidaysOfYear: ${year} is not a year`);
  const result: Array<{ date: string; name: string }> = [];
  const end = dayNumberOf(year + 1, 1, 1);
  for (let dayNumber = dayNumberOf(year, 1, 1); dayNumber < end; dayNumber++) {
    const { closedFor, workingMs } = cal.schedule(dayNumber);
    if (closedFor !== null && workingMs === 0 && cal.openOnWeekday[weekdayOf(dayNumber)]) {
      result.push({ date: formatIsoDate(dayNumber), name: closedFor });
    }
  }
  return result;
}
