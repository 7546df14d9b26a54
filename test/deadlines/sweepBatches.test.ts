import { createTestDatabase, type TestDatabase } from '../support/testDatabase.js';
import { FixedClock } from '../support/fixedClock.js';
import { engineFor, fixture, seedDepartments } from '../support/engineHarness.js';
import { sweepDeadlines } from '../../engine/deadlines/sweepDeadlines.js';
import type { OnestopEngine } from '../../engine/onestopEngine.js';

// The sweep records in bounded batches (a restart on a big database must not
// run one statement past the timeout). Here a batch holds one deadline.

let db: TestDatabase;
let clock: FixedClock;
let engine: OnestopEngine;
const applicant = { name: 'Trần Văn Bình', idNumber: '001088000007' };
const at = (local: string) => new Date(`${local}+07:00`);

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDepartments(db.pool);
  clock = new FixedClock(at('2026-02-27T09:00:00'));
  engine = engineFor(db.pool, clock);
  await engine.deploy(await fixture('engine', 'deadlines.bpmn'));
});
afterAll(() => db.drop());

async function stepBreaches(code: string) {
  const { rows } = await db.pool.query<{ dueAt: Date }>(
    `SELECT b.due_at AS "dueAt" FROM breaches b JOIN dossiers d ON d.id = b.dossier_id WHERE d.code = $1 AND b.task_id IS NOT NULL ORDER BY b.id`,
    [code],
  );
  return rows;
}

test('a backlog larger than a batch is recorded batch after batch, each breach once, with two servers sweeping at once; a paused dossier holds no batch', async () => {
  // Friday: a dossier whose step falls due first, paused for a supplement at once.
  const paused = await engine.submit('T.DEADLINES', { applicant, data: {} });
  await engine.requestSupplement(paused.code, { actor: 'tuphap', department: 'TUPHAP_XA', reason: 'Thiếu giấy tờ', items: ['Bản sao CCCD'] });
  // Monday: five dossiers whose steps fall due on Tuesday 09:00.
  clock.set(at('2026-03-02T09:00:00'));
  const late = [];
  for (let i = 0; i < 5; i++) late.push(await engine.submit('T.DEADLINES', { applicant, data: {} }));
  expect(late[0].tasks[0].dueAt).toEqual(at('2026-03-03T09:00:00'));

  clock.set(at('2026-03-03T10:00:00'));
  const other = engineFor(db.pool, clock);
  const [a, b] = await Promise.all([sweepDeadlines(engine.context, 1), sweepDeadlines(other.context, 1)]);
  const recorded = [...a.breaches, ...b.breaches].filter((r) => r.taskId).map((r) => r.dossierCode).sort();
  expect(recorded).toEqual(late.map((d) => d.code).sort());
  for (const d of late) {
    expect(await stepBreaches(d.code)).toEqual([{ dueAt: at('2026-03-03T09:00:00') }]);
    expect((await engine.history(d.code)).filter((e) => e.type === 'task.breached')).toHaveLength(1);
  }
  expect(await stepBreaches(paused.code)).toEqual([]);

  // The supplement received: the step's clock starts again, and its new due time is swept like any other.
  const received = await engine.receiveSupplement(paused.code, { actor: 'desk' });
  const restarted = (await engine.getDossier(paused.code)).openTasks[0].dueAt!;
  expect(received.status).toBe('processing');
  expect(restarted).toEqual(at('2026-03-04T10:00:00'));
  clock.set(restarted);
  await Promise.all([sweepDeadlines(engine.context, 1), sweepDeadlines(other.context, 1)]);
  await sweepDeadlines(engine.context, 1);
  expect(await stepBreaches(paused.code)).toEqual([{ dueAt: restarted }]);
  for (const d of late) expect(await stepBreaches(d.code)).toHaveLength(1);
});
