// The business calendar: which instants are working time for a receiving
// point, and what a deadline counted in working days means as a wall-clock
// due time. Everything here is a pure function of its arguments plus a
// compiled Calendar (whose caches never change an answer).

export type { CalendarDefinition, DaySwap, HolidayRule, Weekday } from './calendarDefinition.js';
export type { Calendar } from './compileCalendar.js';
export type { LunarDate, SolarDate } from './lunarCalendar.js';

export { compileCalendar } from './compileCalendar.js';
export { validateCalendarDefinition } from './validateCalendarDefinition.js';
export { VN_HOLIDAY_RULES, holidayRuleProblems } from './holidayRules.js';
export { DEFAULT_CALENDAR, HCMC_WARD_CALENDAR, VN_OFFICIAL_DAY_SWAPS } from './defaultCalendar.js';
export { isWorkingTime, nextWorkingStart, addWorkingTime, workingTimeBetween, dueAt } from './workingTime.js';
export { receptionStart } from './reception.js';
export { isWorkingDay, isWorkingDayAt, holidaysOfYear } from './workingDays.js';
export { lunarToSolar, solarToLunar } from './lunarCalendar.js';
