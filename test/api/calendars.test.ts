import { bearer, createTestbed, ADMIN_TOKEN, type Testbed } from './support/apiTestbed.js';

// An administrator keeps the yearly table of day swaps through the API.

let tb: Testbed;
beforeAll(async () => {
  tb = await createTestbed();
});
afterAll(() => tb.close());

test('the administrator adds, lists and removes a day swap; bad ones are refused with the reason', async () => {
  const admin = bearer(ADMIN_TOKEN);
  const listed = await tb.api.get('/api/calendars').set(admin).expect(200);
  const calendar = listed.body.items.find((c: { id: string }) => c.id === 'vn-default');
  expect(calendar.cutoff).toBe('15:00');
  expect(calendar.daySwaps).toContainEqual(expect.objectContaining({ date: '2025-04-26', kind: 'work' }));

  const set = await tb.api.put('/api/calendars/vn-default/day-swaps/2027-09-03').set(admin).send({ kind: 'off', reason: 'Nghỉ Quốc khánh (liền kề)' }).expect(200);
  expect(set.body.daySwaps).toContainEqual({ date: '2027-09-03', kind: 'off', reason: 'Nghỉ Quốc khánh (liền kề)' });

  const impossible = await tb.api.put('/api/calendars/vn-default/day-swaps/2027-02-30').set(admin).send({ kind: 'off' }).expect(422);
  expect(impossible.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(impossible.body.detail).toMatch(/2027-02-30/);
  await tb.api.put('/api/calendars/vn-default/day-swaps/2027-09-04').set(admin).send({ kind: 'holiday' }).expect(400);
  await tb.api.put('/api/calendars/nowhere/day-swaps/2027-09-04').set(admin).send({ kind: 'off' }).expect(404);

  await tb.api.delete('/api/calendars/vn-default/day-swaps/2027-09-03').set(admin).expect(204);
  await tb.api.delete('/api/calendars/vn-default/day-swaps/2027-09-03').set(admin).expect(404);
  const after = await tb.api.get('/api/calendars').set(admin).expect(200);
  expect(after.body.items[0].daySwaps.find((s: { date: string }) => s.date === '2027-09-03')).toBeUndefined();
});
