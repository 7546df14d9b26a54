import { createTestDatabase, type TestDatabase } from '../../support/testDatabase.js';
import { FixedClock } from '../../support/fixedClock.js';
import { engineFor, fixture, seedDepartments } from '../../support/engineHarness.js';
import { expectEveryDossierWaits } from '../../support/invariant.js';
import { ProcessError } from '../../../engine/errors.js';
import type { OnestopEngine } from '../../../engine/onestopEngine.js';

// A step the engine cannot carry out is an incident on the dossier: never a
// 500, never a silent stop.

let db: TestDatabase;
let engine: OnestopEngine;
const applicant = { name: 'Vũ Thị Giang', idNumber: '001088000006' };

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDepartments(db.pool);
  engine = engineFor(db.pool, new FixedClock('2026-03-02T09:00:00+07:00'));
  await engine.deploy(await fixture('bpmn', 'events', 'no-matching-flow.bpmn'));
});

afterEach(() => expectEveryDossierWaits(db.pool));
afterAll(() => db.drop());

test('no outgoing flow matching: the completion is refused, the step stays open, an incident is opened; retried, the step is done again', async () => {
  const d = await engine.submit('EV.NOFLOW', { applicant, data: {} });
  const step = d.tasks[0];
  await expect(engine.completeTask(step.id, { actor: 'officer', data: { amount: 500 } })).rejects.toThrow(ProcessError);
  const dossier = await engine.getDossier(d.code);
  expect(dossier.status.name).toBe('processing');
  expect(dossier.openTasks.map((t) => t.id)).toEqual([step.id]);
  const [incident] = await engine.incidents();
  expect(incident).toMatchObject({ dossierCode: d.code, kind: 'process-error', taskId: step.id, status: 'open' });
  expect(incident.message).toMatch(/Gateway_Amount|no .*flow|outbound/i);
  expect((await engine.history(d.code)).map((e) => e.type)).toContain('incident.opened');

  await engine.retryIncident(incident.id, 'admin');
  const done = await engine.completeTask(step.id, { actor: 'officer', data: { amount: 50 } });
  expect(done.created.map((t) => t.elementId)).toEqual(['Task_Small']);
  expect(await engine.incidents()).toEqual([]);
});
