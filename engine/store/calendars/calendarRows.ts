import type { Queryable } from '../db.js';
import type { CalendarDefinition, DaySwap } from '../../calendar/index.js';

type StoredDefinition = Omit<CalendarDefinition, 'daySwaps'>;

/** Inserts a calendar with its day swaps unless it exists (an administrator's edits win). */
export async function seedCalendar(db: Queryable, def: CalendarDefinition): Promise<boolean> {
  const { daySwaps, ...rest } = def;
  const { rowCount } = await db.query('INSERT INTO calendars (id, definition) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [def.id, JSON.stringify(rest)]);
  if (!rowCount) return false;
  for (const swap of daySwaps) await upsertDaySwap(db, def.id, swap);
  return true;
}

export async function upsertDaySwap(db: Queryable, calendarId: string, swap: DaySwap): Promise<void> {
  await db.query(
    `INSERT INTO calendar_day_swaps (calendar_id, date, kind, reason, hours) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (calendar_id, date) DO UPDATE SET kind = EXCLUDED.kind, reason = EXCLUDED.reason, hours = EXCLUDED.hours`,
    [calendarId, swap.date, swap.kind, swap.reason ?? null, swap.hours ? JSON.stringify(swap.hours) : null],
  );
  await db.query('UPDATE calendars SET updated_at = now() WHERE id = $1', [calendarId]);
}

export async function deleteDaySwap(db: Queryable, calendarId: string, date: string): Promise<boolean> {
  const { rowCount } = await db.query('DELETE FROM calendar_day_swaps WHERE calendar_id = $1 AND date = $2', [calendarId, date]);
  return Boolean(rowCount);
}

export async function loadCalendars(db: Queryable): Promise<CalendarDefinition[]> {
  const { rows: calendars } = await db.query<{ id: string; definition: StoredDefinition }>('SELECT id, definition FROM calendars ORDER BY id');
  const { rows: swaps } = await db.query<{ calendarId: string; date: string; kind: 'off' | 'work'; reason: string | null; hours: string[] | null }>(
    `SELECT calendar_id AS "calendarId", to_char(date, 'YYYY-MM-DD') AS date, kind, reason, hours FROM calendar_day_swaps ORDER BY date`,
  );
  return calendars.map((c) => ({
    ...c.definition,
    id: c.id,
    daySwaps: swaps
      .filter((s) => s.calendarId === c.id)
      .map((s) => ({ date: s.date, kind: s.kind, ...(s.reason ? { reason: s.reason } : {}), ...(s.hours ? { hours: s.hours } : {}) })),
  }));
}
