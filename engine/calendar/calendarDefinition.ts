// The serialisable description of a business calendar: what an administrator
// edits and what is stored. It is plain data on purpose (JSON in the repo
// today, a database row later); compileCalendar turns it into the fast form.

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** Indexed like Date#getDay (0 = Sunday). */
export const WEEKDAYS_BY_INDEX: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/**
 * One day of the government's yearly schedule: an extra day off, or a make-up
 * working day. The table always wins over the computed holiday rules.
 */
export interface DaySwap {
  date: string; // YYYY-MM-DD, local
  kind: 'off' | 'work';
  reason?: string;
  /** Office hours of a 'work' day; defaults to the calendar's Monday hours. */
  hours?: string[];
}

export interface CalendarDefinition {
  id: string;
  name: string;
  timeZone: string;
  officeHours: Record<Weekday, string[]>;
  /** Receptions after this local time start the next working morning; null = no cut-off. */
  cutoff: string | null;
  /** Apply the statutory holidays of the Labour Code (fixed and lunar), computed per year. */
  publicHolidays: boolean;
  daySwaps: DaySwap[];
}
