import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createOnestopEngine, type OnestopEngine } from '../../engine/onestopEngine.js';
import { calendarTimeRules, singleCalendar } from '../../engine/deadlines/calendarTimeRules.js';
import { compileCalendar, DEFAULT_CALENDAR } from '../../engine/calendar/index.js';
import { upsertDepartment } from '../../engine/store/departments/departmentRows.js';
import type { EngineHooks } from '../../engine/engineContext.js';
import type pg from 'pg';
import { FixedClock } from './fixedClock.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const fixture = (...parts: string[]) => readFile(path.join(ROOT, 'test', 'fixtures', ...parts), 'utf8');

export const defaultCalendar = compileCalendar(DEFAULT_CALENDAR);

export function engineFor(pool: pg.Pool, clock: FixedClock, hooks?: EngineHooks): OnestopEngine {
  return createOnestopEngine({ pool, time: calendarTimeRules(clock.now, singleCalendar(defaultCalendar)), hooks });
}

export async function seedDepartments(pool: pg.Pool, file = path.join(ROOT, 'test/fixtures/engine/departments.json')) {
  const list = JSON.parse(await readFile(file, 'utf8')) as Array<{ code: string; name: string; agency: string }>;
  for (const d of list) await upsertDepartment(pool, { ...d, calendarId: null });
}
