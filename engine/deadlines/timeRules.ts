import type { Clock } from '../duration/isoDuration.js';

/**
 * How the engine reads the clock and turns allotments into due times. The
 * business calendar implements it; tests pass a fixed clock.
 */
export interface TimeRules {
  now(): Date;
  /** When a dossier received at `t` starts its clock (cut-off, office hours). */
  receptionStart(t: Date, calendarId?: string | null): Date;
  /** When a step handed over at `t` starts its clock. */
  handoverStart(t: Date, calendarId?: string | null): Date;
  dueAt(start: Date, allotmentMs: number, clock: Clock, calendarId?: string | null): Date;
  /** Time of `clock` elapsed between a and b. */
  elapsed(a: Date, b: Date, clock: Clock, calendarId?: string | null): number;
  /** Whether the local date of `t` is a working day (a promised date must be one). */
  isWorkingDay(t: Date, calendarId?: string | null): boolean;
}
