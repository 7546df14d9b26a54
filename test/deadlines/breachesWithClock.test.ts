import { createTestDatabase, type TestDatabase } from '../support/testDatabase.js';
import { FixedClock } from '../support/fixedClock.js';
import { engineFor, fixture, seedDepartments } from '../support/engineHarness.js';
import type { OnestopEngine } from '../../engine/onestopEngine.js';

let db: TestDatabase;
let clock: FixedClock;
let engine: OnestopEngine;
const applicant = { name: 'Lê Văn Cường', idNumber: '001077000003' };
const at = (local: string) => new Date(`${local}+07:00`);

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDepartments(db.pool);
  clock = new FixedClock(at('2026-03-02T09:00:00'));
  engine = engineFor(db.pool, clock);
  await engine.deploy(await fixture('engine', 'linked.bpmn'));
});
afterAll(() => db.drop());

async function breachesOf(code: string) {
  const { rows } = await db.pool.query(
    `SELECT b.task_id AS "taskId", b.department, b.due_at AS "dueAt", b.detected_at AS "detectedAt", b.closed_at AS "closedAt"
       FROM breaches b JOIN dossiers d ON d.id = b.dossier_id WHERE d.code = $1 ORDER BY b.id`,
    [code],
  );
  return rows;
}

test('a step not done by its due time is recorded as breached at that minute, once', async () => {
  clock.set(at('2026-03-02T09:00:00'));
  const { code, tasks } = await engine.submit('T.LINKED', { applicant, data: { childName: 'A', area: 1 } });
  const due = at('2026-03-03T09:00:00'); // PT8H from Monday 09:00, lunch skipped
  expect(tasks[0].dueAt).toEqual(due);

  clock.set(new Date(due.getTime() - 60_000));
  await engine.sweepDeadlines();
  expect(await breachesOf(code)).toEqual([]);

  clock.set(due);
  const swept = await engine.sweepDeadlines();
  expect(swept.breaches.filter((b) => b.dossierCode === code)).toHaveLength(1);
  expect(await breachesOf(code)).toEqual([{ taskId: tasks[0].id, department: 'TUPHAP_XA', dueAt: due, detectedAt: due, closedAt: null }]);

  // Later sweeps (or a timer firing late) never record it again.
  clock.advance(5 * 60_000);
  await engine.sweepDeadlines();
  expect(await breachesOf(code)).toHaveLength(1);
  const history = await engine.history(code);
  expect(history.filter((e) => e.type === 'task.breached')).toHaveLength(1);

  // Completing the late step closes the breach and classifies the step late.
  const done = await engine.completeTask(tasks[0].id, { actor: 'officer', data: { certificateNumber: '1' } });
  expect(done.timeliness).toBe('late');
  expect((await breachesOf(code))[0].closedAt).toEqual(clock.now());
});

test('a step completed one minute before its due time is on time and never breached', async () => {
  clock.set(at('2026-03-09T09:00:00'));
  const { code, tasks } = await engine.submit('T.LINKED', { applicant, data: { childName: 'B', area: 1 } });
  clock.set(at('2026-03-10T08:59:00'));
  const done = await engine.completeTask(tasks[0].id, { actor: 'officer', data: { certificateNumber: '2' } });
  expect(done.timeliness).toBe('on_time');
  clock.set(at('2026-03-10T09:00:00'));
  await engine.sweepDeadlines();
  expect((await breachesOf(code)).filter((b) => b.taskId === tasks[0].id)).toEqual([]);
});

test('the holder is warned before the breach: half-way through a short allotment', async () => {
  clock.set(at('2026-03-16T09:00:00'));
  const { code, tasks } = await engine.submit('T.LINKED', { applicant, data: { childName: 'C', area: 1 } });
  // PT8H is shorter than twice the 1-day lead: warn after 4 working hours,
  // 09:00-12:00 and 13:00-14:00.
  const warnRows = async () => (await db.pool.query(
    'SELECT w.task_id AS "taskId", w.warn_at AS "warnAt" FROM deadline_warnings w JOIN dossiers d ON d.id = w.dossier_id WHERE d.code = $1 AND w.task_id IS NOT NULL',
    [code],
  )).rows;
  clock.set(at('2026-03-16T13:59:00'));
  await engine.sweepDeadlines();
  expect(await warnRows()).toEqual([]);
  clock.set(at('2026-03-16T14:00:00'));
  await engine.sweepDeadlines();
  expect(await warnRows()).toEqual([{ taskId: tasks[0].id, warnAt: at('2026-03-16T14:00:00') }]);
  expect(await breachesOf(code)).toEqual([]);
  const history = (await engine.history(code)).map((e) => e.type);
  expect(history).toContain('task.warning');
});

test('a dossier received at 15:30 on the Friday before Tết starts its clock on the first working morning after it', async () => {
  clock.set(at('2025-01-24T15:45:00'));
  const submitted = await engine.submit('T.LINKED', { applicant, data: { childName: 'D', area: 1 }, receivedAt: at('2025-01-24T15:30:00') });
  expect(submitted.receivedAt).toEqual(at('2025-01-24T15:30:00'));
  expect(submitted.clockStartedAt).toEqual(at('2025-02-03T08:00:00'));
  expect(submitted.code).toMatch(/-250124-\d{4}$/);
  // P5D = 40 working hours from Monday 3 Feb 08:00 = Friday 7 Feb 17:00.
  expect(submitted.dueAt).toEqual(at('2025-02-07T17:00:00'));
  // The first step (PT8H) is due at the end of that Monday.
  expect(submitted.tasks[0].dueAt).toEqual(at('2025-02-03T17:00:00'));
});

test('the promised date is breached when the dossier is not resolved by it', async () => {
  clock.set(at('2026-04-01T09:00:00'));
  const { code, dueAt } = await engine.submit('T.LINKED', { applicant, data: { childName: 'E', area: 1 } });
  clock.set(dueAt!);
  await engine.sweepDeadlines();
  const dossierBreach = (await breachesOf(code)).filter((b) => b.taskId === null);
  expect(dossierBreach).toEqual([{ taskId: null, department: null, dueAt, detectedAt: dueAt, closedAt: null }]);
});

test('a step completed after its due time has its breach even when no timer or sweep recorded it first', async () => {
  clock.set(at('2026-04-06T09:00:00'));
  const { code, tasks } = await engine.submit('T.LINKED', { applicant, data: { childName: 'F', area: 1 } });
  clock.set(at('2026-04-07T09:00:30')); // 30 s late, before any sweep
  const done = await engine.completeTask(tasks[0].id, { actor: 'officer', data: { certificateNumber: '3' } });
  expect(done.timeliness).toBe('late');
  expect(await breachesOf(code)).toEqual([
    { taskId: tasks[0].id, department: 'TUPHAP_XA', dueAt: at('2026-04-07T09:00:00'), detectedAt: clock.now(), closedAt: clock.now() },
  ]);
  // A sweep afterwards adds nothing.
  await engine.sweepDeadlines();
  expect((await breachesOf(code)).filter((b) => b.taskId === tasks[0].id)).toHaveLength(1);
});
