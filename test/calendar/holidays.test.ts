import {
  compileCalendar,
  DEFAULT_CALENDAR,
  HCMC_WARD_CALENDAR,
  holidaysOfYear,
  isWorkingDay,
  type CalendarDefinition,
} from '../../engine/calendar/index.js';

const hanoi = compileCalendar(DEFAULT_CALENDAR);
const hcmc = compileCalendar(HCMC_WARD_CALENDAR);

function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    dates.push(new Date(t).toISOString().slice(0, 10));
  }
  return dates;
}

describe('official schedule 2024-2026', () => {
  it.each([
    ['Tết 2024', '2024-02-08', '2024-02-14', '2024-02-07', '2024-02-15'],
    ['Tết 2025', '2025-01-25', '2025-02-02', '2025-01-24', '2025-02-03'],
    ['Tết 2026', '2026-02-14', '2026-02-22', '2026-02-13', '2026-02-23'],
    ['National Day 2024', '2024-08-31', '2024-09-03', '2024-08-30', '2024-09-04'],
    ['National Day 2025', '2025-08-30', '2025-09-02', '2025-08-29', '2025-09-03'],
    ['National Day 2026', '2026-08-29', '2026-09-02', '2026-08-28', '2026-09-03'],
    ['30/4-1/5 2024', '2024-04-27', '2024-05-01', '2024-04-26', '2024-05-02'],
    ['30/4-1/5 2025', '2025-04-30', '2025-05-04', '2025-04-29', '2025-05-05'],
  ])('%s: every day %s..%s is off, the days around are working', (_name, first, last, before, after) => {
    for (const date of datesBetween(first, last)) expect([date, isWorkingDay(date, hanoi)]).toEqual([date, false]);
    expect(isWorkingDay(before, hanoi)).toBe(true);
    expect(isWorkingDay(after, hanoi)).toBe(true);
  });

  it("closes Hùng Kings' day, compensated on Monday 27 Apr 2026", () => {
    expect(isWorkingDay('2024-04-18', hanoi)).toBe(false);
    expect(isWorkingDay('2025-04-07', hanoi)).toBe(false);
    expect(isWorkingDay('2026-04-27', hanoi)).toBe(false);
    expect(isWorkingDay('2026-04-24', hanoi)).toBe(true);
    expect(isWorkingDay('2026-04-28', hanoi)).toBe(true);
  });

  it('applies the announced swaps (make-up Saturdays are working days)', () => {
    expect(isWorkingDay('2025-04-26', hanoi)).toBe(true);
    expect(isWorkingDay('2025-05-02', hanoi)).toBe(false);
    expect(isWorkingDay('2024-05-04', hanoi)).toBe(true);
    expect(isWorkingDay('2024-04-29', hanoi)).toBe(false);
    expect(isWorkingDay('2026-01-02', hanoi)).toBe(false);
    expect(isWorkingDay('2026-01-10', hanoi)).toBe(true);
    expect(isWorkingDay('2026-08-22', hanoi)).toBe(true);
    expect(isWorkingDay('2026-08-31', hanoi)).toBe(false);
  });

  it('lists the weekday holidays of 2025', () => {
    expect(holidaysOfYear(2025, hanoi).map((h) => h.date)).toEqual([
      '2025-01-01',
      '2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31',
      '2025-04-07',
      '2025-04-30', '2025-05-01', '2025-05-02',
      '2025-09-01', '2025-09-02',
    ]);
    expect(holidaysOfYear(2025, hanoi).every((h) => h.name.length > 0)).toBe(true);
  });
});

describe('statutory rules for years without an official table', () => {
  it.each([2024, 2025, 2026, 2027, 2028, 2029, 2030])('1/1, 30/4, 1/5 and 2/9 of %i are never working days', (year) => {
    for (const date of ['01-01', '04-30', '05-01', '09-02']) expect(isWorkingDay(`${year}-${date}`, hanoi)).toBe(false);
  });

  it('computes 2027: Tết on Saturday 6 Feb, weekend Tết days and 1/5 compensated, Culture Day on Wednesday 24 Nov', () => {
    expect(holidaysOfYear(2027, hanoi)).toEqual([
      { date: '2027-01-01', name: 'Tết Dương lịch' },
      { date: '2027-02-05', name: 'Tết Nguyên Đán' },
      { date: '2027-02-08', name: 'Tết Nguyên Đán' },
      { date: '2027-02-09', name: 'Tết Nguyên Đán' },
      { date: '2027-02-10', name: 'Nghỉ bù Tết Nguyên Đán' },
      { date: '2027-02-11', name: 'Nghỉ bù Tết Nguyên Đán' },
      { date: '2027-04-16', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
      { date: '2027-04-30', name: 'Ngày Chiến thắng (30/4)' },
      { date: '2027-05-03', name: 'Nghỉ bù Ngày Quốc tế Lao động (1/5)' },
      { date: '2027-09-01', name: 'Quốc khánh (ngày liền kề)' },
      { date: '2027-09-02', name: 'Quốc khánh (2/9)' },
      { date: '2027-11-24', name: 'Ngày Văn hóa Việt Nam (24/11)' },
    ]);
    expect(isWorkingDay('2027-02-04', hanoi)).toBe(true);
    expect(isWorkingDay('2027-02-12', hanoi)).toBe(true);
  });

  it('compensates consecutive weekend holidays on consecutive working days (2028: 30/4 Sunday, 2/9 Saturday)', () => {
    const dates = holidaysOfYear(2028, hanoi).map((h) => h.date);
    expect(dates).toEqual(expect.arrayContaining(['2028-01-03', '2028-05-01', '2028-05-02', '2028-09-01', '2028-09-04']));
    expect(isWorkingDay('2028-05-03', hanoi)).toBe(true);
  });

  it('gives the computed 2024 Tết (9-15 Feb) when no official table is loaded, and the table wins when it is', () => {
    const rulesOnly = compileCalendar({ ...DEFAULT_CALENDAR, id: 'rules-only', daySwaps: [] });
    expect(isWorkingDay('2024-02-08', rulesOnly)).toBe(true);
    expect(isWorkingDay('2024-02-15', rulesOnly)).toBe(false);
    expect(isWorkingDay('2024-02-08', hanoi)).toBe(false);
    expect(isWorkingDay('2024-02-15', hanoi)).toBe(true);
  });

  it('lets a "work" entry reopen a day a rule closes', () => {
    const def: CalendarDefinition = {
      ...DEFAULT_CALENDAR,
      id: 'exception',
      daySwaps: [{ date: '2027-04-30', kind: 'work', reason: 'test', hours: ['08:00-11:00'] }],
    };
    const cal = compileCalendar(def);
    expect(isWorkingDay('2027-04-30', cal)).toBe(true);
    expect(holidaysOfYear(2027, cal).map((h) => h.date)).not.toContain('2027-04-30');
  });

  it('ignores statutory holidays when publicHolidays is off, but still applies the table', () => {
    const cal = compileCalendar({ ...DEFAULT_CALENDAR, id: 'no-holidays', publicHolidays: false });
    expect(isWorkingDay('2027-04-30', cal)).toBe(true);
    expect(isWorkingDay('2025-05-02', cal)).toBe(false);
  });
});

describe('Saturday-morning receiving points (HCMC wards)', () => {
  it('work on ordinary Saturdays but not during holiday breaks', () => {
    expect(isWorkingDay('2025-03-08', hcmc)).toBe(true);
    expect(isWorkingDay('2025-03-09', hcmc)).toBe(false);
    expect(isWorkingDay('2025-01-25', hcmc)).toBe(false);
    expect(holidaysOfYear(2025, hcmc).map((h) => h.date)).toEqual(expect.arrayContaining(['2025-01-25', '2025-02-01', '2025-05-03']));
    expect(holidaysOfYear(2025, hanoi).map((h) => h.date)).not.toContain('2025-01-25');
  });
});

describe('isWorkingDay input', () => {
  it('rejects malformed dates', () => {
    expect(() => isWorkingDay('2025-02-30', hanoi)).toThrow(RangeError);
    expect(() => isWorkingDay('25/01/2025', hanoi)).toThrow(RangeError);
  });
});
