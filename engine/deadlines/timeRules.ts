import type { Clock } from '../duration/isoDuration.js';
import type { CalendarRef, RuleSet } from '../calendar/ruleSets.js';

/** What starts a clock: a dossier's reception or a step's handover. */
export type ClockStartKind = 'reception' | 'handover';

/**
 * How the engine reads the clock and turns allotments into due times. The
 * business calendar implements it; tests pass a fixed clock.
 */
export interface TimeRules {
  now(): Date;
  /**
   * When an allotment on `clock` starts running for a dossier received
   * (`reception`: cut-off, office hours) or a step handed over (`handover`:
   * the next working moment) at `at`. Calendar time runs at once.
   */
  clockStart(kind: ClockStartKind, at: Date, clock: Clock, calendar?: CalendarRef): Date;
  dueAt(start: Date, allotmentMs: number, clock: Clock, calendar?: CalendarRef): Date;
  /** Time of `clock` elapsed between a and b. */
  elapsed(a: Date, b: Date, clock: Clock, calendar?: CalendarRef): number;
  /** Whether the local date of `t` is a working day (a promised date must be one). */
  isWorkingDay(t: Date, calendar?: CalendarRef): boolean;
  /** The rule set in force at `t`, which a dossier received then is pinned to; absent or null when the calendars carry no rule records. */
  ruleSetAt?(t: Date): RuleSet | null;
}
