import type pg from 'pg';
import { validateCalendarDefinition, type CalendarDefinition, type DaySwap } from './index.js';
import { deleteDaySwap, loadCalendars, upsertDaySwap } from '../store/calendars/calendarRows.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { CalendarRegistry } from './calendarRegistry.js';

/**
 * An administrator's edits of the yearly table of day swaps (the government
 * approves them each year). The change is checked as a whole calendar, stored,
 * and the running calendars reloaded; due times already computed stay as they
 * were promised to citizens.
 */
export async function setDaySwap(pool: pg.Pool, registry: CalendarRegistry, calendarId: string, swap: DaySwap): Promise<CalendarDefinition> {
  const current = (await loadCalendars(pool)).find((c) => c.id === calendarId);
  if (!current) throw new NotFoundError(`calendar ${calendarId} does not exist`);
  const candidate = { ...current, daySwaps: [...current.daySwaps.filter((s) => s.date !== swap.date), swap] };
  const problems = validateCalendarDefinition(candidate);
  if (problems.length) throw new ValidationError(`the day swap is invalid: ${problems.join('; ')}`, problems.map((message) => ({ path: '', message })));
  await upsertDaySwap(pool, calendarId, swap);
  await registry.load();
  return candidate;
}

export async function removeDaySwap(pool: pg.Pool, registry: CalendarRegistry, calendarId: string, date: string): Promise<void> {
  if (!(await deleteDaySwap(pool, calendarId, date))) throw new NotFoundError(`calendar ${calendarId} has no day swap on ${date}`);
  await registry.load();
}
