import { DEFAULT_CALENDAR, HCMC_WARD_CALENDAR, validateCalendarDefinition, VN_OFFICIAL_DAY_SWAPS } from '../../engine/calendar/index.js';

const withChanges = (changes: Record<string, unknown>) => ({ ...structuredClone(DEFAULT_CALENDAR), ...changes });
const hours = (changes: Record<string, unknown>) => withChanges({ officeHours: { ...DEFAULT_CALENDAR.officeHours, ...changes } });

describe('validateCalendarDefinition', () => {
  it('accepts the shipped calendars and official table', () => {
    expect(validateCalendarDefinition(DEFAULT_CALENDAR)).toEqual([]);
    expect(validateCalendarDefinition(HCMC_WARD_CALENDAR)).toEqual([]);
    expect(VN_OFFICIAL_DAY_SWAPS.length).toBeGreaterThan(50);
  });

  it('ships the presets frozen, so nobody edits the shared default by accident', () => {
    expect(() => {
      (DEFAULT_CALENDAR.officeHours.mon as string[]).push('18:00-19:00');
    }).toThrow(TypeError);
    expect(Object.isFrozen(VN_OFFICIAL_DAY_SWAPS[0])).toBe(true);
  });

  it('rejects what is not a calendar at all', () => {
    expect(validateCalendarDefinition(null)).toEqual(['a calendar definition must be an object']);
    expect(validateCalendarDefinition([])).toHaveLength(1);
    expect(validateCalendarDefinition({}).length).toBeGreaterThan(5);
  });

  it.each([
    ['a time without minutes', hours({ mon: ['8-12'] }), /officeHours\.mon\[0\].*HH:MM-HH:MM/],
    ['an impossible hour', hours({ tue: ['08:00-25:00'] }), /officeHours\.tue\[0\]/],
    ['a period ending before it starts', hours({ wed: ['13:00-12:00'] }), /ends before it starts/],
    ['overlapping periods', hours({ thu: ['08:00-12:00', '11:00-17:00'] }), /overlap/],
    ['an unknown weekday', hours({ monday: ['08:00-12:00'] }), /unknown weekday "monday"/],
    ['a missing weekday', withChanges({ officeHours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [] } }), /officeHours\.sun is missing/],
    ['hours that are not a list', hours({ fri: '08:00-12:00' }), /officeHours\.fri must be a list/],
    ['a bad cut-off', withChanges({ cutoff: '15h' }), /cutoff/],
    ['an unknown time zone', withChanges({ timeZone: 'Asia/Hanoi_City' }), /timeZone/],
    ['an object key posing as a time zone', withChanges({ timeZone: 'toString' }), /timeZone/],
    ['a non-boolean holiday flag', withChanges({ publicHolidays: 'yes' }), /publicHolidays/],
    ['an empty id', withChanges({ id: '' }), /id/],
    ['a date that does not exist', withChanges({ daySwaps: [{ date: '2025-02-29', kind: 'off' }] }), /daySwaps\[0\]\.date/],
    ['a date in another format', withChanges({ daySwaps: [{ date: '02/05/2025', kind: 'off' }] }), /daySwaps\[0\]\.date/],
    ['an unknown kind', withChanges({ daySwaps: [{ date: '2025-05-02', kind: 'holiday' }] }), /daySwaps\[0\]\.kind/],
    ['a date listed twice', withChanges({ daySwaps: [{ date: '2025-05-02', kind: 'off' }, { date: '2025-05-02', kind: 'work' }] }), /already listed/],
    ['office hours on a day off', withChanges({ daySwaps: [{ date: '2025-05-02', kind: 'off', hours: ['08:00-12:00'] }] }), /day off/],
    ['bad hours on a make-up day', withChanges({ daySwaps: [{ date: '2025-04-26', kind: 'work', hours: ['8:00-12:00'] }] }), /daySwaps\[0\]\.hours\[0\]/],
    ['no daySwaps list', withChanges({ daySwaps: undefined }), /daySwaps must be a list/],
  ])('reports %s', (_what, definition, expected) => {
    const problems = validateCalendarDefinition(definition);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(expected);
  });
});
