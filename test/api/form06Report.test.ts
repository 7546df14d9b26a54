import { bearer, birthDossier, BIRTH_STEP_DATA, createKey, createTestbed, sample, type Testbed } from './support/apiTestbed.js';
import { FORM06_COLUMNS } from '../../engine/reports/form06Report.js';

// The statutory report over a month with a dossier of every kind: carried
// over from February, received by each channel, resolved early, on time and
// late after an apology, withdrawn, pending overdue, waiting for a supplement,
// and one of the next month that must not count.

let tb: Testbed;
let supervisor: string;
const codes: Record<string, string> = {};

async function submit(name: string, at: string, channel: string) {
  tb.clock.set(at);
  const { procedureCode, ...input } = birthDossier({ channel });
  const r = await tb.engine.submit(procedureCode, { ...input, channel: channel as 'online', actor: 'desk' });
  codes[name] = r.code;
  return r;
}

async function resolve(name: string, at: string) {
  tb.clock.set(at);
  const d = await tb.engine.getDossier(codes[name]);
  const next = await tb.engine.completeTask(d.openTasks[0].id, { actor: 'o', data: BIRTH_STEP_DATA.Task_RegisterBirth });
  for (const t of next.openTasks) await tb.engine.completeTask(t.id, { actor: 'o', data: BIRTH_STEP_DATA[t.elementId as keyof typeof BIRTH_STEP_DATA] });
  expect((await tb.engine.getDossier(codes[name])).status.name).toBe('resolved');
}

beforeAll(async () => {
  tb = await createTestbed();
  supervisor = await createKey(tb, 'supervisor');
  await tb.engine.deploy(await sample('birth-residence-insurance.bpmn'));

  // A: Thursday 26 February, in person; due Tuesday 3 March 09:00; resolved that morning at 08:30 → on time.
  await submit('A', '2026-02-26T09:00:00+07:00', 'direct');
  expect((await tb.engine.getDossier(codes.A)).dueAt?.toISOString()).toBe('2026-03-03T02:00:00.000Z');
  // Monday 2 March, due Thursday 5 March 09:00.
  await submit('B', '2026-03-02T09:00:00+07:00', 'post'); // never touched → overdue at the end of March
  await submit('C', '2026-03-02T09:00:00+07:00', 'online'); // apology to 10 March, resolved 11 March → late with apology
  await submit('D', '2026-03-02T09:00:00+07:00', 'online'); // withdrawn
  await submit('F', '2026-03-02T09:00:00+07:00', 'direct'); // waiting for a supplement
  await submit('G', '2026-03-02T09:00:00+07:00', 'online'); // resolved Tuesday → early

  tb.clock.set('2026-03-02T10:00:00+07:00');
  await tb.engine.requestSupplement(codes.F, { actor: 'desk', department: null, reason: 'thiếu giấy', items: ['Giấy chứng sinh'] });
  await resolve('A', '2026-03-03T08:30:00+07:00');
  await resolve('G', '2026-03-03T10:00:00+07:00');
  tb.clock.set('2026-03-03T10:30:00+07:00');
  await tb.engine.withdraw(codes.D, { actor: 'desk' });
  await tb.engine.recordApology(codes.C, { actor: 'desk', reason: 'Chờ xác minh', responsibleDepartment: 'CONGAN_XA', newDueAt: new Date('2026-03-10T09:00:00+07:00') });
  await resolve('C', '2026-03-11T09:00:00+07:00');
  await submit('E', '2026-04-01T09:00:00+07:00', 'online');
  tb.clock.set('2026-04-02T09:00:00+07:00');
});
afterAll(() => tb.close());

const EMPTY = { receivedOnline: 0, receivedDirect: 0, receivedPost: 0, carriedOver: 0, resolvedTotal: 0, resolvedEarly: 0, resolvedOnTime: 0, resolvedLate: 0, lateWithApology: 0, lateWithoutApology: 0, pendingTotal: 0, pendingWithinDeadline: 0, pendingOverdue: 0, withdrawn: 0, awaitingSupplement: 0 };

test('March by procedure: every column, the total row and the progress ratio', async () => {
  const report = (await tb.api.get('/api/reports/form06?from=2026-03-01&to=2026-03-31').set(bearer(supervisor)).expect(200)).body;
  expect(report).toMatchObject({ groupBy: 'procedure', from: '2026-03-01', to: '2026-03-31', asOf: '2026-03-31T17:00:00.000Z' });
  const expected = {
    ...EMPTY,
    key: '2.002621',
    receivedTotal: 6, receivedOnline: 3, receivedDirect: 1, receivedPost: 1, carriedOver: 1,
    resolvedTotal: 3, resolvedEarly: 1, resolvedOnTime: 1, resolvedLate: 1, lateWithApology: 1,
    pendingTotal: 2, pendingWithinDeadline: 1, pendingOverdue: 1, awaitingSupplement: 1,
    withdrawn: 1,
    // (early 1 + on time 1 + within deadline 1) ÷ (resolved 3 + pending 2)
    progressRatio: 0.6,
  };
  expect(report.rows).toEqual([{ ...expected, name: expect.stringMatching(/^Đăng ký khai sinh/) }]);
  expect(report.total).toEqual({ ...expected, key: 'TOTAL', name: 'Tổng cộng' });
  // Everything received is resolved, pending or withdrawn.
  const r = report.total;
  expect(r.receivedTotal).toBe(r.resolvedTotal + r.pendingTotal + r.withdrawn);
});

test('February: A is received and pending within its deadline; the April dossier counts in April only', async () => {
  const feb = (await tb.api.get('/api/reports/form06?from=2026-02-01&to=2026-02-28').set(bearer(supervisor)).expect(200)).body;
  expect(feb.total).toMatchObject({ ...EMPTY, receivedTotal: 1, receivedDirect: 1, pendingTotal: 1, pendingWithinDeadline: 1, progressRatio: 1 });
  // April is not over: pending is measured now.
  const apr = (await tb.api.get('/api/reports/form06?from=2026-04-01&to=2026-04-30').set(bearer(supervisor)).expect(200)).body;
  expect(apr.asOf).toBe('2026-04-02T02:00:00.000Z');
  expect(apr.total).toMatchObject({ receivedOnline: 1, carriedOver: 2, pendingTotal: 3, pendingOverdue: 1, awaitingSupplement: 1, resolvedTotal: 0 });
});

test('by department: each step against its own allotment', async () => {
  const report = (await tb.api.get('/api/reports/form06?from=2026-03-01&to=2026-03-31&groupBy=department').set(bearer(supervisor)).expect(200)).body;
  const civil = report.rows.find((r: { key: string }) => r.key === 'TUPHAP_XA');
  // Six birth-registration steps in March (A carried over); three done (A, G early; C late); D's cancelled by the withdrawal.
  expect(civil).toMatchObject({ carriedOver: 1, receivedTotal: 6, resolvedTotal: 3, withdrawn: 1, pendingTotal: 2, awaitingSupplement: 1 });
  expect(report.rows.map((r: { key: string }) => r.key)).toEqual(['BHXH', 'CONGAN_XA', 'TUPHAP_XA']);
});

test('the same report as CSV, for a spreadsheet', async () => {
  const res = await tb.api.get('/api/reports/form06?from=2026-03-01&to=2026-03-31').set(bearer(supervisor)).set('Accept', 'text/csv').expect(200);
  expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
  expect(res.headers['content-disposition']).toBe('attachment; filename="form06-procedure-2026-03-01-2026-03-31.csv"');
  expect(res.text.startsWith('\uFEFF')).toBe(true);
  const lines = res.text.slice(1).trimEnd().split('\r\n');
  expect(lines[0]).toBe(FORM06_COLUMNS.join(','));
  expect(lines).toHaveLength(3);
  // The procedure's name has commas: quoted.
  expect(lines[1]).toMatch(/^2\.002621,"Đăng ký khai sinh, đăng ký thường trú, [^"]+",6,3,1,1,1,3,1,1,1,1,0,2,1,1,1,1,0\.6$/);
  expect(lines[2]).toBe('TOTAL,Tổng cộng,6,3,1,1,1,3,1,1,1,1,0,2,1,1,1,1,0.6');
});

test('a period that ends before it starts is refused', async () => {
  const res = await tb.api.get('/api/reports/form06?from=2026-03-31&to=2026-03-01').set(bearer(supervisor)).expect(400);
  expect(res.body.detail).toMatch(/after query\/to/);
});
