import type pg from 'pg';
import { compileCalendar, DEFAULT_CALENDAR, type Calendar } from './index.js';
import type { CalendarSet } from '../deadlines/calendarTimeRules.js';
import { loadCalendars, seedCalendar } from '../store/calendars/calendarRows.js';

/**
 * The calendars of the receiving points, as stored in the database (seeded
 * from the repository's official table). An unknown id falls back to the
 * default calendar so a dossier is never stuck for want of one.
 */
export class CalendarRegistry implements CalendarSet {
  private calendars = new Map<string, Calendar>();
  private fallback: Calendar = compileCalendar(DEFAULT_CALENDAR);

  constructor(private readonly pool: pg.Pool, private readonly defaultId = DEFAULT_CALENDAR.id) {}

  byId(id: string | null | undefined): Calendar {
    return (id && this.calendars.get(id)) || this.calendars.get(this.defaultId) || this.fallback;
  }

  private loaded: Promise<void> | null = null;

  /** Loads once (for callers that may come before start-up loaded it). */
  ready(): Promise<void> {
    this.loaded ??= this.load();
    return this.loaded;
  }

  /** Seeds the default calendar if absent and (re)loads all from the database. */
  async load(): Promise<void> {
    this.loaded ??= Promise.resolve();
    await seedCalendar(this.pool, DEFAULT_CALENDAR);
    const next = new Map<string, Calendar>();
    for (const def of await loadCalendars(this.pool)) next.set(def.id, compileCalendar(def));
    this.calendars = next;
  }
}
