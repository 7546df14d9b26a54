// The national list of paid public holidays, kept as records in
// data/vn-holidays.json so that an amendment of the Labour Code (e.g. Vietnam
// Culture Day, 24/11, from 1 July 2026) is a reviewed data change with an
// effective date rather than a code change.

import { createRequire } from 'node:module';
import type { HolidayRule } from './calendarDefinition.js';
import { parseIsoDate } from './civilDate.js';
import { deepFreeze } from './deepFreeze.js';

const require = createRequire(import.meta.url);
const table = require('./data/vn-holidays.json') as { holidays: HolidayRule[] };

/** Human-readable problems of a list of holiday records; empty when valid. */
export function holidayRuleProblems(value: unknown, where = 'holidays'): string[] {
  if (!Array.isArray(value)) return [`${where} must be a list of holiday records`];
  const problems: string[] = [];
  const ids = new Set<string>();
  value.forEach((h: Partial<HolidayRule> | null, i) => {
    const at = `${where}[${i}]`;
    if (typeof h !== 'object' || h === null) return void problems.push(`${at} must be an object`);
    if (typeof h.id !== 'string' || !h.id) problems.push(`${at}.id must be a non-empty text`);
    else if (ids.has(h.id)) problems.push(`${at}.id "${h.id}" is listed twice`);
    else ids.add(h.id);
    if (typeof h.name !== 'string' || !h.name) problems.push(`${at}.name must be a non-empty text`);
    if (h.calendar !== 'solar' && h.calendar !== 'lunar') problems.push(`${at}.calendar must be "solar" or "lunar"`);
    if (!Number.isInteger(h.month) || (h.month as number) < 1 || (h.month as number) > 12) problems.push(`${at}.month must be 1..12`);
    if (!Number.isInteger(h.day) || (h.day as number) < 1 || (h.day as number) > 31) problems.push(`${at}.day must be 1..31`);
    if (h.offsets !== undefined && !(Array.isArray(h.offsets) && h.offsets.length > 0 && h.offsets.every((o) => Number.isInteger(o) && Math.abs(o) <= 10))) {
      problems.push(`${at}.offsets must be a non-empty list of whole days between -10 and 10`);
    }
    if (h.tableWindowDays !== undefined && !(Number.isInteger(h.tableWindowDays) && h.tableWindowDays >= 0)) problems.push(`${at}.tableWindowDays must be a whole number of days >= 0`);
    const from = typeof h.validFrom === 'string' ? parseIsoDate(h.validFrom) : null;
    if (from === null) problems.push(`${at}.validFrom must be a date YYYY-MM-DD`);
    if (h.validTo != null) {
      const to = typeof h.validTo === 'string' ? parseIsoDate(h.validTo) : null;
      if (to === null) problems.push(`${at}.validTo must be a date YYYY-MM-DD or null`);
      else if (from !== null && to <= from) problems.push(`${at}.validTo must come after validFrom`);
    }
  });
  return problems;
}

const problems = holidayRuleProblems(table.holidays);
// A typo in the data file should stop the process at start-up, not skew deadlines.
if (problems.length > 0) throw new Error(`data/vn-holidays.json is invalid:\n- ${problems.join('\n- ')}`);

/** The national paid public holidays, with their effective dates. */
export const VN_HOLIDAY_RULES: readonly HolidayRule[] = deepFreeze(table.holidays);
