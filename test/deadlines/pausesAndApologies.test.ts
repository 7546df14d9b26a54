import { createTestDatabase, type TestDatabase } from '../support/testDatabase.js';
import { FixedClock } from '../support/fixedClock.js';
import { engineFor, fixture, seedDepartments } from '../support/engineHarness.js';
import { ConflictError, ForbiddenError, ValidationError } from '../../engine/errors.js';
import type { OnestopEngine } from '../../engine/onestopEngine.js';

let db: TestDatabase;
let clock: FixedClock;
let engine: OnestopEngine;
const applicant = { name: 'Phạm Thị Dung', idNumber: '001199000004' };
const at = (local: string) => new Date(`${local}+07:00`);

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDepartments(db.pool);
  clock = new FixedClock(at('2026-03-02T09:00:00'));
  engine = engineFor(db.pool, clock);
  const xml = await fixture('engine', 'deadlines.bpmn');
  await engine.deploy(xml);
  // The same procedure under the "extend" policy, as a province may choose.
  await engine.deploy(xml.replace('T.DEADLINES', 'T.EXTEND').replace('supplementPolicy="restart"', 'supplementPolicy="extend"'));
});
afterAll(() => db.drop());

async function open(code: string) {
  return (await engine.getDossier(code)).openTasks;
}

test('supplement under "restart": clocks stop while waiting and start again from zero', async () => {
  clock.set(at('2026-03-02T09:00:00'));
  const { code, dueAt, tasks } = await engine.submit('T.DEADLINES', { applicant, data: {} });
  expect(dueAt).toEqual(at('2026-03-04T09:00:00')); // P2D
  clock.set(at('2026-03-02T11:00:00'));
  const requested = await engine.requestSupplement(code, { actor: 'tuphap', department: 'TUPHAP_XA', reason: 'Thiếu giấy tờ', items: ['Bản sao CCCD'] });
  expect(requested.status).toBe('supplement_requested');
  expect((await engine.getDossier(code)).status.code).toBe(5);

  // Paused: even long past the old due times nothing is breached, and the
  // step cannot be completed.
  clock.set(at('2026-03-10T10:00:00'));
  await engine.sweepDeadlines();
  expect((await db.pool.query('SELECT count(*)::int AS n FROM breaches b JOIN dossiers d ON d.id = b.dossier_id WHERE d.code = $1', [code])).rows[0].n).toBe(0);
  await expect(engine.completeTask(tasks[0].id, { actor: 'tuphap', data: {} })).rejects.toBeInstanceOf(ConflictError);

  const received = await engine.receiveSupplement(code, { actor: 'desk' });
  expect(received.status).toBe('processing');
  // Restart: the full P2D again from Tuesday 10 March 10:00, the step's PT8H too.
  expect(received.dueAt).toEqual(at('2026-03-12T10:00:00'));
  expect((await open(code))[0].dueAt).toEqual(at('2026-03-11T10:00:00'));
  const slip = await engine.controlSlip(code);
  expect(slip[0].dueAt).toEqual(at('2026-03-11T10:00:00'));
});

test('supplement under "extend": the due dates move by the paused working time', async () => {
  clock.set(at('2026-03-02T09:00:00'));
  const { code } = await engine.submit('T.EXTEND', { applicant, data: {} });
  clock.set(at('2026-03-02T11:00:00')); // 2 working hours used
  await engine.requestSupplement(code, { actor: 'desk', department: null, reason: 'Thiếu', items: ['Tờ khai'] });
  clock.set(at('2026-03-05T14:00:00')); // back on Thursday 14:00
  const received = await engine.receiveSupplement(code, { actor: 'desk' });
  // 14 working hours were left of the dossier's 16: Thursday 14:00 + 14 h = Monday 9 March 11:00.
  expect(received.dueAt).toEqual(at('2026-03-09T11:00:00'));
  // 6 of the step's 8 hours were left: Thursday 14:00 + 6 h = Friday 11:00.
  expect((await open(code))[0].dueAt).toEqual(at('2026-03-06T11:00:00'));
});

test('a supplement is refused after 3 working days, and to a department holding no step', async () => {
  clock.set(at('2026-03-02T09:00:00'));
  const { code } = await engine.submit('T.DEADLINES', { applicant, data: {} });
  await expect(engine.requestSupplement(code, { actor: 'x', department: 'CONGAN_XA', reason: 'r', items: ['a'] })).rejects.toBeInstanceOf(ForbiddenError);
  clock.set(at('2026-03-05T09:01:00')); // 3 working days and a minute later
  const err = await engine.requestSupplement(code, { actor: 'x', department: 'TUPHAP_XA', reason: 'r', items: ['a'] }).catch((e) => e);
  expect(err).toBeInstanceOf(ValidationError);
  expect(err.message).toMatch(/within 3 working days/);
  expect((await engine.getDossier(code)).status.name).toBe('processing');
});

test('one apology letter moves the promised date; a second one is refused', async () => {
  clock.set(at('2026-03-02T09:00:00'));
  const { code, dueAt } = await engine.submit('T.DEADLINES', { applicant, data: {} });
  clock.set(at('2026-03-02T16:00:00'));
  await expect(engine.recordApology(code, { actor: 'desk', reason: 'x', responsibleDepartment: 'TUPHAP_XA', newDueAt: at('2026-03-07T09:00:00') }))
    .rejects.toThrow(/day off/); // a Saturday
  const apology = await engine.recordApology(code, { actor: 'desk', reason: 'Chờ xác minh', responsibleDepartment: 'TUPHAP_XA', newDueAt: at('2026-03-09T17:00:00') });
  expect(apology).toMatchObject({ previousDueAt: dueAt, dueAt: at('2026-03-09T17:00:00'), issuedInTime: true });
  expect((await engine.getDossier(code)).dueAt).toEqual(at('2026-03-09T17:00:00'));
  const second = await engine.recordApology(code, { actor: 'desk', reason: 'again', responsibleDepartment: 'TUPHAP_XA', newDueAt: at('2026-03-16T17:00:00') }).catch((e) => e);
  expect(second).toBeInstanceOf(ConflictError);
  expect(second.message).toMatch(/only once/);
  expect((await engine.getDossier(code)).dueAt).toEqual(at('2026-03-09T17:00:00'));
  // The old promised date passes without a breach; the new one is watched.
  clock.set(at('2026-03-05T09:00:00'));
  const swept = await engine.sweepDeadlines();
  expect(swept.breaches.filter((b) => b.dossierCode === code && !b.taskId)).toEqual([]);
});

test('an uncounted step (the citizen paying tax) moves the promised date by the time it took', async () => {
  clock.set(at('2026-03-02T09:00:00'));
  const { code, dueAt } = await engine.submit('T.DEADLINES', { applicant, data: {} });
  expect(dueAt).toEqual(at('2026-03-04T09:00:00'));
  clock.set(at('2026-03-02T13:00:00'));
  await engine.completeTask((await open(code))[0].id, { actor: 'tuphap', data: {} }); // 3 working hours used
  const pay = (await open(code))[0];
  expect(pay).toMatchObject({ elementId: 'Task_Pay', counted: false });

  // The citizen pays after 10 days; meanwhile the old promised date passes unbreached.
  clock.set(at('2026-03-12T13:00:00'));
  await engine.sweepDeadlines();
  expect((await db.pool.query('SELECT count(*)::int AS n FROM breaches b JOIN dossiers d ON d.id = b.dossier_id WHERE d.code = $1 AND b.task_id IS NULL', [code])).rows[0].n).toBe(0);
  await engine.completeTask(pay.id, { actor: 'thue', data: {} });
  // Monday 2 13:00 → Thursday 12 13:00 is 8 working days (64 h): the promise moves from Wed 4 09:00 to Mon 16 09:00.
  const dossier = await engine.getDossier(code);
  expect(dossier.dueAt).toEqual(at('2026-03-16T09:00:00'));
  const moved = (await engine.history(code)).find((e) => e.type === 'dossier.rescheduled');
  expect(moved?.payload).toMatchObject({ reason: 'uncounted step' });
  const done = await engine.completeTask((await open(code))[0].id, { actor: 'congan', data: {} });
  expect(done.status).toBe('resolved');
  expect((await engine.getDossier(code)).timeliness).toBe('early');
});

test('withdrawal cancels the open steps and nothing fires for them afterwards', async () => {
  clock.set(at('2026-03-02T09:00:00'));
  const { code, tasks } = await engine.submit('T.DEADLINES', { applicant, data: {} });
  const withdrawn = await engine.withdraw(code, { actor: 'desk', reason: 'Công dân rút hồ sơ' });
  expect(withdrawn.status).toBe('withdrawn');
  expect((await engine.getDossier(code)).status.code).toBe(7);
  clock.set(at('2026-03-20T09:00:00'));
  const swept = await engine.sweepDeadlines();
  expect(swept.breaches.filter((b) => b.dossierCode === code)).toEqual([]);
  await expect(engine.completeTask(tasks[0].id, { actor: 'x', data: {} })).rejects.toBeInstanceOf(ConflictError);
  await expect(engine.returnResult(code, { actor: 'desk' })).rejects.toBeInstanceOf(ConflictError);
});
