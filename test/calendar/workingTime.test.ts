import {
  addWorkingTime,
  compileCalendar,
  DEFAULT_CALENDAR,
  dueAt,
  HCMC_WARD_CALENDAR,
  isWorkingTime,
  nextWorkingStart,
  receptionStart,
  workingTimeBetween,
  type CalendarDefinition,
} from '../../engine/calendar/index.js';

const HOUR = 3_600_000;
const WORKING_DAY = 8 * HOUR;
/** A wall-clock time in Vietnam. */
const vn = (local: string) => new Date(`${local}+07:00`);

const hanoi = compileCalendar(DEFAULT_CALENDAR);
const hcmc = compileCalendar(HCMC_WARD_CALENDAR);

describe('reception cut-off', () => {
  it('starts a dossier received at 15:30 on the Friday before Tết 2025 on Monday 3 Feb 08:00, due 17:00 for P1D', () => {
    const start = receptionStart(vn('2025-01-24T15:30:00'), hanoi);
    expect(start).toEqual(vn('2025-02-03T08:00:00'));
    expect(addWorkingTime(start, WORKING_DAY, hanoi)).toEqual(vn('2025-02-03T17:00:00'));
  });

  it('keeps receptions up to the cut-off itself', () => {
    expect(receptionStart(vn('2025-01-24T14:59:00'), hanoi)).toEqual(vn('2025-01-24T14:59:00'));
    expect(receptionStart(vn('2025-01-24T15:00:00'), hanoi)).toEqual(vn('2025-01-24T15:00:00'));
    expect(receptionStart(vn('2025-01-24T15:00:00.001'), hanoi)).toEqual(vn('2025-02-03T08:00:00'));
  });

  it('moves receptions outside office hours to the next working period', () => {
    expect(receptionStart(vn('2025-03-04T07:10:00'), hanoi)).toEqual(vn('2025-03-04T08:00:00'));
    expect(receptionStart(vn('2025-03-04T12:30:00'), hanoi)).toEqual(vn('2025-03-04T13:00:00'));
    expect(receptionStart(vn('2025-03-08T09:00:00'), hanoi)).toEqual(vn('2025-03-10T08:00:00'));
    expect(receptionStart(vn('2025-03-07T23:59:00'), hanoi)).toEqual(vn('2025-03-10T08:00:00'));
  });

  it('is optional', () => {
    const noCutoff = compileCalendar({ ...DEFAULT_CALENDAR, id: 'no-cutoff', cutoff: null });
    expect(receptionStart(vn('2025-03-04T15:30:00'), noCutoff)).toEqual(vn('2025-03-04T15:30:00'));
  });

  it('lets a Saturday-morning point receive until it closes', () => {
    expect(receptionStart(vn('2025-03-08T11:00:00'), hcmc)).toEqual(vn('2025-03-08T11:00:00'));
    expect(receptionStart(vn('2025-03-08T11:45:00'), hcmc)).toEqual(vn('2025-03-10T07:30:00'));
    expect(receptionStart(vn('2025-03-07T16:00:00'), hcmc)).toEqual(vn('2025-03-08T07:30:00'));
  });
});

describe('addWorkingTime', () => {
  it('skips the lunch break: Tuesday 10:00 + 8h is Wednesday 10:00', () => {
    expect(addWorkingTime(vn('2025-03-04T10:00:00'), WORKING_DAY, hanoi)).toEqual(vn('2025-03-05T10:00:00'));
    expect(addWorkingTime(vn('2025-03-04T10:00:00'), 2.5 * HOUR, hanoi)).toEqual(vn('2025-03-04T13:30:00'));
  });

  it('ends at the end of a period, not at the start of the next one', () => {
    expect(addWorkingTime(vn('2025-03-03T08:00:00'), WORKING_DAY, hanoi)).toEqual(vn('2025-03-03T17:00:00'));
    expect(addWorkingTime(vn('2025-03-03T08:00:00'), 4 * HOUR, hanoi)).toEqual(vn('2025-03-03T12:00:00'));
    expect(addWorkingTime(vn('2025-03-07T13:00:00'), 4 * HOUR, hanoi)).toEqual(vn('2025-03-07T17:00:00'));
  });

  it('counts from the next working period when started outside office hours', () => {
    expect(addWorkingTime(vn('2025-03-08T10:00:00'), HOUR, hanoi)).toEqual(vn('2025-03-10T09:00:00'));
    expect(addWorkingTime(vn('2025-03-04T18:00:00'), HOUR, hanoi)).toEqual(vn('2025-03-05T09:00:00'));
  });

  it('skips holidays and honours make-up Saturdays', () => {
    // Fri 25 Apr 2025 16:00 + 2h: 1h on Friday, 1h on the make-up Saturday 26 Apr.
    expect(addWorkingTime(vn('2025-04-25T16:00:00'), 2 * HOUR, hanoi)).toEqual(vn('2025-04-26T09:00:00'));
    // Tue 29 Apr 2025 09:00 + 1 working day: 30/4-4/5 is off.
    expect(addWorkingTime(vn('2025-04-29T09:00:00'), WORKING_DAY, hanoi)).toEqual(vn('2025-05-05T09:00:00'));
  });

  it('gives the usual 15-working-day deadline across Tết 2026', () => {
    // 15 working days from Mon 9 Feb 08:00: 9-13 Feb (5), 23 Feb-6 Mar (10).
    expect(addWorkingTime(vn('2026-02-09T08:00:00'), 15 * WORKING_DAY, hanoi)).toEqual(vn('2026-03-06T17:00:00'));
  });

  it('returns the start itself for a zero duration and rejects bad input', () => {
    expect(addWorkingTime(vn('2025-03-08T10:00:00'), 0, hanoi)).toEqual(vn('2025-03-08T10:00:00'));
    expect(() => addWorkingTime(vn('2025-03-08T10:00:00'), -1, hanoi)).toThrow(RangeError);
    expect(() => addWorkingTime(new Date(Number.NaN), HOUR, hanoi)).toThrow(RangeError);
  });

  it('refuses, rather than loops, on a calendar without any working time', () => {
    const closed: CalendarDefinition = {
      ...DEFAULT_CALENDAR,
      id: 'closed',
      officeHours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
      daySwaps: [],
    };
    const cal = compileCalendar(closed);
    expect(() => addWorkingTime(vn('2025-03-03T08:00:00'), HOUR, cal)).toThrow(/no working time/);
    expect(() => nextWorkingStart(vn('2025-03-03T08:00:00'), cal)).toThrow(/no working time/);
  });
});

describe('Saturday-morning calendar (HCMC wards)', () => {
  it('works Saturday 07:30-11:30 only', () => {
    expect(isWorkingTime(vn('2025-03-08T07:30:00'), hcmc)).toBe(true);
    expect(isWorkingTime(vn('2025-03-08T11:29:59'), hcmc)).toBe(true);
    expect(isWorkingTime(vn('2025-03-08T11:30:00'), hcmc)).toBe(false);
    expect(isWorkingTime(vn('2025-03-08T13:30:00'), hcmc)).toBe(false);
    expect(isWorkingTime(vn('2025-03-08T09:00:00'), hanoi)).toBe(false);
  });

  it('counts Saturday morning as 4 working hours', () => {
    // Fri 16:00 + 8h: 1h Friday, 4h Saturday morning, 3h Monday from 07:30.
    expect(addWorkingTime(vn('2025-03-07T16:00:00'), WORKING_DAY, hcmc)).toEqual(vn('2025-03-10T10:30:00'));
    expect(workingTimeBetween(vn('2025-03-07T00:00:00'), vn('2025-03-10T00:00:00'), hcmc)).toBe(12 * HOUR);
  });
});

describe('isWorkingTime / nextWorkingStart', () => {
  it('treats periods as [start, end)', () => {
    expect(isWorkingTime(vn('2025-03-04T08:00:00'), hanoi)).toBe(true);
    expect(isWorkingTime(vn('2025-03-04T12:00:00'), hanoi)).toBe(false);
    expect(isWorkingTime(vn('2025-03-04T16:59:59.999'), hanoi)).toBe(true);
    expect(isWorkingTime(vn('2025-03-04T17:00:00'), hanoi)).toBe(false);
    expect(isWorkingTime(vn('2025-01-29T10:00:00'), hanoi)).toBe(false);
  });

  it('returns t itself inside a period, else the next start', () => {
    expect(nextWorkingStart(vn('2025-03-04T10:15:00'), hanoi)).toEqual(vn('2025-03-04T10:15:00'));
    expect(nextWorkingStart(vn('2025-03-04T12:00:00'), hanoi)).toEqual(vn('2025-03-04T13:00:00'));
    expect(nextWorkingStart(vn('2025-01-24T17:00:00'), hanoi)).toEqual(vn('2025-02-03T08:00:00'));
  });
});

describe('workingTimeBetween', () => {
  it('measures working time in [a, b), negative when reversed', () => {
    expect(workingTimeBetween(vn('2025-03-03T08:00:00'), vn('2025-03-04T08:00:00'), hanoi)).toBe(WORKING_DAY);
    expect(workingTimeBetween(vn('2025-03-04T08:00:00'), vn('2025-03-03T08:00:00'), hanoi)).toBe(-WORKING_DAY);
    expect(workingTimeBetween(vn('2025-03-03T11:00:00'), vn('2025-03-03T14:00:00'), hanoi)).toBe(2 * HOUR);
    expect(workingTimeBetween(vn('2025-01-24T17:00:00'), vn('2025-02-03T08:00:00'), hanoi)).toBe(0);
    // A year of the official 2025 schedule: 250 working days.
    expect(workingTimeBetween(vn('2025-01-01T00:00:00'), vn('2026-01-01T00:00:00'), hanoi)).toBe(250 * WORKING_DAY);
  });
});

describe('dueAt', () => {
  it('uses the working clock or plain elapsed time', () => {
    const start = vn('2025-03-07T16:00:00');
    expect(dueAt(start, WORKING_DAY, 'working', hanoi)).toEqual(vn('2025-03-10T16:00:00'));
    expect(dueAt(start, 24 * HOUR, 'calendar', hanoi)).toEqual(vn('2025-03-08T16:00:00'));
  });
});

describe('other time zones', () => {
  const paris = compileCalendar({ ...DEFAULT_CALENDAR, id: 'paris', timeZone: 'Europe/Paris', publicHolidays: false, daySwaps: [] });

  it('follows daylight saving time through Intl', () => {
    // Fri 28 Mar 2025 16:00 CET + 8h: 1h Friday, 7h on Monday 31 Mar (CEST) until 16:00 local.
    const start = new Date('2025-03-28T15:00:00Z');
    const due = addWorkingTime(start, WORKING_DAY, paris);
    expect(due).toEqual(new Date('2025-03-31T14:00:00Z'));
    expect(workingTimeBetween(start, due, paris)).toBe(WORKING_DAY);
    expect(isWorkingTime(new Date('2025-03-31T06:00:00Z'), paris)).toBe(true); // 08:00 CEST
    expect(isWorkingTime(new Date('2025-03-31T05:59:00Z'), paris)).toBe(false);
  });
});

describe('compileCalendar', () => {
  it('refuses an invalid definition, listing the problems', () => {
    expect(() => compileCalendar({ ...DEFAULT_CALENDAR, cutoff: '3pm' })).toThrow(/cutoff/);
  });

  it('is not affected by later edits of the definition object', () => {
    const def: CalendarDefinition = structuredClone(DEFAULT_CALENDAR);
    const cal = compileCalendar(def);
    def.officeHours.mon = ['00:00-24:00'];
    expect(isWorkingTime(vn('2025-03-03T20:00:00'), cal)).toBe(false);
  });
});
