import { createTestDatabase, type TestDatabase } from '../support/testDatabase.js';
import { FixedClock } from '../support/fixedClock.js';
import { engineFor, fixture, seedDepartments } from '../support/engineHarness.js';
import { ConflictError, ForbiddenError, ValidationError } from '../../engine/errors.js';
import type { OnestopEngine } from '../../engine/onestopEngine.js';

let db: TestDatabase;
let clock: FixedClock;
let engine: OnestopEngine;

const applicant = { name: 'Nguyễn Văn An', idNumber: '001088000001' };

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDepartments(db.pool);
  // Monday 2 March 2026, 09:00 in Hanoi: a plain working morning.
  clock = new FixedClock('2026-03-02T09:00:00+07:00');
  engine = engineFor(db.pool, clock);
  await engine.deploy(await fixture('engine', 'linked.bpmn'));
});

afterAll(() => db.drop());

async function openTasks(code: string) {
  return (await engine.getDossier(code)).openTasks.map((t) => `${t.elementId}@${t.department}`).sort();
}

async function completeOpen(code: string, elementId: string, data: Record<string, unknown> = {}, actor = 'officer') {
  const task = (await engine.getDossier(code)).openTasks.find((t) => t.elementId === elementId);
  if (!task) throw new Error(`${elementId} is not open on ${code}`);
  return engine.completeTask(task.id, { actor, data });
}

test('a linked dossier is routed department by department, parallel branches joined, and resolved', async () => {
  const submitted = await engine.submit('T.LINKED', { applicant, data: { childName: 'Bé Na', area: 150 }, channel: 'online' });
  expect(submitted.code).toMatch(/^000\.00\.12\.H26-260302-\d{4}$/);
  expect(submitted.status).toBe('processing');
  expect(submitted.tasks.map((t) => [t.elementId, t.department])).toEqual([['Task_Register', 'TUPHAP_XA']]);
  // P5D from Monday 09:00 = 40 working hours = the next Monday 09:00.
  expect(submitted.dueAt?.toISOString()).toBe(new Date('2026-03-09T09:00:00+07:00').toISOString());
  // PT8H from Monday 09:00 = Tuesday 09:00 (the lunch hour does not count).
  expect(submitted.tasks[0].dueAt?.toISOString()).toBe(new Date('2026-03-03T09:00:00+07:00').toISOString());

  clock.advance(60 * 60_000);
  const afterRegister = await completeOpen(submitted.code, 'Task_Register', { certificateNumber: '123' });
  expect(afterRegister.timeliness).toBe('early');
  expect(afterRegister.openTasks.map((t) => `${t.elementId}@${t.department}`).sort()).toEqual([
    'Task_Insurance@BHXH',
    'Task_Residence@CONGAN_XA', // department taken from the lane
  ]);

  await completeOpen(submitted.code, 'Task_Residence');
  // The join still waits for the insurance branch.
  expect(await openTasks(submitted.code)).toEqual(['Task_Insurance@BHXH']);

  const afterInsurance = await completeOpen(submitted.code, 'Task_Insurance');
  // area 150 > 100: the gateway sends the dossier to the review step.
  expect(afterInsurance.created.map((t) => t.elementId)).toEqual(['Task_Review']);

  const done = await completeOpen(submitted.code, 'Task_Review');
  expect(done.status).toBe('resolved');
  const dossier = await engine.getDossier(submitted.code);
  expect(dossier.status).toEqual({ name: 'resolved', code: 9, label: 'Đã có kết quả' });
  expect(dossier.resolvedAt).not.toBeNull();
  expect(dossier.openTasks).toEqual([]);

  const history = await engine.history(submitted.code);
  expect(history.map((e) => e.type)).toEqual(expect.arrayContaining(['dossier.received', 'task.created', 'task.completed', 'gateway.decided', 'dossier.resolved']));
  const decision = history.find((e) => e.type === 'gateway.decided');
  expect(decision?.payload).toMatchObject({ gatewayId: 'Gw_Area', targetId: 'Task_Review' });

  const slip = await engine.controlSlip(submitted.code);
  expect(slip.map((r) => [r.elementId, r.fromDepartment, r.toDepartment])).toEqual([
    ['Task_Register', 'MOTCUA_XA', 'TUPHAP_XA'],
    ['Task_Residence', 'TUPHAP_XA', 'CONGAN_XA'],
    ['Task_Insurance', 'TUPHAP_XA', 'BHXH'],
    ['Task_Review', 'BHXH', 'TUPHAP_XA'],
  ]);
  expect(slip.every((r) => r.completedAt && r.completedBy === 'officer' && r.timeliness)).toBe(true);
});

test('the gateway follows the submitted data: a small area skips the review', async () => {
  const submitted = await engine.submit('T.LINKED', { applicant, data: { childName: 'Bé Bông', area: 50 } });
  await completeOpen(submitted.code, 'Task_Register', { certificateNumber: '7' });
  await completeOpen(submitted.code, 'Task_Residence');
  const last = await completeOpen(submitted.code, 'Task_Insurance');
  expect(last.created).toEqual([]);
  expect(last.status).toBe('resolved');
});

test('invalid start data is refused with every problem and no dossier is created', async () => {
  const before = await db.pool.query('SELECT count(*)::int AS n FROM dossiers');
  const err = await engine.submit('T.LINKED', { applicant: { name: '', idNumber: 'x' }, data: { area: -1, extra: true } }).catch((e) => e);
  expect(err).toBeInstanceOf(ValidationError);
  const paths = (err as ValidationError).errors.map((e) => e.path).sort();
  expect(paths).toEqual(['/applicant/name', '/data/area', '/data/childName', '/data/extra']);
  const after = await db.pool.query('SELECT count(*)::int AS n FROM dossiers');
  expect(after.rows[0].n).toBe(before.rows[0].n);
});

test('invalid step data is refused with the schema errors and changes nothing', async () => {
  const submitted = await engine.submit('T.LINKED', { applicant, data: { childName: 'Bé Cúc', area: 10 } });
  const snapshot = async () =>
    (await db.pool.query(
      `SELECT d.row_version, d.data, d.engine_state, (SELECT count(*) FROM dossier_events e WHERE e.dossier_id = d.id)::int AS events,
              (SELECT json_agg(t.status ORDER BY t.id) FROM tasks t WHERE t.dossier_id = d.id) AS tasks
         FROM dossiers d WHERE d.code = $1`,
      [submitted.code],
    )).rows[0];
  const before = await snapshot();
  const err = await completeOpen(submitted.code, 'Task_Register', { certificateNumber: 'ABC' }).catch((e) => e);
  expect(err).toBeInstanceOf(ValidationError);
  expect((err as ValidationError).errors).toEqual([{ path: '/certificateNumber', message: expect.stringContaining('pattern') }]);
  expect(await snapshot()).toEqual(before);
});

test('of two concurrent completions of one task, the second is refused as a conflict', async () => {
  const submitted = await engine.submit('T.LINKED', { applicant, data: { childName: 'Bé Đào', area: 10 } });
  const task = submitted.tasks[0];
  const results = await Promise.allSettled([
    engine.completeTask(task.id, { actor: 'a', data: { certificateNumber: '1' } }),
    engine.completeTask(task.id, { actor: 'b', data: { certificateNumber: '2' } }),
  ]);
  const fulfilled = results.filter((r) => r.status === 'fulfilled');
  const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  expect(fulfilled).toHaveLength(1);
  expect(rejected).toHaveLength(1);
  expect(rejected[0].reason).toBeInstanceOf(ConflictError);
  expect(rejected[0].reason.message).toMatch(/already completed/);
  // Exactly one set of next steps was routed.
  expect(await openTasks(submitted.code)).toEqual(['Task_Insurance@BHXH', 'Task_Residence@CONGAN_XA']);
});

test('an officer acting for one department cannot complete a step routed to another; its own goes through', async () => {
  const { code, tasks } = await engine.submit('T.LINKED', { applicant, data: { childName: 'Bé Na', area: 150 } });
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

test('50 concurrent submissions get 50 distinct codes in one unbroken daily sequence', async () => {
  clock.set('2026-03-04T10:00:00+07:00');
  const results = await Promise.all(
    Array.from({ length: 50 }, (_, i) => engine.submit('T.LINKED', { applicant, data: { childName: `Bé ${i}`, area: 1 }, receivingAgency: '000.00.07.H26' })),
  );
  const seqs = results.map((r) => r.code).sort();
  expect(new Set(seqs).size).toBe(50);
  expect(seqs[0]).toBe('000.00.07.H26-260304-0001');
  expect(seqs[49]).toBe('000.00.07.H26-260304-0050');
  // Another agency has its own sequence.
  const other = await engine.submit('T.LINKED', { applicant, data: { childName: 'X', area: 1 }, receivingAgency: '000.00.08.H26' });
  expect(other.code).toBe('000.00.08.H26-260304-0001');
  // The next day starts again at 0001.
  clock.set('2026-03-05T08:30:00+07:00');
  const nextDay = await engine.submit('T.LINKED', { applicant, data: { childName: 'Y', area: 1 }, receivingAgency: '000.00.07.H26' });
  expect(nextDay.code).toBe('000.00.07.H26-260305-0001');
});
