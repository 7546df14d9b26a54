// A dossier is pinned at reception to the rules then in force; a rule that
// takes effect later (a new cut-off, a provincial day off) leaves it as it
// was promised, even when its clock is computed again after the change.
import { createTestDatabase, type TestDatabase } from '../support/testDatabase.js';
import { FixedClock } from '../support/fixedClock.js';
import { seedDepartments } from '../support/engineHarness.js';
import { CalendarRegistry } from '../../engine/calendar/calendarRegistry.js';
import { calendarTimeRules } from '../../engine/deadlines/calendarTimeRules.js';
import { createOnestopEngine, type OnestopEngine } from '../../engine/onestopEngine.js';
import { dossierExtras } from '../../engine/store/queries/dossierExtras.js';
import { isWorkingDay } from '../../engine/calendar/index.js';

const PROCEDURE = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:onestop="urn:onestop:bpmn:1.0" id="Defs_Pinned" targetNamespace="urn:test">
  <bpmn:process id="Proc_Pinned" name="Thủ tục hai ngày" isExecutable="true" onestop:procedureCode="T.PINNED" onestop:deadline="P2D">
    <bpmn:startEvent id="Start" />
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task_Check" />
    <bpmn:userTask id="Task_Check" name="Thẩm định" onestop:department="TUPHAP_XA" onestop:deadline="P1D" />
    <bpmn:sequenceFlow id="F2" sourceRef="Task_Check" targetRef="End" />
    <bpmn:endEvent id="End" />
  </bpmn:process>
</bpmn:definitions>`;

const local = (isoLocal: string) => new Date(`${isoLocal}+07:00`);
const asLocal = (d: Date | null) => d && new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
const applicant = { name: 'Nguyễn Thị Hương', idNumber: '001188000123' };

let db: TestDatabase;
let clock: FixedClock;
let registry: CalendarRegistry;
let engine: OnestopEngine;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDepartments(db.pool);
  clock = new FixedClock('2026-12-31T15:30:00+07:00');
  registry = new CalendarRegistry(db.pool);
  await registry.load();
  engine = createOnestopEngine({ pool: db.pool, time: calendarTimeRules(clock.now, registry) });
  await engine.deploy(PROCEDURE);
});
afterAll(() => db.drop());

test('a new cut-off and a provincial day off from 1/1/2027 leave a dossier received on 31/12/2026 as promised', async () => {
  // Thursday 31/12/2026 15:30: after the 15:00 cut-off; 1/1 is a holiday, so the clock starts Monday 4/1 08:00.
  const before = await engine.submit('T.PINNED', { applicant, data: {} });
  expect([asLocal(before.clockStartedAt), asLocal(before.dueAt)]).toEqual(['2027-01-04 08:00', '2027-01-05 17:00']);

  // The province moves the cut-off to 16:30 and closes Wednesday 6/1/2027, both from 1/1/2027.
  await registry.rules.add({ id: 'cutoff-1630-2027', kind: 'cutoff', body: { time: '16:30' }, validFrom: '2027-01-01T00:00:00+07:00', validTo: null });
  await registry.rules.add({
    id: 'day-swaps-2027-province', kind: 'day_swaps', validFrom: '2027-01-01T00:00:00+07:00', validTo: null,
    body: { year: 2027, swaps: [{ date: '2027-01-06', kind: 'off', reason: 'Nghỉ theo quyết định của tỉnh' }] },
  });
  await registry.load();

  // A dossier received after the change is pinned to the new rules: 16:00 is before the new cut-off, Wednesday is off.
  clock.set('2027-01-05T16:00:00+07:00');
  const after = await engine.submit('T.PINNED', { applicant, data: {} });
  expect([asLocal(after.clockStartedAt), asLocal(after.dueAt)]).toEqual(['2027-01-05 16:00', '2027-01-08 16:00']);

  // The first dossier's promised date was computed again (a supplement, restart policy) after the change: still under its own rules.
  clock.set('2027-01-04T10:00:00+07:00');
  await engine.requestSupplement(before.code, { actor: 'desk', department: null, reason: 'Thiếu giấy tờ', items: ['Tờ khai'] });
  clock.set('2027-01-05T16:00:00+07:00');
  const resumed = await engine.receiveSupplement(before.code, { actor: 'desk' });
  // Old rules: 16:00 is after 15:00, so Wednesday 08:00 (a working day for it), two days → Thursday 17:00.
  expect(asLocal(resumed.dueAt)).toBe('2027-01-07 17:00');

  const [pinnedBefore, pinnedAfter] = [await engine.getDossier(before.code), await engine.getDossier(after.code)];
  expect(pinnedBefore.ruleSetId).toBeTruthy();
  expect(pinnedAfter.ruleSetId).not.toBe(pinnedBefore.ruleSetId);
  expect(isWorkingDay('2027-01-06', registry.byId({ calendarId: null, ruleSetId: pinnedBefore.ruleSetId }))).toBe(true);
  expect(isWorkingDay('2027-01-06', registry.byId({ calendarId: null, ruleSetId: pinnedAfter.ruleSetId }))).toBe(false);

  // The dossier view names the rule set each dossier was pinned to.
  expect((await dossierExtras(db.pool, before.code))?.ruleSet).toEqual({ id: pinnedBefore.ruleSetId, name: 'Quy tắc áp dụng từ 01/07/2026' });
  expect((await dossierExtras(db.pool, after.code))?.ruleSet).toEqual({ id: pinnedAfter.ruleSetId, name: 'Quy tắc áp dụng từ 01/01/2027' });
});
