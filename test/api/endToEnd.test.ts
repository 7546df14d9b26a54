import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { bearer, birthDossier, BIRTH_STEP_DATA, createTestbed, PROCESSES, sample, type Testbed } from './support/apiTestbed.js';

// The linked birth – permanent residence – health insurance procedure
// (2.002621), walked through HTTP only: every key, department, deployment and
// step is an API call; only the clock is moved by hand and the deadline sweep
// (the scheduler's job) is run when the clock passes a due time.

let tb: Testbed;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  tb = await createTestbed({ seedDepartments: false });
});
afterAll(() => tb.close());

const as = (who: string) => bearer(tokens[who]);

test('a linked dossier from reception to the returned result, through the API only', async () => {
  const { api, clock } = tb;

  // ── The administrator sets the center up: departments, then one key per role. ──
  const departments = JSON.parse(await readFile(path.join(PROCESSES, 'departments.json'), 'utf8')) as Array<{ code: string; name: string; agency: string }>;
  for (const d of departments) await api.post('/api/departments').set(bearer(tb.admin)).send(d).expect(201);
  for (const [who, role, department] of [
    ['analyst', 'analyst'], ['desk', 'desk'], ['supervisor', 'supervisor'],
    ['civil', 'officer', 'TUPHAP_XA'], ['police', 'officer', 'CONGAN_XA'], ['insurance', 'officer', 'BHXH'],
  ] as const) {
    const res = await api.post('/api/keys').set(bearer(tb.admin)).send({ name: `${who} key`, role, ...(department ? { department } : {}) }).expect(201);
    expect(res.body.token).toMatch(/^osk_/);
    tokens[who] = res.body.token;
  }

  // ── The analyst deploys the procedure; the same file again is the same version. ──
  const xml = await sample('birth-residence-insurance.bpmn');
  const deployed = await api.post('/api/procedures').set(as('analyst')).set('Content-Type', 'application/xml').send(xml).expect(201);
  expect(deployed.body).toMatchObject({ code: '2.002621', version: 1, created: true });
  const again = await api.post('/api/procedures').set(as('analyst')).set('Content-Type', 'application/xml').send(xml).expect(200);
  expect(again.body).toMatchObject({ code: '2.002621', version: 1, created: false });
  const procedure = await api.get('/api/procedures/2.002621').set(as('desk')).expect(200);
  expect(procedure.body.versions[0].steps.map((s: { elementId: string; department: string }) => `${s.elementId}@${s.department}`).sort()).toEqual([
    'Task_IssueHealthInsuranceCard@BHXH', 'Task_RegisterBirth@TUPHAP_XA', 'Task_RegisterPermanentResidence@CONGAN_XA',
  ]);
  expect(procedure.body.versions[0].startForm.required).toContain('childFullName');
  const bpmn = await api.get('/api/procedures/2.002621/versions/1/bpmn').set(as('supervisor')).expect(200);
  expect(bpmn.text).toBe(xml);

  // ── Monday 09:00: the desk receives the dossier. ──
  const submitted = await api.post('/api/dossiers').set(as('desk')).send(birthDossier()).expect(201);
  const code: string = submitted.body.code;
  expect(code).toMatch(/^000\.00\.12\.H26-260302-0001$/);
  expect(submitted.body.status).toEqual({ name: 'processing', code: 4, label: 'Đang xử lý' });
  // P3D = 24 working hours from Monday 09:00 → Thursday 09:00; the birth registration PT8H → Tuesday 09:00.
  expect(submitted.body.dueAt).toBe('2026-03-05T02:00:00.000Z');
  expect(submitted.body.tasks).toEqual([expect.objectContaining({ elementId: 'Task_RegisterBirth', department: 'TUPHAP_XA', dueAt: '2026-03-03T02:00:00.000Z' })]);

  const lookup = async () => (await api.get(`/api/public/dossiers/${code}`).expect(200)).body;
  expect((await lookup()).heldBy).toEqual([{ code: 'TUPHAP_XA', name: departments.find((d) => d.code === 'TUPHAP_XA')!.name }]);

  // ── The civil-status officer's list has it; the police's does not yet. ──
  const civilList = await api.get('/api/tasks').set(as('civil')).expect(200);
  expect(civilList.body.items.map((t: { dossierCode: string; elementId: string }) => [t.dossierCode, t.elementId])).toEqual([[code, 'Task_RegisterBirth']]);
  expect(civilList.body.items[0].form.required).toContain('birthCertificateNumber');
  expect((await api.get('/api/tasks').set(as('police')).expect(200)).body.items).toEqual([]);
  const birthTaskId: string = civilList.body.items[0].id;
  await api.get(`/api/tasks/${birthTaskId}`).set(as('police')).expect(403);

  // ── Nobody completes it in time: Tuesday 10:00, the sweep records the breach. ──
  clock.set('2026-03-03T10:00:00+07:00');
  await tb.engine.sweepDeadlines();
  const breaches = await api.get('/api/breaches?open=true').set(as('supervisor')).expect(200);
  expect(breaches.body.items).toEqual([
    expect.objectContaining({ dossierCode: code, taskId: birthTaskId, elementId: 'Task_RegisterBirth', department: 'TUPHAP_XA', dueAt: '2026-03-03T02:00:00.000Z', closedAt: null }),
  ]);
  // The department sees its own breach; another department sees none.
  expect((await api.get('/api/breaches').set(as('civil')).expect(200)).body.total).toBe(1);
  expect((await api.get('/api/breaches').set(as('police')).expect(200)).body.total).toBe(0);

  // ── The civil-status officer claims and completes it, late. ──
  const claimed = await api.post(`/api/tasks/${birthTaskId}/claim`).set(as('civil')).set('X-Onestop-User', encodeURIComponent('Lê Thu Hà')).expect(200);
  expect(claimed.body).toMatchObject({ status: 'claimed', assignee: 'Lê Thu Hà (civil key)' });
  const detail = await api.get(`/api/tasks/${birthTaskId}`).set(as('civil')).expect(200);
  expect(detail.body.dossier.data.childFullName).toBe('Trần Minh Khôi');
  const afterBirth = await api
    .post(`/api/tasks/${birthTaskId}/complete`)
    .set(as('civil'))
    .set('X-Onestop-User', encodeURIComponent('Lê Thu Hà'))
    .send({ data: BIRTH_STEP_DATA.Task_RegisterBirth })
    .expect(200);
  expect(afterBirth.body.timeliness).toBe('late');
  expect(afterBirth.body.openTasks.map((t: { department: string }) => t.department).sort()).toEqual(['BHXH', 'CONGAN_XA']);
  expect((await lookup()).heldBy.map((h: { code: string }) => h.code)).toEqual(['BHXH', 'CONGAN_XA']);
  const closedBreach = (await api.get('/api/breaches').set(as('supervisor')).expect(200)).body.items[0];
  expect(closedBreach.closedAt).not.toBeNull();

  // ── Police and social insurance pull and complete their steps in parallel, early. ──
  clock.set('2026-03-03T14:00:00+07:00');
  const policeTask = (await api.get('/api/tasks').set(as('police')).expect(200)).body.items[0];
  expect(policeTask).toMatchObject({ dossierCode: code, elementId: 'Task_RegisterPermanentResidence', fromDepartment: 'TUPHAP_XA' });
  const afterPolice = await api.post(`/api/tasks/${policeTask.id}/complete`).set(as('police')).send({ data: BIRTH_STEP_DATA.Task_RegisterPermanentResidence }).expect(200);
  expect(afterPolice.body).toMatchObject({ timeliness: 'early', status: { name: 'processing' } });

  clock.set('2026-03-04T09:30:00+07:00');
  const insuranceTask = (await api.get('/api/tasks?department=BHXH').set(as('insurance')).expect(200)).body.items[0];
  const resolved = await api.post(`/api/tasks/${insuranceTask.id}/complete`).set(as('insurance')).send({ data: BIRTH_STEP_DATA.Task_IssueHealthInsuranceCard }).expect(200);
  expect(resolved.body).toMatchObject({ status: { name: 'resolved', code: 9 }, timeliness: 'early', openTasks: [] });

  // ── The dossier, its history and control slip. ──
  const dossier = (await api.get(`/api/dossiers/${code}`).set(as('desk')).expect(200)).body;
  expect(dossier).toMatchObject({ status: { name: 'resolved', code: 9 }, timeliness: 'early', openTasks: [], channel: 'online', apology: null });
  expect(dossier.data.birthCertificateNumber).toBe('125/2026');
  const slip = (await api.get(`/api/dossiers/${code}/control-slip`).set(as('supervisor')).expect(200)).body;
  expect(slip.rows.map((r: { fromDepartment: string; toDepartment: string; timeliness: string }) => [r.fromDepartment, r.toDepartment, r.timeliness])).toEqual([
    ['MOTCUA_XA', 'TUPHAP_XA', 'late'],
    ['TUPHAP_XA', 'CONGAN_XA', 'early'],
    ['TUPHAP_XA', 'BHXH', 'early'],
  ]);
  expect(slip.rows[0].completedBy).toBe('Lê Thu Hà (civil key)');
  const history = (await api.get(`/api/dossiers/${code}/history`).set(as('civil')).expect(200)).body.items.map((e: { type: string }) => e.type);
  expect(history).toEqual(expect.arrayContaining(['dossier.received', 'task.created', 'task.claimed', 'task.completed', 'dossier.resolved']));

  // The result is ready: the desk holds it.
  expect((await lookup()).heldBy.map((h: { code: string }) => h.code)).toEqual(['MOTCUA_XA']);

  // ── The report counts it: the dossier early, the civil-status step late (its breach). ──
  const byProcedure = (await api.get('/api/reports/form06?from=2026-03-01&to=2026-03-31').set(as('supervisor')).expect(200)).body;
  expect(byProcedure.rows).toEqual([
    expect.objectContaining({ key: '2.002621', receivedTotal: 1, receivedOnline: 1, resolvedTotal: 1, resolvedEarly: 1, resolvedLate: 0, pendingTotal: 0, progressRatio: 1 }),
  ]);
  const byDepartment = (await api.get('/api/reports/form06?from=2026-03-01&to=2026-03-31&groupBy=department').set(as('supervisor')).expect(200)).body;
  const row = (key: string) => byDepartment.rows.find((r: { key: string }) => r.key === key);
  expect(row('TUPHAP_XA')).toMatchObject({ resolvedTotal: 1, resolvedLate: 1, lateWithoutApology: 1, progressRatio: 0 });
  expect(row('CONGAN_XA')).toMatchObject({ resolvedEarly: 1, progressRatio: 1 });
  expect(byDepartment.total).toMatchObject({ key: 'TOTAL', resolvedTotal: 3, resolvedEarly: 2, resolvedLate: 1, progressRatio: 0.6667 });

  // ── The desk hands the result over. ──
  clock.set('2026-03-04T15:00:00+07:00');
  const returned = await api.post(`/api/dossiers/${code}/return`).set(as('desk')).expect(200);
  expect(returned.body).toMatchObject({ status: { name: 'returned', code: 10 }, returnedAt: '2026-03-04T08:00:00.000Z' });

  // ── The citizen's lookup: where it stands, nothing personal. ──
  const publicView = await api.get(`/api/public/dossiers/${code}`).expect(200);
  expect(publicView.body).toEqual({
    code,
    status: { name: 'returned', code: 10, label: 'Đã trả kết quả' },
    procedureName: 'Đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi',
    receivedAt: '2026-03-02T02:00:00.000Z',
    dueAt: '2026-03-05T02:00:00.000Z',
    resolvedAt: '2026-03-04T02:30:00.000Z',
    returnedAt: '2026-03-04T08:00:00.000Z',
    // No step of the sample attaches a result paper: no e-result.
    eResultAvailable: false,
    heldBy: [],
    // No supplement asked for, no apology letter.
    supplement: null,
    apology: null,
  });
  for (const personal of ['Nguyễn Thị Mai', '001190000123', '0912345678', 'Trần Minh Khôi', 'Trần Văn Hùng']) {
    expect(publicView.text).not.toContain(personal);
  }
});
