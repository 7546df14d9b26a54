import fc from 'fast-check';
import { lunarToSolar, solarToLunar } from '../../engine/calendar/index.js';
import { newMoonJde, sunApparentLongitude } from '../../engine/calendar/astronomy.js';

const iso = ({ year, month, day }: { year: number; month: number; day: number }) =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

describe('astronomy (worked examples of Meeus, Astronomical Algorithms)', () => {
  it('finds the new moon of February 1977 (example 49.a)', () => {
    expect(newMoonJde(-283)).toBeCloseTo(2443192.65118, 4);
  });

  it('computes the apparent longitude of the sun on 1992 October 13.0 TD (example 25.a)', () => {
    expect(sunApparentLongitude(2448908.5)).toBeCloseTo(199.90895, 3);
  });
});

describe('Vietnamese lunar calendar', () => {
  it.each([
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2033, '2033-01-31'],
  ])('Tết %i is on %s', (year, expected) => {
    expect(iso(lunarToSolar(1, 1, year))).toBe(expected);
  });

  it.each([
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
  ])("Hùng Kings' day (10/3 lunar) %i is on %s", (year, expected) => {
    expect(iso(lunarToSolar(10, 3, year))).toBe(expected);
  });

  it('is computed for UTC+7, not borrowed from the Chinese (UTC+8) calendar', () => {
    // China celebrated these new years on 20 Feb 1985, 18 Feb 2007 and 30 Jan 1968.
    expect(iso(lunarToSolar(1, 1, 1985))).toBe('1985-01-21');
    expect(iso(lunarToSolar(1, 1, 2007))).toBe('2007-02-17');
    expect(iso(lunarToSolar(1, 1, 1968))).toBe('1968-01-29');
  });

  it('places leap months', () => {
    expect(solarToLunar(2023, 3, 22)).toEqual({ day: 1, month: 2, year: 2023, leap: true });
    expect(solarToLunar(2025, 7, 25)).toEqual({ day: 1, month: 6, year: 2025, leap: true });
    expect(iso(lunarToSolar(1, 6, 2025, true))).toBe('2025-07-25');
    expect(solarToLunar(2025, 7, 24)).toEqual({ day: 30, month: 6, year: 2025, leap: false });
  });

  it('names months 11 and 12 after the lunar year they belong to', () => {
    expect(solarToLunar(2025, 1, 28)).toEqual({ day: 29, month: 12, year: 2024, leap: false });
    expect(solarToLunar(2025, 1, 29)).toEqual({ day: 1, month: 1, year: 2025, leap: false });
    expect(solarToLunar(2025, 10, 6)).toEqual({ day: 15, month: 8, year: 2025, leap: false });
    expect(iso(lunarToSolar(23, 12, 2025))).toBe('2026-02-10');
  });

  it('has a well-formed year for every year 1900-2150', () => {
    for (let year = 1900; year <= 2150; year++) {
      const tet = lunarToSolar(1, 1, year);
      expect(tet.year).toBe(year);
      const tetDate = iso(tet);
      expect(tetDate >= `${year}-01-21` && tetDate <= `${year}-02-20`).toBe(true);
      expect(solarToLunar(tet.year, tet.month, tet.day)).toEqual({ day: 1, month: 1, year, leap: false });
    }
  });

  it('round-trips any date 1900-2150', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2150-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const solar = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
        const lunar = solarToLunar(solar.year, solar.month, solar.day);
        expect(lunar.day).toBeGreaterThanOrEqual(1);
        expect(lunar.day).toBeLessThanOrEqual(30);
        expect(lunarToSolar(lunar.day, lunar.month, lunar.year, lunar.leap)).toEqual(solar);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects lunar dates that do not exist', () => {
    expect(() => lunarToSolar(1, 5, 2025, true)).toThrow(RangeError); // 2025 has leap month 6, not 5
    expect(() => lunarToSolar(30, 12, 2024)).toThrow(RangeError); // month 12 of Giáp Thìn has 29 days
    expect(() => lunarToSolar(1, 13, 2025)).toThrow(RangeError);
    expect(() => solarToLunar(2025, 2, 29)).toThrow(RangeError);
  });
});
