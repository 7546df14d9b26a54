// Civil (proleptic Gregorian) dates as plain day numbers.
//
// The calendar reasons in whole local days far more often than in instants, so
// a date is an integer: days since 1970-01-01. Integers make "the next day",
// "same day?" and map keys trivial and allocation-free.

export const DAY_MS = 86_400_000;
export const MINUTE_MS = 60_000;

/** Julian Day Number of 1970-01-01 (the JDN labels the day, noon to noon). */
const JDN_OF_DAY_ZERO = 2_440_588;

export interface CivilDate {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
}

// Day numbers are computed arithmetically rather than through Date.UTC,
// which silently maps years 0-99 onto 1900-1999.
export function dayNumberOf(year: number, month: number, day: number): number {
  // Counting years from March puts the leap day at the end of the year.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

export function civilDateOf(dayNumber: number): CivilDate {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

export function julianDayNumberOf(dayNumber: number): number {
  return dayNumber + JDN_OF_DAY_ZERO;
}

export function dayNumberOfJulianDay(jdn: number): number {
  return jdn - JDN_OF_DAY_ZERO;
}

/** 0 = Sunday … 6 = Saturday, like Date#getDay. */
export function weekdayOf(dayNumber: number): number {
  // 1970-01-01 was a Thursday.
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export function isValidCivilDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return dayNumberOf(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - dayNumberOf(year, month, 1);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a local "YYYY-MM-DD", or null when it is not a real date. */
export function parseIsoDate(text: string): number | null {
  const match = typeof text === 'string' ? ISO_DATE.exec(text) : null;
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return isValidCivilDate(year, month, day) ? dayNumberOf(year, month, day) : null;
}

export function formatIsoDate(dayNumber: number): string {
  const { year, month, day } = civilDateOf(dayNumber);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
