// Ready-made calendar definitions. They are data, not compiled calendars:
// callers compile them (and may copy and adjust them first, e.g. per province).
//
// The official yearly table lives in data/vn-official-days.json so that it
// can be reviewed, diffed and later seeded into the database as it is.

import { createRequire } from 'node:module';
import type { CalendarDefinition, DaySwap } from './calendarDefinition.js';
import { deepFreeze } from './deepFreeze.js';
import { validateCalendarDefinition } from './validateCalendarDefinition.js';

const require = createRequire(import.meta.url);
const officialTable = require('./data/vn-official-days.json') as { daySwaps: DaySwap[] };

/** The Government's announced days off and make-up working days (2024-2026). */
export const VN_OFFICIAL_DAY_SWAPS: readonly DaySwap[] = deepFreeze(officialTable.daySwaps);

const WEEKDAY_HOURS = ['08:00-12:00', '13:00-17:00'];

/** State agencies on Hanoi hours: Monday-Friday 08:00-12:00 and 13:00-17:00, cut-off 15:00. */
export const DEFAULT_CALENDAR: CalendarDefinition = deepFreeze({
  id: 'vn-default',
  name: 'Cơ quan nhà nước (giờ hành chính Hà Nội)',
  timeZone: 'Asia/Ho_Chi_Minh',
  officeHours: {
    mon: WEEKDAY_HOURS,
    tue: WEEKDAY_HOURS,
    wed: WEEKDAY_HOURS,
    thu: WEEKDAY_HOURS,
    fri: WEEKDAY_HOURS,
    sat: [],
    sun: [],
  },
  cutoff: '15:00',
  publicHolidays: true,
  daySwaps: [...VN_OFFICIAL_DAY_SWAPS],
});

const HCMC_WEEKDAY_HOURS = ['07:30-11:30', '13:00-17:00'];

/** Ward receiving points in Ho Chi Minh City: earlier hours and Saturday morning reception. */
export const HCMC_WARD_CALENDAR: CalendarDefinition = deepFreeze({
  id: 'vn-hcmc-ward',
  name: 'Bộ phận một cửa phường (TP. Hồ Chí Minh)',
  timeZone: 'Asia/Ho_Chi_Minh',
  officeHours: {
    mon: HCMC_WEEKDAY_HOURS,
    tue: HCMC_WEEKDAY_HOURS,
    wed: HCMC_WEEKDAY_HOURS,
    thu: HCMC_WEEKDAY_HOURS,
    fri: HCMC_WEEKDAY_HOURS,
    sat: ['07:30-11:30'],
    sun: [],
  },
  cutoff: '15:00',
  publicHolidays: true,
  daySwaps: [...VN_OFFICIAL_DAY_SWAPS],
});

// A typo in the data file should stop the process at start-up, not skew deadlines.
for (const definition of [DEFAULT_CALENDAR, HCMC_WARD_CALENDAR]) {
  const problems = validateCalendarDefinition(definition);
  if (problems.length > 0) throw new Error(`calendar "${definition.id}" is invalid:\n- ${problems.join('\n- ')}`);
}
