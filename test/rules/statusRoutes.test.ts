import { bearer, birthDossier, createKey, createTestbed, sample, type Testbed } from '../api/support/apiTestbed.js';
import { applicant, WITH_FEE } from './lifecycleProcedures.js';

// The status lifecycle over HTTP: each move answers the status name and its
// portal code, each impossible one 409 with a sentence; every response is
// checked against the OpenAPI document.

let tb: Testbed;
let desk: string;
let civil: string;

beforeAll(async () => {
  tb = await createTestbed();
  desk = await createKey(tb, 'desk');
  civil = await createKey(tb, 'officer', 'TUPHAP_XA');
  const analyst = await createKey(tb, 'analyst');
  await tb.api.post('/api/procedures').set(bearer(analyst)).set('Content-Type', 'application/xml').send(await sample('birth-residence-insurance.bpmn')).expect(201);
  await tb.api.post('/api/procedures').set(bearer(analyst)).set('Content-Type', 'application/xml').send(WITH_FEE).expect(201);
});
afterAll(() => tb.close());

const fileOnline = async () => (await tb.api.post('/api/dossiers').set(bearer(desk)).send({ ...birthDossier(), check: true }).expect(201)).body;

test('filed with check: status 1; accepted: 4 with its clock and steps; accepted again: 409', async () => {
  tb.clock.set('2026-03-02T09:00:00+07:00');
  const filed = await fileOnline();
  expect(filed).toMatchObject({ status: { name: 'new', code: 1 }, statusCode: 1, dueAt: null, tasks: [] });
  expect((await tb.api.get(`/api/dossiers/${filed.code}`).set(bearer(desk)).expect(200)).body).toMatchObject({ statusCode: 1, openTasks: [] });

  tb.clock.set('2026-03-02T14:00:00+07:00');
  const accepted = await tb.api.post(`/api/dossiers/${filed.code}/accept`).set(bearer(desk)).expect(200);
  expect(accepted.body).toMatchObject({ dossierCode: filed.code, status: { name: 'processing' }, statusCode: 4, receivedAt: '2026-03-02T07:00:00.000Z' });
  expect(accepted.body.tasks).toEqual([expect.objectContaining({ department: 'TUPHAP_XA' })]);
  const again = await tb.api.post(`/api/dossiers/${filed.code}/accept`).set(bearer(desk)).expect(409);
  expect(again.body.detail).toBe(`cannot accept the dossier: dossier ${filed.code} is processing (allowed when new)`);
  const history = (await tb.api.get(`/api/dossiers/${filed.code}/history`).set(bearer(desk)).expect(200)).body.items.map((e: { type: string }) => e.type);
  expect(history.slice(0, 3)).toEqual(['dossier.filed', 'dossier.accepted', 'dossier.received']);
});

test('refused with reasons: status 3; a refusal without reasons is 400; a refused dossier cannot be accepted', async () => {
  const filed = await fileOnline();
  await tb.api.post(`/api/dossiers/${filed.code}/refuse`).set(bearer(desk)).send({ reasons: [] }).expect(400);
  const refused = await tb.api.post(`/api/dossiers/${filed.code}/refuse`).set(bearer(desk)).send({ reasons: ['Giấy chứng sinh không hợp lệ'] }).expect(200);
  expect(refused.body).toMatchObject({ status: { name: 'refused', code: 3 }, statusCode: 3, reasons: ['Giấy chứng sinh không hợp lệ'] });
  expect((await tb.api.get(`/api/dossiers/${filed.code}`).set(bearer(desk)).expect(200)).body).toMatchObject({ statusCode: 3, refusalReasons: ['Giấy chứng sinh không hợp lệ'] });
  const late = await tb.api.post(`/api/dossiers/${filed.code}/accept`).set(bearer(desk)).expect(409);
  expect(late.body.detail).toMatch(/^cannot accept the dossier: dossier .+ is refused/);
});

test('stopped: status 8, its step cancelled; a stopped dossier cannot be withdrawn or stopped again', async () => {
  const d = (await tb.api.post('/api/dossiers').set(bearer(desk)).send(birthDossier()).expect(201)).body;
  expect(d.statusCode).toBe(4);
  const stopped = await tb.api.post(`/api/dossiers/${d.code}/stop`).set(bearer(desk)).send({ reason: 'Công dân đề nghị dừng' }).expect(200);
  expect(stopped.body).toMatchObject({ status: { name: 'stopped', code: 8 }, statusCode: 8 });
  await tb.api.post(`/api/tasks/${d.tasks[0].id}/complete`).set(bearer(civil)).send({ data: {} }).expect(409);
  expect((await tb.api.post(`/api/dossiers/${d.code}/withdraw`).set(bearer(desk)).expect(409)).body.detail).toMatch(/is stopped/);
  expect((await tb.api.post(`/api/dossiers/${d.code}/stop`).set(bearer(desk)).send({ reason: 'x' }).expect(409)).body.detail).toMatch(/^cannot stop the dossier/);
});

test('fees: 409 before status 6; paid in status 6 resolves it; returned by post with its tracking number', async () => {
  tb.clock.set('2026-03-02T09:00:00+07:00');
  const d = (await tb.api.post('/api/dossiers').set(bearer(desk)).send({ procedureCode: 'T.FEE', applicant, data: {}, channel: 'online' }).expect(201)).body;
  const early = await tb.api.post(`/api/dossiers/${d.code}/fees`).set(bearer(desk)).send({ amount: 50000, paidAt: '2026-03-02T09:00:00+07:00', online: true }).expect(409);
  expect(early.body.detail).toMatch(/is processing \(allowed when awaiting fees\)/);
  await tb.api.post(`/api/tasks/${d.tasks[0].id}/complete`).set(bearer(civil)).send({ data: {} }).expect(200);
  expect((await tb.api.get(`/api/dossiers/${d.code}`).set(bearer(desk)).expect(200)).body).toMatchObject({ status: { name: 'awaiting_fees' }, statusCode: 6 });
  const paid = await tb.api.post(`/api/dossiers/${d.code}/fees`).set(bearer(desk)).send({ amount: 50000, paidAt: '2026-03-02T08:00:00+07:00', online: true }).expect(200);
  expect(paid.body).toMatchObject({ status: { name: 'resolved' }, statusCode: 9 });
  await tb.api.post(`/api/dossiers/${d.code}/return`).set(bearer(desk)).send({ channel: 'post' }).expect(422);
  const back = await tb.api.post(`/api/dossiers/${d.code}/return`).set(bearer(desk)).send({ channel: 'post', trackingNumber: 'EB123456789VN' }).expect(200);
  expect(back.body).toMatchObject({ statusCode: 10, channel: 'post', trackingNumber: 'EB123456789VN' });
  expect((await tb.api.get(`/api/dossiers/${d.code}`).set(bearer(desk)).expect(200)).body).toMatchObject({ statusCode: 10, returnChannel: 'post', trackingNumber: 'EB123456789VN' });
});
