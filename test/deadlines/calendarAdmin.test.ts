import { createTestDatabase, type TestDatabase } from '../support/testDatabase.js';
import { FixedClock } from '../support/fixedClock.js';
import { fixture, seedDepartments } from '../support/engineHarness.js';
import { createOnestopEngine } from '../../engine/onestopEngine.js';
import { calendarTimeRules } from '../../engine/deadlines/calendarTimeRules.js';
import { CalendarRegistry } from '../../engine/calendar/calendarRegistry.js';
import { removeDaySwap, setDaySwap } from '../../engine/calendar/editCalendar.js';
import { ValidationError } from '../../engine/errors.js';

let db: TestDatabase;
const at = (local: string) => new Date(`${local}+07:00`);
const applicant = { name: 'Vũ Thị Giang', idNumber: '001185000006' };

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDepartments(db.pool);
});
afterAll(() => db.drop());

test('an administrator adds a day off to the stored calendar and new due dates skip it', async () => {
  const registry = new CalendarRegistry(db.pool);
  await registry.load();
  const { rows } = await db.pool.query(`SELECT count(*)::int AS n FROM calendar_day_swaps WHERE calendar_id = 'vn-default'`);
  expect(rows[0].n).toBeGreaterThan(30); // the official table, seeded on first start
  const clock = new FixedClock(at('2026-03-04T09:00:00')); // Wednesday
  const engine = createOnestopEngine({ pool: db.pool, time: calendarTimeRules(clock.now, registry) });
  await engine.deploy(await fixture('engine', 'deadlines.bpmn'));

  const before = await engine.submit('T.DEADLINES', { applicant, data: {} });
  expect(before.dueAt).toEqual(at('2026-03-06T09:00:00')); // P2D → Friday 09:00

  await setDaySwap(db.pool, registry, 'vn-default', { date: '2026-03-06', kind: 'off', reason: 'Nghỉ bù (thử nghiệm)' });
  const after = await engine.submit('T.DEADLINES', { applicant, data: {} });
  expect(after.dueAt).toEqual(at('2026-03-09T09:00:00')); // Friday off → Monday 09:00
  // The dossier received before the change keeps the date it was promised.
  expect((await engine.getDossier(before.code)).dueAt).toEqual(at('2026-03-06T09:00:00'));

  await expect(setDaySwap(db.pool, registry, 'vn-default', { date: '2026-02-30', kind: 'off' })).rejects.toBeInstanceOf(ValidationError);
  await removeDaySwap(db.pool, registry, 'vn-default', '2026-03-06');
  expect((await engine.submit('T.DEADLINES', { applicant, data: {} })).dueAt).toEqual(at('2026-03-06T09:00:00'));
});
