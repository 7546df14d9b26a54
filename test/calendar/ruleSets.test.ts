// Rules as records with effective dates, and dossiers pinned to the set in
// force at their reception.
import {
  calendarUnderRuleSet,
  ruleRecordProblems,
  ruleSetAt,
  supersede,
  type RuleRecord,
} from '../../engine/calendar/ruleSets.js';
import { VN_RULE_RECORDS } from '../../engine/calendar/nationalRules.js';
import { compileCalendar, DEFAULT_CALENDAR, dueAt, isWorkingDay, receptionStart } from '../../engine/calendar/index.js';

const local = (isoLocal: string) => new Date(`${isoLocal}+07:00`);
const asLocal = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
const WORKING_DAY_MS = 8 * 3_600_000;

/** The promised date of a dossier received at `receivedLocal`, under the rules in force at its reception. */
function promisedUnder(records: readonly RuleRecord[], receivedLocal: string, days: number) {
  const set = ruleSetAt(records, local(receivedLocal));
  const cal = compileCalendar(calendarUnderRuleSet(DEFAULT_CALENDAR, set));
  const start = receptionStart(local(receivedLocal), cal);
  return { ruleSetId: set.id, clockStartedAt: asLocal(start), dueAt: asLocal(dueAt(start, days * WORKING_DAY_MS, 'working', cal)) };
}

describe('the national rule records', () => {
  it('are valid: one cut-off, supplement and scoring rule at every instant', () => {
    expect(ruleRecordProblems(VN_RULE_RECORDS)).toEqual([]);
  });

  it('add Vietnam Culture Day to the set in force from 1 July 2026, and only from then', () => {
    const before = ruleSetAt(VN_RULE_RECORDS, local('2026-06-30T23:59'));
    const after = ruleSetAt(VN_RULE_RECORDS, local('2026-07-01T00:00'));
    expect(before.holidays.map((h) => h.id)).not.toContain('culture-day');
    expect(after.holidays.map((h) => h.id)).toContain('culture-day');
    expect(after.id).not.toBe(before.id);
    expect(before.validTo).toBe(local('2026-07-01T00:00').toISOString());
    expect(after.name).toBe('Quy tắc áp dụng từ 01/07/2026');
    expect(after.cutoff).toBe('15:00');
    expect(after.supplement).toEqual({ defaultPolicy: 'restart', requestWithinWorkingDays: 3 });
    expect(after.scoring).toEqual({ progressPoints: 20, supplementPauseSubtracted: true, maxSupplementRequestsOnTime: 1 });
  });

  it('give the same set (same id) to every instant inside its window', () => {
    expect(ruleSetAt(VN_RULE_RECORDS, local('2026-08-01T09:00')).id).toBe(ruleSetAt(VN_RULE_RECORDS, local('2026-11-20T16:00')).id);
  });

  it('carry the 2026 swaps and the culture day into a receiving point\'s calendar', () => {
    const set = ruleSetAt(VN_RULE_RECORDS, local('2026-11-20T09:00'));
    const cal = compileCalendar(calendarUnderRuleSet({ ...DEFAULT_CALENDAR, daySwaps: [] }, set));
    for (const [date, working] of [['2026-11-24', false], ['2026-04-27', false], ['2026-01-10', true], ['2026-08-22', true], ['2026-08-31', false]] as const) {
      expect([date, isWorkingDay(date, cal)]).toEqual([date, working]);
    }
  });
});

describe('a rule change with an effective date', () => {
  // From 1 January 2027 the province moves the cut-off to 16:00 and declares 4/1/2027 a day off.
  const laterCutoff: RuleRecord = { id: 'cutoff-1600-2027', kind: 'cutoff', body: { time: '16:00' }, validFrom: '2027-01-01T00:00:00+07:00', validTo: null };
  const extraDayOff: RuleRecord = {
    id: 'day-swaps-2027-province', kind: 'day_swaps', validFrom: '2027-01-01T00:00:00+07:00', validTo: null,
    body: { year: 2027, swaps: [{ date: '2027-01-04', kind: 'off', reason: 'Nghỉ theo quyết định của tỉnh' }] },
  };
  const changed = [...supersede(VN_RULE_RECORDS, laterCutoff), extraDayOff];

  it('closes the previous cut-off where the new one starts, and the records stay valid', () => {
    expect(changed.find((r) => r.id === 'cutoff-1500')?.validTo).toBe('2027-01-01T00:00:00+07:00');
    expect(ruleRecordProblems(changed)).toEqual([]);
    expect(ruleRecordProblems([...VN_RULE_RECORDS, laterCutoff])).toEqual([
      expect.stringContaining('cutoff rules cutoff-1500 and cutoff-1600-2027 are both in force'),
    ]);
  });

  it('leaves a dossier received before it with the same rule set and the same promised date', () => {
    // Received Thursday 31/12/2026 at 15:30: after the 15:00 cut-off, so its clock starts on the next working morning.
    const asPromised = promisedUnder(VN_RULE_RECORDS, '2026-12-31T15:30', 2);
    const afterTheChange = promisedUnder(changed, '2026-12-31T15:30', 2);
    expect(afterTheChange).toEqual(asPromised);
    expect(asPromised).toEqual({ ruleSetId: asPromised.ruleSetId, clockStartedAt: '2027-01-04 08:00', dueAt: '2027-01-05 17:00' });
  });

  it('applies to a dossier received from its effective date', () => {
    const before = ruleSetAt(VN_RULE_RECORDS, local('2027-01-05T15:30'));
    const pinned = promisedUnder(changed, '2027-01-05T15:30', 2);
    expect(pinned.ruleSetId).not.toBe(before.id);
    // 15:30 is before the new 16:00 cut-off: the clock starts at once.
    expect(pinned).toEqual({ ruleSetId: pinned.ruleSetId, clockStartedAt: '2027-01-05 15:30', dueAt: '2027-01-07 15:30' });
    expect(promisedUnder(VN_RULE_RECORDS, '2027-01-05T15:30', 2)).toEqual({ ruleSetId: before.id, clockStartedAt: '2027-01-06 08:00', dueAt: '2027-01-07 17:00' });
  });
});

describe('ruleSetAt', () => {
  it('refuses an instant without a cut-off rule, naming it', () => {
    const noCutoff = VN_RULE_RECORDS.filter((r) => r.kind !== 'cutoff');
    expect(() => ruleSetAt(noCutoff, local('2026-03-02T09:00'))).toThrow(/no cutoff rule is in force/);
  });
});
