import { vietnamDate } from '../../engine/index.js';
import type { ParamSpec } from './route.js';

// Query parameters shared by the list endpoints.

export const PAGE_QUERY: Record<string, ParamSpec> = {
  limit: { schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 }, description: 'Page size (1–500, default 50).' },
  offset: { schema: { type: 'integer', minimum: 0, default: 0 }, description: 'Rows to skip.' },
};

export function pageOf(query: { limit?: number; offset?: number }): { limit: number; offset: number } {
  return { limit: query.limit ?? 50, offset: query.offset ?? 0 };
}

const DAY_OR_TIME = {
  anyOf: [{ type: 'string', format: 'date' }, { type: 'string', format: 'date-time' }],
};

export const periodQuery = (what: string): Record<string, ParamSpec> => ({
  from: { schema: DAY_OR_TIME, description: `${what} at or after: a date (a day in Vietnam, from its start) or a date-time.` },
  to: { schema: DAY_OR_TIME, description: `${what} up to: a date (that whole day in Vietnam, included) or a date-time (excluded).` },
});

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The start of a Vietnamese day (UTC+7, no daylight saving). */
export function vietnamDayStart(day: string): Date {
  return new Date(`${day}T00:00:00+07:00`);
}

/** A `from` bound: a day starts at its midnight in Vietnam. */
export function periodStart(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  return DAY.test(value) ? vietnamDayStart(value) : new Date(value);
}

/** A `to` bound, exclusive: a day includes all of itself. */
export function periodEnd(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  return DAY.test(value) ? new Date(vietnamDayStart(value).getTime() + 86_400_000) : new Date(value);
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Default report period: the current month in Vietnam, up to today. */
export function currentMonth(now: Date): { from: string; to: string } {
  const today = vietnamDate(now);
  return { from: `${today.slice(0, 8)}01`, to: today };
}
