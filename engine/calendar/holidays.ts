// Statutory days off computed from the Labour Code 2019, art. 112, and the
// compensation rule of art. 111(3): a holiday falling on the weekly rest day
// is taken on the next working day.
//
// The exact Tết and National Day days are chosen by the government every
// year (e.g. Tết 2024 was taken 8-14 Feb rather than the 9-15 Feb the bare
// rule gives). So when the official table lists days off around one of those
// two holidays, the table alone decides that holiday for the year; the rule
// only fills in the years nobody has announced yet.

import { dayNumberOf, weekdayOf } from './civilDate.js';
import { lunarToSolar } from './lunarCalendar.js';

/** Tells whether the official table has a day off within [fromDay, toDay]. */
export type OfficialDaysOffBetween = (fromDay: number, toDay: number) => boolean;

// How far around Tết and 2 September an announced schedule may reach (2014
// started on 28 Chạp, 2025 on 26 Chạp; National Day 2026 swapped a day on 31 Aug).
const TET_WINDOW_DAYS = 15;
const NATIONAL_DAY_WINDOW = { fromMonth: 8, fromDay: 20, toMonth: 9, toDay: 15 } as const;

function isWeeklyRestDay(dayNumber: number): boolean {
  // State agencies keep the 40-hour Monday-Friday week (Decision
  // 188/1999/QĐ-TTg); compensation follows it for every calendar, whatever
  // hours a receiving point keeps on Saturday.
  const weekday = weekdayOf(dayNumber);
  return weekday === 0 || weekday === 6;
}

function dayOfLunar(day: number, month: number, lunarYear: number): number {
  const solar = lunarToSolar(day, month, lunarYear);
  return dayNumberOf(solar.year, solar.month, solar.day);
}

/**
 * Days off (statutory and compensatory) of a Gregorian year, as day numbers
 * mapped to a Vietnamese name. Weekends are not listed unless a holiday falls on them.
 */
export function statutoryDaysOff(year: number, officialDaysOffBetween: OfficialDaysOffBetween): Map<number, string> {
  const statutory = new Map<number, string>();
  const add = (dayNumber: number, name: string) => {
    if (!statutory.has(dayNumber)) statutory.set(dayNumber, name);
  };

  add(dayNumberOf(year, 1, 1), 'Tết Dương lịch');

  const tet = dayOfLunar(1, 1, year);
  if (!officialDaysOffBetween(tet - TET_WINDOW_DAYS, tet + TET_WINDOW_DAYS)) {
    // The last day of the old lunar year and the first four of the new one.
    for (let offset = -1; offset <= 3; offset++) add(tet + offset, 'Tết Nguyên Đán');
  }

  add(dayOfLunar(10, 3, year), 'Giỗ Tổ Hùng Vương (10/3 âm lịch)');
  add(dayNumberOf(year, 4, 30), 'Ngày Chiến thắng (30/4)');
  add(dayNumberOf(year, 5, 1), 'Ngày Quốc tế Lao động (1/5)');

  const { fromMonth, fromDay, toMonth, toDay } = NATIONAL_DAY_WINDOW;
  if (!officialDaysOffBetween(dayNumberOf(year, fromMonth, fromDay), dayNumberOf(year, toMonth, toDay))) {
    // The adjacent day is decided yearly; without a decision take the day before.
    add(dayNumberOf(year, 9, 1), 'Quốc khánh (ngày liền kề)');
    add(dayNumberOf(year, 9, 2), 'Quốc khánh (2/9)');
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
