// The Vietnamese lunisolar calendar (âm lịch).
//
// Since 1967 Vietnam computes its lunar calendar for the meridian of UTC+7,
// while China uses UTC+8. The rules are otherwise the same, yet a new moon or
// a solar term close to midnight can land on different days, which moves a
// month start and occasionally Tết itself (1985: Vietnam 21 Jan, China 20 Feb).
// Hence the calendar is computed, not borrowed from a Chinese table.
//
// Rules: a month starts on the local day of a new moon; month 11 is the month
// containing the winter solstice; when 13 months separate two months 11, the
// first of them that contains no major solar term (sun longitude crossing a
// multiple of 30°) is a leap month and repeats the number of the month before.

import { SYNODIC_MONTH, LUNATION_ZERO_JDE, newMoonJde, sunApparentLongitude, terrestrialToUniversal, universalToTerrestrial } from './astronomy.js';
import { dayNumberOf, civilDateOf, julianDayNumberOf, dayNumberOfJulianDay, isValidCivilDate } from './civilDate.js';

const VIETNAM_UTC_OFFSET_DAYS = 7 / 24;

export interface LunarDate {
  day: number;
  month: number;
  year: number;
  leap: boolean;
}

export interface SolarDate {
  year: number;
  month: number;
  day: number;
}

interface LunarMonth {
  start: number; // Julian Day Number of day 1
  length: number; // 29 or 30
  month: number; // 1-12
  leap: boolean;
  year: number; // lunar year, named after the Gregorian year its Tết falls in
}

/** Local (UTC+7) Julian Day Number of the day on which lunation k begins. */
function newMoonDay(k: number): number {
  const jdUniversal = terrestrialToUniversal(newMoonJde(k));
  return Math.floor(jdUniversal + 0.5 + VIETNAM_UTC_OFFSET_DAYS);
}

/** Which 30° sector the sun is in at local midnight starting the given day. */
function sunSectorAtStartOf(jdn: number): number {
  const jdUniversal = jdn - 0.5 - VIETNAM_UTC_OFFSET_DAYS;
  return Math.floor(sunApparentLongitude(universalToTerrestrial(jdUniversal)) / 30);
}

interface Lunation {
  k: number;
  day: number;
}

/** Start of month 11: the lunation in progress at the winter solstice of a Gregorian year. */
function month11Of(gregorianYear: number): Lunation {
  const lastDay = julianDayNumberOf(dayNumberOf(gregorianYear, 12, 31));
  let k = Math.floor((lastDay - LUNATION_ZERO_JDE) / SYNODIC_MONTH) + 1;
  let day = newMoonDay(k);
  // Sector 9 starts at longitude 270°, the solstice: step back to the month that began before it.
  while (day > lastDay || sunSectorAtStartOf(day) >= 9) {
    k -= 1;
    day = newMoonDay(k);
  }
  return { k, day };
}

const monthsCache = new Map<number, readonly LunarMonth[]>();

/**
 * The months from month 11 of lunar year Y-1 up to (excluding) month 11 of
 * lunar year Y. Memoised: the result depends on Y only.
 */
function monthsBetweenSolstices(year: number): readonly LunarMonth[] {
  const cached = monthsCache.get(year);
  if (cached) return cached;

  const from = month11Of(year - 1);
  const to = month11Of(year);
  const count = to.k - from.k;
  const starts: number[] = [];
  for (let i = 0; i <= count; i++) starts.push(i === 0 ? from.day : i === count ? to.day : newMoonDay(from.k + i));

  let leapIndex = -1;
  if (count === 13) {
    for (let i = 1; i < count; i++) {
      if (sunSectorAtStartOf(starts[i]) === sunSectorAtStartOf(starts[i + 1])) {
        leapIndex = i;
        break;
      }
    }
  }

  const months: LunarMonth[] = [];
  let reachedNewYear = false;
  for (let i = 0; i < count; i++) {
    const ordinal = i - (leapIndex !== -1 && i >= leapIndex ? 1 : 0);
    const month = ((10 + ordinal) % 12) + 1;
    const leap = i === leapIndex;
    if (month === 1 && !leap) reachedNewYear = true;
    months.push({
      start: starts[i],
      length: starts[i + 1] - starts[i],
      month,
      leap,
      year: reachedNewYear ? year : year - 1,
    });
  }
  monthsCache.set(year, months);
  return months;
}

function assertSupportedYear(year: number): void {
  // The ΔT fits and truncated series are only trustworthy over a few centuries.
  if (!Number.isInteger(year) || year < 1800 || year > 2199) {
    throw new RangeError(`lunar calendar: year ${year} is outside the supported range 1800-2199`);
  }
}

/** Vietnamese lunar date of a Gregorian date. */
export function solarToLunar(year: number, month: number, day: number): LunarDate {
  if (!isValidCivilDate(year, month, day)) throw new RangeError(`solarToLunar: ${year}-${month}-${day} is not a date`);
  assertSupportedYear(year);
  const jdn = julianDayNumberOf(dayNumberOf(year, month, day));
  // Dates after this year's month 11 begins belong to the span ending next year.
  const spanYear = jdn >= month11Of(year).day ? year + 1 : year;
  const months = monthsBetweenSolstices(spanYear);
  for (let i = months.length - 1; i >= 0; i--) {
    const m = months[i];
    if (jdn >= m.start) return { day: jdn - m.start + 1, month: m.month, year: m.year, leap: m.leap };
  }
  throw new Error(`solarToLunar: no lunar month found for ${year}-${month}-${day}`);
}

/** Gregorian date of a Vietnamese lunar date; throws when that lunar date does not exist. */
export function lunarToSolar(lunarDay: number, lunarMonth: number, lunarYear: number, leap = false): SolarDate {
  if (!Number.isInteger(lunarDay) || !Number.isInteger(lunarMonth) || lunarMonth < 1 || lunarMonth > 12 || lunarDay < 1 || lunarDay > 30) {
    throw new RangeError(`lunarToSolar: ${lunarDay}/${lunarMonth} is not a lunar day/month`);
  }
  assertSupportedYear(lunarYear);
  // Months 11 and 12 of lunar year Y lie in the span that ends with month 11 of Y+1.
  const months = monthsBetweenSolstices(lunarMonth >= 11 ? lunarYear + 1 : lunarYear);
  const found = months.find((m) => m.month === lunarMonth && m.leap === leap && m.year === lunarYear);
  if (!found) {
    throw new RangeError(`lunarToSolar: lunar year ${lunarYear} has no ${leap ? 'leap ' : ''}month ${lunarMonth}`);
  }
  if (lunarDay > found.length) {
    throw new RangeError(`lunarToSolar: ${leap ? 'leap ' : ''}month ${lunarMonth} of lunar year ${lunarYear} has ${found.length} days`);
  }
  return civilDateOf(dayNumberOfJulianDay(found.start + lunarDay - 1));
}
