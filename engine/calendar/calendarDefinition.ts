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

/**
 * One paid public holiday (Labour Code art. 112 as amended) as a record: an
 * amendment adds a record with its own validity instead of editing code.
 */
export interface HolidayRule {
  id: string;
  name: string;
  /** 'lunar' dates are Vietnamese lunar dates (computed for UTC+7). */
  calendar: 'solar' | 'lunar';
  month: number;
  day: number;
  /** Days taken relative to the date (Tết: [-1, 0, 1, 2, 3]); default [0]. */
  offsets?: number[];
  /** Names of the days whose offset differs from the holiday's own name. */
  offsetNames?: Record<string, string>;
  /** When the yearly table lists a day off this close to the date, the table alone decides the holiday that year. */
  tableWindowDays?: number;
  /** First local date (YYYY-MM-DD) on which the holiday may fall. */
  validFrom: string;
  /** First local date on which it no longer applies; null = open-ended. */
  validTo?: string | null;
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
  /** The holiday records to apply; absent = the national list (data/vn-holidays.json). */
  holidays?: HolidayRule[];
  daySwaps: DaySwap[];
}
