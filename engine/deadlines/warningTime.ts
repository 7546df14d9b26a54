import type { Clock } from '../duration/isoDuration.js';
import type { TimeRules } from './timeRules.js';
import type { CalendarRef } from '../calendar/ruleSets.js';

const WORKING_DAY_MS = 8 * 3_600_000;

/** How long before a due time the holder is warned. */
export interface WarningLead {
  /** Default 1 working day for a step. */
  taskMs: number;
  /**
   * Default 2 working days for the promised date: the apology letter must be
   * issued at least one working day before it, so the desk needs a day more.
   */
  dossierMs: number;
}

export const DEFAULT_WARNING_LEAD: WarningLead = { taskMs: WORKING_DAY_MS, dossierMs: 2 * WORKING_DAY_MS };

/**
 * The warning time of an allotment running from `start` to `due`: `lead`
 * before the due time, or half-way when the allotment is shorter than twice
 * the lead, measured on the allotment's own clock.
 */
export function warningAt(time: TimeRules, start: Date, due: Date, clock: Clock, leadMs: number, calendarId?: CalendarRef): Date {
  const total = Math.max(0, time.elapsed(start, due, clock, calendarId));
  const lead = Math.min(leadMs, total / 2);
  return time.dueAt(start, Math.floor(total - lead), clock, calendarId);
}
