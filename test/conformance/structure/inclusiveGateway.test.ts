import { createTestDatabase, type TestDatabase } from '../../support/testDatabase.js';
import { FixedClock } from '../../support/fixedClock.js';
import { engineFor, fixture, seedDepartments } from '../../support/engineHarness.js';
import { expectEveryDossierWaits } from '../../support/invariant.js';
import type { OnestopEngine } from '../../../engine/onestopEngine.js';

// The inclusive gateway: the split takes every true branch (or the default);
// the join waits for every branch that can still arrive and never runs the
// next step twice.

let db: TestDatabase;
let engine: OnestopEngine;
const applicant = { name: 'Vũ Thị Lan', idNumber: '001190000999' };

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDepartments(db.pool);
  engine = engineFor(db.pool, new FixedClock('2026-03-02T09:00:00+07:00'));
  await engine.deploy(await fixture('bpmn', 'structure', 'inclusive.bpmn'));
});
afterEach(() => expectEveryDossierWaits(db.pool));
afterAll(() => db.drop());

const open = async (code: string) => (await engine.getDossier(code)).openTasks.map((t) => t.elementId).sort();

async function complete(code: string, elementId: string) {
  const task = (await engine.getDossier(code)).openTasks.find((t) => t.elementId === elementId);
  if (!task) throw new Error(`${elementId} is not open on ${code}`);
  return engine.completeTask(task.id, { actor: 'officer' });
}

async function signedOnce(code: string) {
  await complete(code, 'Task_Sign');
  expect(await open(code)).toEqual([]);
  expect((await engine.getDossier(code)).status.name).toBe('resolved');
  const signs = (await engine.history(code)).filter((entry: any) => entry.type === 'task.created' && JSON.stringify(entry).includes('Task_Sign'));
  expect(signs).toHaveLength(1);
}

test('both branches: the join waits for the second and the signature step is created once', async () => {
  const { code } = await engine.submit('ST.OR', { applicant, data: { police: true, insurance: true } });
  await complete(code, 'Task_Receive');
  expect(await open(code)).toEqual(['Task_Insure', 'Task_Police']);
  await complete(code, 'Task_Police');
  expect(await open(code)).toEqual(['Task_Insure']);
  await complete(code, 'Task_Insure');
  expect(await open(code)).toEqual(['Task_Sign']);
  await signedOnce(code);
});

test('one branch: the join does not wait for the branch not taken', async () => {
  const { code } = await engine.submit('ST.OR', { applicant, data: { police: false, insurance: true } });
  await complete(code, 'Task_Receive');
  expect(await open(code)).toEqual(['Task_Insure']);
  await complete(code, 'Task_Insure');
  expect(await open(code)).toEqual(['Task_Sign']);
  await signedOnce(code);
});

test('no condition holds: the default branch, then the signature once', async () => {
  const { code } = await engine.submit('ST.OR', { applicant, data: { police: false, insurance: false } });
  await complete(code, 'Task_Receive');
  expect(await open(code)).toEqual(['Task_Plain']);
  await complete(code, 'Task_Plain');
  expect(await open(code)).toEqual(['Task_Sign']);
  await signedOnce(code);
});
