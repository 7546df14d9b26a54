import { bearer, createKey, createTestbed, type Testbed } from './support/apiTestbed.js';

// An administrator adds a rule with its effective date through the API; the
// rule in force before it is closed where it starts, bad ones are refused.

let tb: Testbed;
beforeAll(async () => {
  tb = await createTestbed();
});
afterAll(() => tb.close());

test('the rules are listed with their validity; a new cut-off closes the old one; an overlap or a malformed body is refused with the reason', async () => {
  const admin = bearer(tb.admin);
  const desk = bearer(await createKey(tb, 'desk'));
  const listed = (await tb.api.get('/api/rules').set(desk).expect(200)).body.items as Array<{ id: string; kind: string; validFrom: string; validTo: string | null }>;
  expect(listed).toContainEqual(expect.objectContaining({ id: 'holiday-culture-day', kind: 'holiday', validFrom: '2026-06-30T17:00:00.000Z', validTo: null }));
  expect(listed).toContainEqual(expect.objectContaining({ id: 'cutoff-1500', kind: 'cutoff', validTo: null }));

  const added = await tb.api.post('/api/rules').set(admin).send({ id: 'cutoff-1630-2027', kind: 'cutoff', body: { time: '16:30' }, validFrom: '2027-01-01T00:00:00+07:00', validTo: null }).expect(201);
  expect(added.body).toEqual({ id: 'cutoff-1630-2027', kind: 'cutoff', body: { time: '16:30' }, validFrom: '2026-12-31T17:00:00.000Z', validTo: null });
  const after = (await tb.api.get('/api/rules').set(admin).expect(200)).body.items as Array<{ id: string; validTo: string | null }>;
  expect(after.find((r) => r.id === 'cutoff-1500')?.validTo).toBe('2026-12-31T17:00:00.000Z');

  const twice = await tb.api.post('/api/rules').set(admin).send({ id: 'cutoff-1630-2027', kind: 'cutoff', body: { time: '16:30' }, validFrom: '2028-01-01T00:00:00+07:00', validTo: null }).expect(422);
  expect(twice.body.detail).toMatch(/used twice/);
  const badTime = await tb.api.post('/api/rules').set(admin).send({ id: 'cutoff-bad', kind: 'cutoff', body: { time: '25:00' }, validFrom: '2029-01-01T00:00:00+07:00', validTo: null }).expect(422);
  expect(badTime.body.detail).toMatch(/HH:MM/);
  await tb.api.post('/api/rules').set(desk).send({ id: 'x', kind: 'cutoff', body: { time: '16:00' }, validFrom: '2029-01-01T00:00:00+07:00', validTo: null }).expect(403);
});
