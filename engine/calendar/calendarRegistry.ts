import type pg from 'pg';
import { compileCalendar, DEFAULT_CALENDAR, type Calendar } from './index.js';
import type { CalendarSet } from '../deadlines/calendarTimeRules.js';
import { loadCalendars, seedCalendar } from '../store/calendars/calendarRows.js';
import { RuleBook } from './ruleBook.js';
import { calendarUnderRuleSet, isPinned, type CalendarRef, type RuleSet } from './ruleSets.js';

/**
 * The calendars of the receiving points, as stored in the database (seeded
 * from the repository's official table), and the rule records with their
 * effective dates. A dossier pinned to a rule set is computed on its
 * receiving point's calendar under that set (cut-off, holidays, yearly
 * tables); an unknown id falls back to the default calendar so a dossier is
 * never stuck for want of one.
 */
export class CalendarRegistry implements CalendarSet {
  private calendars = new Map<string, Calendar>();
  private fallback: Calendar = compileCalendar(DEFAULT_CALENDAR);
  private underRuleSets = new Map<string, Calendar>();
  readonly rules: RuleBook;

  constructor(private readonly pool: pg.Pool, private readonly defaultId = DEFAULT_CALENDAR.id) {
    this.rules = new RuleBook(pool);
  }

  byId(ref: CalendarRef): Calendar {
    if (!isPinned(ref)) return (ref && this.calendars.get(ref)) || this.calendars.get(this.defaultId) || this.fallback;
    const base = this.byId(ref.calendarId);
    const set = this.rules.byId(ref.ruleSetId);
    if (!set) return base;
    const key = `${base.definition.id}@${set.id}`;
    let calendar = this.underRuleSets.get(key);
    if (!calendar) {
      calendar = compileCalendar(calendarUnderRuleSet(base.definition, set));
      this.underRuleSets.set(key, calendar);
    }
    return calendar;
  }

  /** The rule set in force at `t`: what a dossier received then is pinned to. */
  ruleSetAt(t: Date): RuleSet {
    return this.rules.inForceAt(t);
  }

  private loaded: Promise<void> | null = null;

  /** Loads once (for callers that may come before start-up loaded it). */
  ready(): Promise<void> {
    this.loaded ??= this.load();
    return this.loaded;
  }

  /** Seeds the default calendar and the national rule records if absent and (re)loads all from the database. */
  async load(): Promise<void> {
    this.loaded ??= Promise.resolve();
    await seedCalendar(this.pool, DEFAULT_CALENDAR);
    const next = new Map<string, Calendar>();
    for (const def of await loadCalendars(this.pool)) next.set(def.id, compileCalendar(def));
    await this.rules.load();
    this.calendars = next;
    this.underRuleSets = new Map();
  }
}
