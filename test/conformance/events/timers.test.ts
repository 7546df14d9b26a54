import { createTestDatabase, type TestDatabase } from '../../support/testDatabase.js';
import { FixedClock } from '../../support/fixedClock.js';
import { engineFor, fixture, seedDepartments } from '../../support/engineHarness.js';
import { expectEveryDossierWaits } from '../../support/invariant.js';
import type { OnestopEngine } from '../../../engine/onestopEngine.js';

// Timers walked on a real PostgreSQL with a clock moved by hand; the sweep
// (what the scheduler runs at start-up and every minute) fires them.

let db: TestDatabase;
let clock: FixedClock;
let engine: OnestopEngine;
const applicant = { name: 'Trần Thị Bình', idNumber: '001088000002' };

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDepartments(db.pool);
  // Monday 2 March 2026, 09:00 in Hanoi.
  clock = new FixedClock('2026-03-02T09:00:00+07:00');
  engine = engineFor(db.pool, clock);
  for (const f of ['intermediate-timer', 'boundary-timer-interrupting', 'boundary-timer-cycle', 'timer-date']) {
    await engine.deploy(await fixture('bpmn', 'events', `${f}.bpmn`));
  }
});

afterEach(() => expectEveryDossierWaits(db.pool));
afterAll(() => db.drop());

const HOUR = 3_600_000;
const open = async (code: string) => (await engine.getDossier(code)).openTasks.map((t) => t.elementId).sort();
const history = async (code: string) => (await engine.history(code)).map((e) => e.type);
async function timers(code: string) {
  const { rows } = await db.pool.query(`SELECT w.element_id, w.due_at, w.status FROM waits w JOIN dossiers d ON d.id = w.dossier_id WHERE d.code = $1 AND w.kind = 'timer' ORDER BY w.id`, [code]);
  return rows as Array<{ element_id: string; due_at: Date; status: string }>;
}
async function complete(code: string, elementId: string) {
  const task = (await engine.getDossier(code)).openTasks.find((t) => t.elementId === elementId);
  if (!task) throw new Error(`${elementId} is not open on ${code}`);
  return engine.completeTask(task.id, { actor: 'officer' });
}

test('an intermediate timer PT2H counts working time, waits with no step open, and fires once', async () => {
  clock.set('2026-03-02T11:00:00+07:00');
  const d = await engine.submit('EV.TIMER', { applicant, data: {} });
  expect(d.status).toBe('processing');
  expect(d.tasks).toEqual([]);
  // 11:00 + 2 working hours, across the lunch break: 14:00.
  expect((await timers(d.code)).map((t) => [t.element_id, t.due_at.toISOString(), t.status])).toEqual([
    ['Timer_Notice', new Date('2026-03-02T14:00:00+07:00').toISOString(), 'open'],
  ]);

  clock.set('2026-03-02T13:59:00+07:00');
  expect(await engine.fireDueTimers()).toBe(0);
  expect(await open(d.code)).toEqual([]);

  clock.set('2026-03-02T14:00:00+07:00');
  expect(await engine.fireDueTimers()).toBe(1);
  expect(await open(d.code)).toEqual(['Task_Decide']);
  expect(await engine.fireDueTimers()).toBe(0);
  expect((await history(d.code)).filter((t) => t === 'timer.fired')).toHaveLength(1);
  expect((await timers(d.code))[0].status).toBe('fired');

  await complete(d.code, 'Task_Decide');
  expect((await engine.getDossier(d.code)).status.name).toBe('resolved');
});

test('an interrupting boundary timer P2D (2 working days) withdraws the step and routes the escalation', async () => {
  // Friday 6 March 09:00: two working days end on Tuesday 10 March 09:00.
  clock.set('2026-03-06T09:00:00+07:00');
  const d = await engine.submit('EV.BOUNDARY', { applicant, data: {} });
  expect(await open(d.code)).toEqual(['Task_Check']);
  expect((await timers(d.code)).map((t) => t.due_at.toISOString())).toEqual([new Date('2026-03-10T09:00:00+07:00').toISOString()]);

  // Monday: not yet due on the working clock, though 72 calendar hours passed.
  clock.set('2026-03-09T10:00:00+07:00');
  expect(await engine.fireDueTimers()).toBe(0);
  expect(await open(d.code)).toEqual(['Task_Check']);

  clock.set('2026-03-10T09:00:00+07:00');
  expect(await engine.fireDueTimers()).toBe(1);
  expect(await open(d.code)).toEqual(['Task_Head']);
  const types = await history(d.code);
  expect(types).toEqual(expect.arrayContaining(['timer.fired', 'task.cancelled', 'task.created']));

  await complete(d.code, 'Task_Head');
  expect((await engine.getDossier(d.code)).status.name).toBe('resolved');
});

test('a boundary timer whose step was completed first does nothing', async () => {
  clock.set('2026-03-02T09:00:00+07:00');
  const d = await engine.submit('EV.BOUNDARY', { applicant, data: {} });
  clock.advance(HOUR);
  await complete(d.code, 'Task_Check');
  expect((await timers(d.code)).map((t) => t.status)).toEqual(['cancelled']);
  clock.set('2026-03-20T09:00:00+07:00');
  await engine.fireDueTimers();
  const dossier = await engine.getDossier(d.code);
  expect(dossier.status.name).toBe('resolved');
  expect(await history(d.code)).not.toContain('timer.fired');
});

test('a non-interrupting cycle R2/PT4H on the calendar clock reminds twice while the step stays open', async () => {
  clock.set('2026-03-02T09:00:00+07:00');
  const d = await engine.submit('EV.REMINDER', { applicant, data: {} });
  expect((await timers(d.code)).map((t) => t.due_at.toISOString())).toEqual([new Date('2026-03-02T13:00:00+07:00').toISOString()]);

  clock.set('2026-03-02T13:00:00+07:00');
  expect(await engine.fireDueTimers()).toBe(1);
  expect(await open(d.code)).toEqual(['Task_Check', 'Task_Remind']);
  // The next repetition counts from this firing: 17:00 calendar time.
  expect((await timers(d.code)).map((t) => [t.status, t.due_at.toISOString()])).toEqual([
    ['fired', new Date('2026-03-02T13:00:00+07:00').toISOString()],
    ['open', new Date('2026-03-02T17:00:00+07:00').toISOString()],
  ]);
  clock.set('2026-03-02T17:00:00+07:00');
  expect(await engine.fireDueTimers()).toBe(1);
  // R2: two repetitions only.
  expect((await timers(d.code)).filter((t) => t.status === 'open')).toEqual([]);
  // bpmn-elements runs one execution of an activity at a time: the second
  // reminder is routed once the first is done.
  expect(await open(d.code)).toEqual(['Task_Check', 'Task_Remind']);
  await complete(d.code, 'Task_Remind');
  expect(await open(d.code)).toEqual(['Task_Check', 'Task_Remind']);
  await complete(d.code, 'Task_Remind');
  await complete(d.code, 'Task_Check');
  expect((await engine.getDossier(d.code)).status.name).toBe('resolved');
});

test('a timeDate timer fires on its date', async () => {
  clock.set('2026-03-02T09:00:00+07:00');
  const d = await engine.submit('EV.DATE', { applicant, data: {} });
  expect((await timers(d.code)).map((t) => t.due_at.toISOString())).toEqual([new Date('2026-03-10T08:00:00+07:00').toISOString()]);
  clock.set('2026-03-10T08:00:00+07:00');
  expect(await engine.fireDueTimers()).toBe(1);
  expect(await open(d.code)).toEqual(['Task_Hear']);
});
