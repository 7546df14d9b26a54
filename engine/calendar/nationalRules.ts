// The national rule records shipped with the repository: the holiday list,
// the Government's yearly day-swap tables and the cut-off, supplement and
// scoring rules. They seed the database's rule records at first start; an
// administrator adds later changes as new records there.

import { createRequire } from 'node:module';
import type { DaySwap } from './calendarDefinition.js';
import { deepFreeze } from './deepFreeze.js';
import { VN_HOLIDAY_RULES } from './holidayRules.js';
import { VN_OFFICIAL_DAY_SWAPS } from './defaultCalendar.js';
import { ruleRecordProblems, type RuleRecord } from './ruleSets.js';

const require = createRequire(import.meta.url);
const table = require('./data/vn-rules.json') as { rules: Array<RuleRecord & { source?: string }> };

const startOfLocalDay = (date: string) => `${date}T00:00:00+07:00`;

function yearlyTables(swaps: readonly DaySwap[]): RuleRecord[] {
  const byYear = new Map<number, DaySwap[]>();
  for (const swap of swaps) {
    const year = Number(swap.date.slice(0, 4));
    byYear.set(year, [...(byYear.get(year) ?? []), swap]);
  }
  // A year's table is decided during the year before; it is in force from then.
  return [...byYear].map(([year, list]) => ({
    id: `day-swaps-${year}`,
    kind: 'day_swaps',
    body: { year, swaps: list },
    validFrom: startOfLocalDay(`${year - 1}-01-01`),
    validTo: null,
  }));
}

export const VN_RULE_RECORDS: readonly RuleRecord[] = deepFreeze([
  ...VN_HOLIDAY_RULES.map((h): RuleRecord => ({
    id: `holiday-${h.id}`,
    kind: 'holiday',
    body: h,
    validFrom: startOfLocalDay(h.validFrom),
    validTo: h.validTo ? startOfLocalDay(h.validTo) : null,
  })),
  ...yearlyTables(VN_OFFICIAL_DAY_SWAPS),
  ...table.rules.map(({ source: _source, ...r }) => r as RuleRecord),
]);

const problems = ruleRecordProblems(VN_RULE_RECORDS);
if (problems.length > 0) throw new Error(`the national rule records are invalid:\n- ${problems.join('\n- ')}`);
