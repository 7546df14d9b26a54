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
let clock: FixedClock;
const applicant = { name: 'Vũ Thị Giang', idNumber: '001088000006' };

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDepartments(db.pool);
  clock = new FixedClock('2026-03-02T09:00:00+07:00');
  engine = engineFor(db.pool, clock);
  await engine.deploy(await fixture('bpmn', 'events', 'no-matching-flow.bpmn'));
  await engine.deploy(await fixture('bpmn', 'events', 'timer-no-matching-flow.bpmn'));
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

test('a timer whose firing cannot go on is set aside as an incident, not fired again by every sweep; retried, it fires again', async () => {
  clock.set('2026-03-02T09:00:00+07:00');
  const d = await engine.submit('EV.TIMERNOFLOW', { applicant, data: {} });
  clock.set('2026-03-02T10:00:00+07:00');
  expect(await engine.fireDueTimers()).toBe(0);
  const [incident] = await engine.incidents();
  expect(incident).toMatchObject({ dossierCode: d.code, kind: 'process-error', waitId: expect.any(String), status: 'open' });
  // The next sweep finds nothing to fire: one incident, not one a minute.
  expect(await engine.fireDueTimers()).toBe(0);
  expect(await engine.incidents()).toHaveLength(1);
  expect((await engine.getDossier(d.code)).status.name).toBe('processing');

  await engine.retryIncident(incident.id, 'admin');
  expect(await engine.fireDueTimers()).toBe(0);
  const open = await engine.incidents();
  expect(open).toHaveLength(1);
  expect(open[0].id).not.toBe(incident.id);
});
