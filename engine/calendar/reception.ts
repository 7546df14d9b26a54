// When the statutory clock of a received dossier starts.
//
// A dossier handed in late in the afternoon cannot reasonably be processed the
// same day, so receiving points publish a cut-off (15:00 by default): after
// it, reception counts as happening the next working morning. Outside office
// hours or on a day off, the clock starts with the next working period.

import type { Calendar } from './compileCalendar.js';
import { nextWorkingStartMs } from './workingTime.js';

export function receptionStartMs(t: number, cal: Calendar): number {
  if (cal.cutoffMinutes !== null) {
    const day = cal.zone.dayOf(t);
    // "After" the cut-off: a dossier stamped 15:00:00.000 still counts that day.
    if (cal.schedule(day).workingMs > 0 && t > cal.zone.localToUtc(day, cal.cutoffMinutes)) {
      return nextWorkingStartMs(cal.zone.localToUtc(day + 1, 0), cal);
    }
  }
  return nextWorkingStartMs(t, cal);
}

/** The instant the processing clock starts for a dossier received at t. */
export function receptionStart(t: Date, cal: Calendar): Date {
  const ms = t instanceof Date ? t.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError('receptionStart: not a valid Date');
  return new Date(receptionStartMs(ms, cal));
}
