// The public lookup the citizen page is built from: the supplement's items
// and where to bring them while one is asked for, the apology letter's new
// date and reason, and never anything of the applicant (every answer is also
// checked against the OpenAPI document, which allows no other field).

import { bearer, birthDossier, createKey, createTestbed, PROCESSES, type Testbed } from '../api/support/apiTestbed.js';

let tb: Testbed;
let desk: string;

beforeAll(async () => {
  tb = await createTestbed();
  await tb.engine.loadProcessesFolder(PROCESSES);
  desk = await createKey(tb, 'desk');
});

afterAll(async () => {
  await tb?.close();
});

test('a supplement request shows its items and the desk while it stands; an apology letter its new date and reason', async () => {
  const { body: d } = await tb.api.post('/api/dossiers').set(bearer(desk)).send(birthDossier({ channel: 'direct' })).expect(201);
  const first = await tb.api.get(`/api/public/dossiers/${d.code}`).expect(200);
  expect(first.body).toMatchObject({ status: { name: 'processing' }, supplement: null, apology: null });

  tb.clock.set('2026-03-02T10:15:00+07:00');
  await tb.api.post(`/api/dossiers/${d.code}/supplement-request`).set(bearer(desk)).send({ reason: 'Giấy chứng sinh bị mờ', items: ['Giấy chứng sinh (bản chính)'] }).expect(200);
  const asked = await tb.api.get(`/api/public/dossiers/${d.code}`).expect(200);
  expect(asked.body.supplement).toEqual({
    requestedAt: '2026-03-02T03:15:00.000Z',
    reason: 'Giấy chứng sinh bị mờ',
    items: ['Giấy chứng sinh (bản chính)'],
    bringTo: { code: 'MOTCUA_XA', name: expect.stringMatching(/^Bộ phận /) },
  });

  tb.clock.set('2026-03-02T11:00:00+07:00');
  await tb.api.post(`/api/dossiers/${d.code}/supplement`).set(bearer(desk)).send({}).expect(200);
  await tb.api.post(`/api/dossiers/${d.code}/apology`).set(bearer(desk)).send({ reason: 'Chờ xác minh nơi cư trú', responsibleDepartment: 'CONGAN_XA', newDueAt: '2026-03-12T09:00:00+07:00' }).expect(200);
  const later = await tb.api.get(`/api/public/dossiers/${d.code}`).expect(200);
  expect(later.body.supplement).toBeNull();
  expect(later.body.apology).toEqual({ issuedAt: '2026-03-02T04:00:00.000Z', reason: 'Chờ xác minh nơi cư trú', previousDueAt: expect.any(String), newDueAt: '2026-03-12T02:00:00.000Z' });
  expect(later.body.dueAt).toBe('2026-03-12T02:00:00.000Z');
  const text = JSON.stringify(later.body);
  for (const personal of ['Nguyễn Thị Mai', '001190000123', '0912345678', 'mai.nguyen@example.vn']) expect(text).not.toContain(personal);
});
