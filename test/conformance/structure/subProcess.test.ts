import { createTestDatabase, type TestDatabase } from '../../support/testDatabase.js';
import { FixedClock } from '../../support/fixedClock.js';
import { engineFor, fixture, seedDepartments } from '../../support/engineHarness.js';
import { expectEveryDossierWaits } from '../../support/invariant.js';
import type { OnestopEngine } from '../../../engine/onestopEngine.js';

// Embedded sub-processes, nested: their user tasks are routed like
// top-level ones, with the lane's or their own department, and the dossier
// goes on after the sub-process once everything inside it is done.

let db: TestDatabase;
let engine: OnestopEngine;
const applicant = { name: 'Đỗ Minh Tâm', idNumber: '001190000888' };

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDepartments(db.pool);
  engine = engineFor(db.pool, new FixedClock('2026-03-02T09:00:00+07:00'));
  await engine.deploy(await fixture('bpmn', 'structure', 'sub-process.bpmn'));
});
afterEach(() => expectEveryDossierWaits(db.pool));
afterAll(() => db.drop());

const open = async (code: string) => (await engine.getDossier(code)).openTasks.map((t) => `${t.elementId}@${t.department}`).sort();

async function complete(code: string, elementId: string) {
  const task = (await engine.getDossier(code)).openTasks.find((t) => t.elementId === elementId);
  if (!task) throw new Error(`${elementId} is not open on ${code}`);
  return engine.completeTask(task.id, { actor: 'officer' });
}

test('user tasks inside nested sub-processes are routed, joined and followed by the next step', async () => {
  const { code } = await engine.submit('ST.SUB', { applicant, data: {} });
  expect(await open(code)).toEqual(['Task_Receive@MOTCUA_XA']);

  await complete(code, 'Task_Receive');
  // The sub-process is drawn in the justice lane: its step takes that department.
  expect(await open(code)).toEqual(['Task_Verify@TUPHAP_XA']);

  await complete(code, 'Task_Verify');
  expect(await open(code)).toEqual(['Task_Insure@BHXH', 'Task_Police@CONGAN_XA']);

  await complete(code, 'Task_Police');
  // The join inside the sub-process still waits for the nested one.
  expect(await open(code)).toEqual(['Task_Insure@BHXH']);

  await complete(code, 'Task_Insure');
  expect(await open(code)).toEqual(['Task_Hand@MOTCUA_XA']);

  await complete(code, 'Task_Hand');
  expect(await open(code)).toEqual([]);
  expect((await engine.getDossier(code)).status.name).toBe('resolved');
  // Each step ran once.
  const created = (await engine.history(code)).filter((entry) => entry.type === 'task.created').map((entry: any) => entry.elementId ?? entry.task?.elementId ?? JSON.stringify(entry));
  expect(created.length).toBe(5);
});

test('an interrupting boundary timer on a sub-process withdraws every step inside it and routes the escalation', async () => {
  const clock = new FixedClock('2026-03-06T09:00:00+07:00');
  const timed = engineFor(db.pool, clock);
  await timed.deploy(await fixture('bpmn', 'structure', 'sub-process-boundary.bpmn'));
  const { code } = await timed.submit('ST.SUBTIMER', { applicant, data: {} });
  const openOn = async () => (await timed.getDossier(code)).openTasks.map((t) => `${t.elementId}@${t.department}`).sort();
  expect(await openOn()).toEqual(['Task_Insure@BHXH', 'Task_Police@CONGAN_XA']);

  // Friday 09:00 + 2 working days = Tuesday 09:00.
  clock.set('2026-03-10T09:00:00+07:00');
  expect(await timed.fireDueTimers()).toBe(1);
  expect(await openOn()).toEqual(['Task_Head@MOTCUA_XA']);
  const cancelled = (await timed.history(code)).filter((entry) => entry.type === 'task.cancelled');
  expect(cancelled).toHaveLength(2);

  const head = (await timed.getDossier(code)).openTasks[0]!;
  await timed.completeTask(head.id, { actor: 'officer' });
  expect((await timed.getDossier(code)).status.name).toBe('resolved');
});
