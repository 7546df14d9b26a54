// Statutory days off computed from the holiday records (Labour Code 2019,
// art. 112 as amended: data/vn-holidays.json) and the compensation rule of
// art. 111(3): a holiday falling on the weekly rest day is taken on the next
// working day.
//
// The exact Tết and National Day days are chosen by the government every
// year (e.g. Tết 2024 was taken 8-14 Feb rather than the 9-15 Feb the bare
// rule gives). So when the official table lists days off around one of those
// holidays (its record's tableWindowDays), the table alone decides that
// holiday for the year; the rule only fills in the years nobody has announced yet.

import type { HolidayRule } from './calendarDefinition.js';
import { dayNumberOf, parseIsoDate, weekdayOf } from './civilDate.js';
import { VN_HOLIDAY_RULES } from './holidayRules.js';
import { lunarToSolar } from './lunarCalendar.js';

/** Tells whether the official table has a day off within [fromDay, toDay]. */
export type OfficialDaysOffBetween = (fromDay: number, toDay: number) => boolean;

function isWeeklyRestDay(dayNumber: number): boolean {
  // State agencies keep the 40-hour Monday-Friday week (Decision
  // 188/1999/QĐ-TTg); compensation follows it for every calendar, whatever
  // hours a receiving point keeps on Saturday.
  const weekday = weekdayOf(dayNumber);
  return weekday === 0 || weekday === 6;
}

function dateOf(rule: HolidayRule, year: number): number {
  if (rule.calendar === 'solar') return dayNumberOf(year, rule.month, rule.day);
  const solar = lunarToSolar(rule.day, rule.month, year);
  return dayNumberOf(solar.year, solar.month, solar.day);
}

function appliesOn(rule: HolidayRule, dayNumber: number): boolean {
  if (dayNumber < (parseIsoDate(rule.validFrom) as number)) return false;
  return rule.validTo == null || dayNumber < (parseIsoDate(rule.validTo) as number);
}

/**
 * Days off (statutory and compensatory) of a Gregorian year, as day numbers
 * mapped to a Vietnamese name. Weekends are not listed unless a holiday falls on them.
 */
export function statutoryDaysOff(
  year: number,
  officialDaysOffBetween: OfficialDaysOffBetween,
  rules: readonly HolidayRule[] = VN_HOLIDAY_RULES,
): Map<number, string> {
  const statutory = new Map<number, string>();
  for (const rule of rules) {
    const date = dateOf(rule, year);
    const window = rule.tableWindowDays;
    if (window !== undefined && officialDaysOffBetween(date - window, date + window)) continue;
    for (const offset of rule.offsets ?? [0]) {
      const dayNumber = date + offset;
      if (!appliesOn(rule, dayNumber) || statutory.has(dayNumber)) continue;
      statutory.set(dayNumber, rule.offsetNames?.[String(offset)] ?? rule.name);
    }
  }

  const daysOff = new Map(statutory);
  const inOrder = [...statutory.keys()].sort((a, b) => a - b);
  for (const dayNumber of inOrder) {
    if (!isWeeklyRestDay(dayNumber)) continue;
    let compensation = dayNumber + 1;
    while (isWeeklyRestDay(compensation) || daysOff.has(compensation)) compensation++;
    daysOff.set(compensation, `Nghỉ bù ${statutory.get(dayNumber)}`);
  }
  return daysOff;
}
