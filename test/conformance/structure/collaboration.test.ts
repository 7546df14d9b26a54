import { createTestDatabase, type TestDatabase } from '../../support/testDatabase.js';
import { FixedClock } from '../../support/fixedClock.js';
import { engineFor, fixture, seedDepartments } from '../../support/engineHarness.js';
import { expectEveryDossierWaits } from '../../support/invariant.js';
import type { OnestopEngine } from '../../../engine/onestopEngine.js';

// A file with several pools: the commune's procedure is run; the police pool
// (drawn, even marked executable by its modeler) and a black-box portal pool
// are documentation. Message flows to them are allowed and start nothing.

let db: TestDatabase;
let engine: OnestopEngine;
const applicant = { name: 'Phạm Thị Hoa', idNumber: '001190000777' };

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDepartments(db.pool);
  engine = engineFor(db.pool, new FixedClock('2026-03-02T09:00:00+07:00'));
});
afterEach(() => expectEveryDossierWaits(db.pool));
afterAll(() => db.drop());

async function complete(code: string, elementId: string) {
  const task = (await engine.getDossier(code)).openTasks.find((t) => t.elementId === elementId);
  if (!task) throw new Error(`${elementId} is not open on ${code}`);
  return engine.completeTask(task.id, { actor: 'officer' });
}

test('a commune + police collaboration deploys and its user tasks complete, the police pool never starting', async () => {
  const deployed = await engine.deploy(await fixture('bpmn', 'structure', 'commune-police.bpmn'));
  expect(deployed).toMatchObject({ code: 'ST.COLLAB', version: 1, created: true, warnings: [] });

  const submitted = await engine.submit('ST.COLLAB', { applicant, data: {} });
  expect(submitted.tasks.map((t) => [t.elementId, t.department])).toEqual([['Task_Ask', 'MOTCUA_XA']]);

  // Completing the task whose message flow reaches the police pool routes
  // the next commune step, and only that one.
  const asked = await complete(submitted.code, 'Task_Ask');
  expect(asked.openTasks.map((t) => [t.elementId, t.department])).toEqual([['Task_Decide', 'TUPHAP_XA']]);

  const done = await complete(submitted.code, 'Task_Decide');
  expect(done.openTasks).toEqual([]);
  expect((await engine.getDossier(submitted.code)).status.name).toBe('resolved');
  const history = (await engine.history(submitted.code)).map((entry) => JSON.stringify(entry));
  expect(history.some((line) => /Police_/.test(line))).toBe(false);
});
