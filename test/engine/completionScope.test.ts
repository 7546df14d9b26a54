import { createTestDatabase, type TestDatabase } from '../support/testDatabase.js';
import { FixedClock } from '../support/fixedClock.js';
import { engineFor, fixture, seedDepartments } from '../support/engineHarness.js';
import { ForbiddenError } from '../../engine/errors.js';
import type { OnestopEngine } from '../../engine/onestopEngine.js';

let db: TestDatabase;
let engine: OnestopEngine;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDepartments(db.pool);
  engine = engineFor(db.pool, new FixedClock('2026-03-02T09:00:00+07:00'));
  await engine.deploy(await fixture('engine', 'linked.bpmn'));
});

afterAll(() => db.drop());

test('an officer acting for one department cannot complete a step routed to another; its own goes through', async () => {
  const { code, tasks } = await engine.submit('T.LINKED', { applicant: { name: 'Nguyễn Văn An', idNumber: '001088000001' }, data: { childName: 'Bé Na', area: 150 } });
  const [register] = tasks;
  expect(register.department).toBe('TUPHAP_XA');

  const err = await engine.completeTask(register.id, { actor: 'police', actingFor: 'CONGAN_XA', data: { certificateNumber: '123' } }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ForbiddenError);
  expect((err as Error).message).toBe(`task ${register.id} is routed to department TUPHAP_XA; this key acts for CONGAN_XA`);
  expect((await engine.getTask(register.id))?.status).toBe('open');
  expect((await engine.history(code)).map((e) => e.type)).not.toContain('task.completed');

  const done = await engine.completeTask(register.id, { actor: 'civil', actingFor: 'TUPHAP_XA', data: { certificateNumber: '123' } });
  expect(done.openTasks.map((t) => t.department).sort()).toEqual(['BHXH', 'CONGAN_XA']);
});
