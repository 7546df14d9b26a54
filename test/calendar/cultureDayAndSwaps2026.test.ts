// Vietnam Culture Day (24/11, a paid holiday from 1 July 2026) and the 2026
// day swaps decided by the Government, seen as a citizen sees them: the
// promised return date of a dossier received around those days.
import {
  compileCalendar,
  DEFAULT_CALENDAR,
  dueAt,
  holidaysOfYear,
  isWorkingDay,
  receptionStart,
  VN_HOLIDAY_RULES,
} from '../../engine/calendar/index.js';

const hanoi = compileCalendar(DEFAULT_CALENDAR);
const WORKING_DAY_MS = 8 * 3_600_000;

/** A local Hanoi time (UTC+7) as an instant. */
const local = (isoLocal: string) => new Date(`${isoLocal}+07:00`);
/** Promised return of a dossier received at `receivedLocal` with `days` working days. */
function promised(receivedLocal: string, days: number, cal = hanoi): string {
  const start = receptionStart(local(receivedLocal), cal);
  const due = dueAt(start, days * WORKING_DAY_MS, 'working', cal);
  return new Date(due.getTime() + 7 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

describe('Vietnam Culture Day, 24/11', () => {
  it('is a day off from 2026 on, and a working day before the law took effect', () => {
    expect(isWorkingDay('2025-11-24', hanoi)).toBe(true); // a Monday, before 1 July 2026
    expect(isWorkingDay('2026-11-24', hanoi)).toBe(false); // a Tuesday
    expect(isWorkingDay('2026-11-23', hanoi)).toBe(true);
    expect(isWorkingDay('2026-11-25', hanoi)).toBe(true);
    expect(isWorkingDay('2027-11-24', hanoi)).toBe(false);
    expect(holidaysOfYear(2026, hanoi)).toContainEqual({ date: '2026-11-24', name: 'Ngày Văn hóa Việt Nam (24/11)' });
    expect(holidaysOfYear(2025, hanoi).map((h) => h.date)).not.toContain('2025-11-24');
  });

  it('is compensated on the next Monday when it falls on a Saturday (2029)', () => {
    expect(isWorkingDay('2029-11-26', hanoi)).toBe(false);
    expect(isWorkingDay('2029-11-27', hanoi)).toBe(true);
  });

  it.each([
    ['Mon 23/11 10:00, 1 working day', '2026-11-23T10:00', 1, '2026-11-25 10:00'],
    ['Mon 23/11 16:00 (after the cut-off), 1 working day', '2026-11-23T16:00', 1, '2026-11-25 17:00'],
    ['Fri 20/11 09:00, 3 working days', '2026-11-20T09:00', 3, '2026-11-26 09:00'],
    ['Thu 19/11 08:00, 5 working days', '2026-11-19T08:00', 5, '2026-11-26 17:00'],
  ])('a dossier received %s is promised for %s', (_what, received, days, expected) => {
    expect(promised(received, days)).toBe(expected);
  });

  it('no promised date falls on 24/11/2026, and without the record it would be one working day early', () => {
    const withoutCultureDay = compileCalendar({
      ...DEFAULT_CALENDAR,
      id: 'before-the-amendment',
      holidays: VN_HOLIDAY_RULES.filter((h) => h.id !== 'culture-day'),
    });
    for (const day of ['16', '17', '18', '19', '20', '23']) {
      for (const days of [1, 2, 3, 5]) {
        const due = promised(`2026-11-${day}T09:00`, days);
        expect(due.slice(0, 10)).not.toBe('2026-11-24');
      }
    }
    expect(promised('2026-11-23T10:00', 1, withoutCultureDay)).toBe('2026-11-24 10:00');
    expect(promised('2026-11-23T10:00', 1)).toBe('2026-11-25 10:00');
  });
});

describe('the 2026 day swaps', () => {
  it.each([
    ['New Year: Fri 2/1 off, worked on Sat 10/1', '2025-12-31T14:00', 1, '2026-01-05 14:00'],
    ['Sat 10/1 is a working day', '2026-01-09T14:00', 1, '2026-01-10 14:00'],
    ['Hùng Kings on Sunday 26/4: Mon 27/4 off in lieu', '2026-04-24T14:00', 1, '2026-04-28 14:00'],
    ['Sat 22/8 is a working day', '2026-08-21T14:00', 1, '2026-08-22 14:00'],
    ['National Day: 29/8 to 2/9 off, Mon 31/8 swapped', '2026-08-28T14:00', 1, '2026-09-03 14:00'],
    ['a dossier received on the make-up Saturday 22/8 starts its clock that day', '2026-08-22T09:00', 1, '2026-08-24 09:00'],
  ])('%s', (_what, received, days, expected) => {
    expect(promised(received, days)).toBe(expected);
  });

  it('lists Mon 27/4, Fri 2/1 and Mon 31/8 among the 2026 weekday days off, and the two Saturdays as working days', () => {
    const dates = holidaysOfYear(2026, hanoi).map((h) => h.date);
    expect(dates).toEqual(expect.arrayContaining(['2026-01-02', '2026-04-27', '2026-08-31', '2026-11-24']));
    expect(isWorkingDay('2026-01-10', hanoi)).toBe(true);
    expect(isWorkingDay('2026-08-22', hanoi)).toBe(true);
    expect(isWorkingDay('2026-01-17', hanoi)).toBe(false);
  });
});
