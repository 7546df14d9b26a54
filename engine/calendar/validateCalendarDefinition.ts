// Calendars will be edited by administrators, so every problem is reported
// at once, in words an administrator can act on, rather than thrown one by one.

import { WEEKDAYS_BY_INDEX } from './calendarDefinition.js';
import { parseIsoDate } from './civilDate.js';
import { parseClockTime, parsePeriods } from './officeHours.js';
import { isKnownTimeZone } from './timeZone.js';
import { holidayRuleProblems } from './holidayRules.js';

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function periodProblems(where: string, value: unknown): string[] {
  if (!Array.isArray(value)) return [`${where} must be a list of "HH:MM-HH:MM" periods (use [] for a closed day)`];
  return parsePeriods(value).problems.map((problem) => (problem.startsWith('[') ? `${where}${problem}` : `${where}: ${problem}`));
}

function officeHoursProblems(value: unknown): string[] {
  if (!isRecord(value)) return ['officeHours must be an object with the keys mon, tue, wed, thu, fri, sat, sun'];
  const problems: string[] = [];
  for (const key of Object.keys(value)) {
    if (!(WEEKDAYS_BY_INDEX as readonly string[]).includes(key)) {
      problems.push(`officeHours: unknown weekday "${key}" (expected one of ${WEEKDAYS_BY_INDEX.join(', ')})`);
    }
  }
  for (const weekday of WEEKDAYS_BY_INDEX) {
    if (!(weekday in value)) problems.push(`officeHours.${weekday} is missing (use [] for a closed day)`);
    else problems.push(...periodProblems(`officeHours.${weekday}`, value[weekday]));
  }
  return problems;
}

function daySwapProblems(value: unknown): string[] {
  if (!Array.isArray(value)) return ['daySwaps must be a list (possibly empty)'];
  const problems: string[] = [];
  const seen = new Map<string, number>();
  value.forEach((entry, index) => {
    const where = `daySwaps[${index}]`;
    if (!isRecord(entry)) {
      problems.push(`${where} must be an object like { "date": "2025-05-02", "kind": "off" }`);
      return;
    }
    const { date, kind, reason, hours } = entry;
    if (typeof date !== 'string' || parseIsoDate(date) === null) {
      problems.push(`${where}.date ${JSON.stringify(date)} is not a date of the form YYYY-MM-DD`);
    } else {
      const previous = seen.get(date);
      if (previous !== undefined) problems.push(`${where}: ${date} is already listed at daySwaps[${previous}]`);
      else seen.set(date, index);
    }
    if (kind !== 'off' && kind !== 'work') problems.push(`${where}.kind ${JSON.stringify(kind)} must be "off" or "work"`);
    if (reason !== undefined && typeof reason !== 'string') problems.push(`${where}.reason must be text`);
    if (hours !== undefined) {
      if (kind === 'off') problems.push(`${where}: office hours make no sense on a day off`);
      problems.push(...periodProblems(`${where}.hours`, hours));
      if (Array.isArray(hours) && hours.length === 0) {
        problems.push(`${where}.hours is empty: a working day needs at least one period (use kind "off" instead)`);
      }
    }
  });
  return problems;
}

/** Human-readable problems of a calendar definition; empty when it is valid. */
export function validateCalendarDefinition(x: unknown): string[] {
  if (!isRecord(x)) return ['a calendar definition must be an object'];
  const problems: string[] = [];
  if (typeof x.id !== 'string' || x.id.trim() === '') problems.push('id must be a non-empty text');
  if (typeof x.name !== 'string') problems.push('name must be text');
  if (typeof x.timeZone !== 'string' || !isKnownTimeZone(x.timeZone)) {
    problems.push(`timeZone ${JSON.stringify(x.timeZone)} is not an IANA time zone (e.g. "Asia/Ho_Chi_Minh")`);
  }
  problems.push(...officeHoursProblems(x.officeHours));
  if (x.cutoff !== null && (typeof x.cutoff !== 'string' || parseClockTime(x.cutoff) === null)) {
    problems.push(`cutoff ${JSON.stringify(x.cutoff)} must be a time "HH:MM" or null`);
  }
  if (typeof x.publicHolidays !== 'boolean') problems.push('publicHolidays must be true or false');
  if (x.holidays !== undefined) problems.push(...holidayRuleProblems(x.holidays));
  problems.push(...daySwapProblems(x.daySwaps));
  return problems;
}
