import { bearer, birthDossier, createKey, createTestbed, sample, type Testbed } from './support/apiTestbed.js';

// The desk's and the departments' actions on a dossier besides completing
// steps: supplement, apology letter, withdrawal; and the lists they work from.

let tb: Testbed;
let desk: string;
let civil: string;
let police: string;
let supervisor: string;

beforeAll(async () => {
  tb = await createTestbed();
  desk = await createKey(tb, 'desk');
  civil = await createKey(tb, 'officer', 'TUPHAP_XA');
  police = await createKey(tb, 'officer', 'CONGAN_XA');
  supervisor = await createKey(tb, 'supervisor');
  const analyst = await createKey(tb, 'analyst');
  await tb.api.post('/api/procedures').set(bearer(analyst)).set('Content-Type', 'application/xml').send(await sample('birth-residence-insurance.bpmn')).expect(201);
});
afterAll(() => tb.close());

const submit = async (overrides: Record<string, unknown> = {}) => (await tb.api.post('/api/dossiers').set(bearer(desk)).send(birthDossier(overrides)).expect(201)).body;

test('a department asks for a supplement: the dossier waits, then its clocks restart when the desk records it', async () => {
  tb.clock.set('2026-03-02T09:00:00+07:00');
  const d = await submit();
  // Only the department holding the dossier may ask.
  await tb.api.post(`/api/dossiers/${d.code}/supplement-request`).set(bearer(police)).send({ reason: 'x', items: ['y'] }).expect(403);

  tb.clock.set('2026-03-02T11:00:00+07:00');
  const asked = await tb.api.post(`/api/dossiers/${d.code}/supplement-request`).set(bearer(civil)).send({ reason: 'Giấy chứng sinh bị mờ', items: ['Giấy chứng sinh (bản chính)'] }).expect(200);
  expect(asked.body).toEqual({ dossierCode: d.code, status: { name: 'supplement_requested', code: 5, label: 'Yêu cầu bổ sung' }, requestedAt: '2026-03-02T04:00:00.000Z' });
  // Its step cannot be completed meanwhile.
  await tb.api.post(`/api/tasks/${d.tasks[0].id}/complete`).set(bearer(civil)).send({ data: {} }).expect(409);
  expect((await tb.api.get(`/api/public/dossiers/${d.code}`).expect(200)).body.status.code).toBe(5);
  const paused = (await tb.api.get(`/api/dossiers/${d.code}`).set(bearer(civil)).expect(200)).body;
  expect(paused.supplements).toEqual([expect.objectContaining({ department: 'TUPHAP_XA', reason: 'Giấy chứng sinh bị mờ', items: ['Giấy chứng sinh (bản chính)'], receivedAt: null })]);

  // Wednesday 10:00 the citizen brings the paper; the supplemented data is checked against the start form.
  tb.clock.set('2026-03-04T10:00:00+07:00');
  const bad = await tb.api.post(`/api/dossiers/${d.code}/supplement`).set(bearer(desk)).send({ data: { requesterPhone: 'none' } }).expect(422);
  expect(bad.body.errors).toEqual([expect.objectContaining({ path: '/data/requesterPhone' })]);
  const back = await tb.api.post(`/api/dossiers/${d.code}/supplement`).set(bearer(desk)).send({ data: { medicalBirthCertificateNumber: 'GCS-2026-004513' } }).expect(200);
  // restart (Decree 61): 3 working days again from Wednesday 10:00 → Monday 10:00.
  expect(back.body).toMatchObject({ status: { name: 'processing' }, dueAt: '2026-03-09T03:00:00.000Z' });
  expect(back.body.openTasks).toEqual([expect.objectContaining({ id: d.tasks[0].id, department: 'TUPHAP_XA' })]);
  const after = (await tb.api.get(`/api/dossiers/${d.code}`).set(bearer(desk)).expect(200)).body;
  expect(after.data.medicalBirthCertificateNumber).toBe('GCS-2026-004513');
  expect(after.supplements[0].receivedAt).toBe('2026-03-04T03:00:00.000Z');
});

test('one apology letter per dossier moves the promised date; a second is refused', async () => {
  tb.clock.set('2026-03-02T09:00:00+07:00');
  const d = await submit();
  const weekend = await tb.api.post(`/api/dossiers/${d.code}/apology`).set(bearer(desk)).send({ reason: 'Chờ xác minh nơi cư trú', responsibleDepartment: 'CONGAN_XA', newDueAt: '2026-03-07T09:00:00+07:00' }).expect(422);
  expect(weekend.body.detail).toMatch(/day off/);
  const first = await tb.api.post(`/api/dossiers/${d.code}/apology`).set(bearer(desk)).send({ reason: 'Chờ xác minh nơi cư trú', responsibleDepartment: 'CONGAN_XA', newDueAt: '2026-03-10T09:00:00+07:00' }).expect(200);
  expect(first.body).toEqual({ dossierCode: d.code, previousDueAt: '2026-03-05T02:00:00.000Z', dueAt: '2026-03-10T02:00:00.000Z', issuedInTime: true });
  const second = await tb.api.post(`/api/dossiers/${d.code}/apology`).set(bearer(desk)).send({ reason: 'again', responsibleDepartment: 'CONGAN_XA', newDueAt: '2026-03-12T09:00:00+07:00' }).expect(409);
  expect(second.body.detail).toMatch(/only once/);
  const dossier = (await tb.api.get(`/api/dossiers/${d.code}`).set(bearer(supervisor)).expect(200)).body;
  expect(dossier).toMatchObject({ dueAt: '2026-03-10T02:00:00.000Z', originalDueAt: '2026-03-05T02:00:00.000Z', apology: { responsibleDepartment: 'CONGAN_XA', newDueAt: '2026-03-10T02:00:00.000Z', issuedBy: 'desk' } });
});

test('a withdrawn dossier leaves every work list and cannot be withdrawn twice', async () => {
  tb.clock.set('2026-03-02T09:00:00+07:00');
  const d = await submit();
  const withdrawn = await tb.api.post(`/api/dossiers/${d.code}/withdraw`).set(bearer(desk)).send({ reason: 'Công dân xin rút hồ sơ' }).expect(200);
  expect(withdrawn.body).toEqual({ dossierCode: d.code, status: { name: 'withdrawn', code: 7, label: 'Công dân rút hồ sơ' } });
  await tb.api.post(`/api/dossiers/${d.code}/withdraw`).set(bearer(desk)).expect(409);
  const open = (await tb.api.get(`/api/tasks?dossierCode=${d.code}`).set(bearer(civil)).expect(200)).body;
  expect(open.items).toEqual([]);
  const cancelled = (await tb.api.get(`/api/tasks?dossierCode=${d.code}&status=cancelled`).set(bearer(civil)).expect(200)).body;
  expect(cancelled.items.map((t: { id: string }) => t.id)).toEqual([d.tasks[0].id]);
  await tb.api.post(`/api/tasks/${d.tasks[0].id}/complete`).set(bearer(civil)).send({ data: {} }).expect(409);
  // The civil-status officers had a step on it: they still read its history.
  const history = (await tb.api.get(`/api/dossiers/${d.code}/history`).set(bearer(civil)).expect(200)).body.items;
  expect(history.at(-1)).toMatchObject({ type: 'task.cancelled' });
});

test('lists filter, sort by urgency and paginate', async () => {
  tb.clock.set('2026-03-16T09:00:00+07:00');
  const a = await submit({ applicant: { name: 'Phạm Văn Long', idNumber: '001070000111' } });
  tb.clock.set('2026-03-16T09:30:00+07:00');
  const b = await submit({ receivedAt: '2026-03-13T14:00:00+07:00', channel: 'direct' });

  // The civil-status list: most urgent first.
  const tasks = (await tb.api.get('/api/tasks?limit=500').set(bearer(civil)).expect(200)).body;
  const dueTimes = tasks.items.map((t: { dueAt: string }) => t.dueAt);
  expect(dueTimes).toEqual([...dueTimes].sort());
  const page = (await tb.api.get('/api/tasks?limit=1&offset=1').set(bearer(civil)).expect(200)).body;
  expect(page).toMatchObject({ limit: 1, offset: 1, total: tasks.total });
  expect(page.items[0].id).toBe(tasks.items[1].id);

  // By citizen, by reception date, by procedure.
  const mine = (await tb.api.get('/api/dossiers?applicantIdNumber=001070000111').set(bearer(desk)).expect(200)).body;
  expect(mine.items.map((d: { code: string }) => d.code)).toEqual([a.code]);
  const friday = (await tb.api.get('/api/dossiers?from=2026-03-13&to=2026-03-13').set(bearer(supervisor)).expect(200)).body;
  expect(friday.items.map((d: { code: string }) => d.code)).toEqual([b.code]);
  expect((await tb.api.get('/api/dossiers?procedureCode=2.002621&limit=1').set(bearer(desk)).expect(200)).body.total).toBeGreaterThanOrEqual(2);

  // Three days later both are overdue; the apology-moved and the paused ones of the earlier tests are not.
  tb.clock.set('2026-03-20T09:00:00+07:00');
  const overdue = (await tb.api.get('/api/dossiers?overdue=true&limit=500').set(bearer(supervisor)).expect(200)).body;
  expect(overdue.items.map((d: { code: string }) => d.code)).toEqual(expect.arrayContaining([a.code, b.code]));
  expect(overdue.items.every((d: { overdue: boolean; status: { name: string } }) => d.overdue && d.status.name === 'processing')).toBe(true);
  const byStatus = (await tb.api.get('/api/dossiers?status=withdrawn').set(bearer(desk)).expect(200)).body;
  expect(byStatus.items.every((d: { status: { name: string } }) => d.status.name === 'withdrawn')).toBe(true);
  expect(byStatus.total).toBe(1);
});
