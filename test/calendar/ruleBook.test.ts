// The rule records in the database: seeded once, changed by adding a record
// with its effective date, and the sets dossiers are pinned to kept whole.
import { RuleBook } from '../../engine/calendar/ruleBook.js';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

const local = (isoLocal: string) => new Date(`${isoLocal}+07:00`);

it('seeds the national records once, pins sets, and keeps a pinned set whole after a later change', async () => {
  const book = new RuleBook(db.pool);
  await book.ready();
  const { rows: [{ n }] } = await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM rule_records');
  expect(n).toBe(book.list().length);
  await new RuleBook(db.pool).load(); // a second server seeds nothing twice
  expect((await db.pool.query('SELECT 1 FROM rule_records')).rowCount).toBe(n);

  const pinned = await book.pin(db.pool, local('2026-12-15T10:00'));
  expect(pinned.cutoff).toBe('15:00');

  await book.add({ id: 'cutoff-1630-2027', kind: 'cutoff', body: { time: '16:30' }, validFrom: '2027-01-01T00:00:00+07:00', validTo: null });
  const restarted = new RuleBook(db.pool);
  await restarted.load();
  expect(restarted.byId(pinned.id)).toEqual(pinned);
  expect(restarted.inForceAt(local('2026-12-15T10:00')).id).toBe(pinned.id);
  expect(restarted.inForceAt(local('2027-01-04T10:00')).cutoff).toBe('16:30');
  const { rows } = await db.pool.query("SELECT valid_to FROM rule_records WHERE id = 'cutoff-1500'");
  expect(rows[0].valid_to.toISOString()).toBe(local('2027-01-01T00:00').toISOString());
});

it('refuses a record that would leave two cut-offs in force', async () => {
  const book = new RuleBook(db.pool);
  await book.ready();
  await expect(book.add({ id: 'cutoff-old', kind: 'cutoff', body: { time: '14:00' }, validFrom: '2020-01-01T00:00:00+07:00', validTo: '2030-01-01T00:00:00+07:00' }))
    .rejects.toThrow(/both in force/);
  await expect(book.add({ id: 'bad-holiday', kind: 'holiday', body: { id: 'x', name: '', calendar: 'solar', month: 13, day: 1, validFrom: '2027-01-01' }, validFrom: '2027-01-01T00:00:00+07:00', validTo: null }))
    .rejects.toThrow(/month must be 1..12/);
});
