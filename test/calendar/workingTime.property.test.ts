import fc from 'fast-check';
import {
  addWorkingTime,
  compileCalendar,
  DEFAULT_CALENDAR,
  HCMC_WARD_CALENDAR,
  isWorkingDay,
  isWorkingTime,
  nextWorkingStart,
  receptionStart,
  workingTimeBetween,
} from '../../engine/calendar/index.js';

const MINUTE = 60_000;
const VN_OFFSET = 7 * 60 * MINUTE;
const WORKING_DAY_MINUTES = 8 * 60;
const RUNS = { numRuns: 300 };

const calendars = [
  ['Hanoi', compileCalendar(DEFAULT_CALENDAR)],
  ['HCMC ward', compileCalendar(HCMC_WARD_CALENDAR)],
] as const;

// Instants 2024-2027 at minute granularity (plus, separately, arbitrary milliseconds).
const FROM = Date.parse('2024-01-01T00:00:00+07:00');
const TO = Date.parse('2028-01-01T00:00:00+07:00');
const startMinute = fc.integer({ min: FROM / MINUTE, max: TO / MINUTE - 1 }).map((m) => new Date(m * MINUTE));
const anyInstant = fc.integer({ min: FROM, max: TO - 1 }).map((ms) => new Date(ms));
const duration = fc.integer({ min: 0, max: 40 * WORKING_DAY_MINUTES }).map((m) => m * MINUTE);

const localDateOf = (t: Date) => new Date(t.getTime() + VN_OFFSET).toISOString().slice(0, 10);

describe.each(calendars)('working-time properties (%s)', (_name, cal) => {
  it('workingTimeBetween inverts addWorkingTime', () => {
    fc.assert(
      fc.property(fc.oneof(startMinute, anyInstant), duration, (s, d) => {
        const due = addWorkingTime(s, d, cal);
        expect(workingTimeBetween(s, due, cal)).toBe(d);
        expect(workingTimeBetween(nextWorkingStart(s, cal), due, cal)).toBe(d);
      }),
      RUNS,
    );
  });

  it('never ends in non-working time, except exactly at the end of a period', () => {
    fc.assert(
      fc.property(startMinute, duration.filter((d) => d > 0), (s, d) => {
        const due = addWorkingTime(s, d, cal);
        const lastWorkingInstant = new Date(due.getTime() - 1);
        expect(isWorkingTime(lastWorkingInstant, cal)).toBe(true);
        expect(isWorkingDay(localDateOf(lastWorkingInstant), cal)).toBe(true);
        if (!isWorkingTime(due, cal)) expect(nextWorkingStart(due, cal).getTime()).toBeGreaterThan(due.getTime());
      }),
      RUNS,
    );
  });

  it('is monotonic in the start', () => {
    fc.assert(
      fc.property(startMinute, startMinute, duration, (a, b, d) => {
        const [s1, s2] = a <= b ? [a, b] : [b, a];
        expect(addWorkingTime(s1, d, cal).getTime()).toBeLessThanOrEqual(addWorkingTime(s2, d, cal).getTime());
      }),
      RUNS,
    );
  });

  it('is monotonic in the duration, and additive', () => {
    fc.assert(
      fc.property(startMinute, duration, duration, (s, x, y) => {
        const [d1, d2] = x <= y ? [x, y] : [y, x];
        const first = addWorkingTime(s, d1, cal);
        expect(first.getTime()).toBeLessThanOrEqual(addWorkingTime(s, d2, cal).getTime());
        if (d1 > 0) expect(addWorkingTime(first, d2 - d1, cal)).toEqual(addWorkingTime(s, d2, cal));
      }),
      RUNS,
    );
  });

  it('measures consistently: antisymmetric and additive over [a, b) and [b, c)', () => {
    fc.assert(
      fc.property(anyInstant, anyInstant, anyInstant, (a, b, c) => {
        expect(workingTimeBetween(a, b, cal)).toBe(0 - workingTimeBetween(b, a, cal));
        expect(workingTimeBetween(a, b, cal) + workingTimeBetween(b, c, cal)).toBe(workingTimeBetween(a, c, cal));
      }),
      RUNS,
    );
  });

  it('starts receptions in working time, never before the reception', () => {
    fc.assert(
      fc.property(anyInstant, (t) => {
        const start = receptionStart(t, cal);
        expect(isWorkingTime(start, cal)).toBe(true);
        expect(start.getTime()).toBeGreaterThanOrEqual(t.getTime());
        expect(start.getTime()).toBeGreaterThanOrEqual(nextWorkingStart(t, cal).getTime());
      }),
      RUNS,
    );
  });

  it('agrees with a minute-by-minute count for short durations', () => {
    fc.assert(
      fc.property(startMinute, fc.integer({ min: 1, max: 3 * WORKING_DAY_MINUTES }), (s, minutes) => {
        let t = s.getTime();
        for (let counted = 0; counted < minutes; t += MINUTE) {
          if (isWorkingTime(new Date(t), cal)) counted++;
        }
        expect(addWorkingTime(s, minutes * MINUTE, cal)).toEqual(new Date(t));
      }),
      { numRuns: 100 },
    );
  });
});

describe('Hanoi office hours, checked against their plain definition', () => {
  const hanoi = calendars[0][1];
  it('is working time exactly within 08:00-12:00 and 13:00-17:00 of a working day', () => {
    fc.assert(
      fc.property(anyInstant, (t) => {
        const local = new Date(t.getTime() + VN_OFFSET);
        const minuteOfDay = local.getUTCHours() * 60 + local.getUTCMinutes();
        const inHours = (minuteOfDay >= 480 && minuteOfDay < 720) || (minuteOfDay >= 780 && minuteOfDay < 1020);
        expect(isWorkingTime(t, hanoi)).toBe(inHours && isWorkingDay(localDateOf(t), hanoi));
      }),
      { numRuns: 1000 },
    );
  });
});
