import { bearer, birthDossier, createKey, createTestbed, sample, type Testbed } from '../api/support/apiTestbed.js';
import { pdfContent } from './pdfText.js';

// The forms of Circular 03/2025 downloaded from a dossier's own history:
// application/pdf for those that apply, 404 problem+json for the others.

let tb: Testbed;
let desk: string;
let civil: string;
let police: string;

beforeAll(async () => {
  tb = await createTestbed();
  desk = await createKey(tb, 'desk');
  civil = await createKey(tb, 'officer', 'TUPHAP_XA');
  police = await createKey(tb, 'officer', 'CONGAN_XA');
  const analyst = await createKey(tb, 'analyst');
  await tb.api.post('/api/procedures').set(bearer(analyst)).set('Content-Type', 'application/xml').send(await sample('birth-residence-insurance.bpmn')).expect(201);
});
afterAll(() => tb.close());

const APPLICANT = 'Nguyễn Thị Hương';
const binary = (res: import('superagent').Response, callback: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

async function form(code: string, number: string, token = desk) {
  return tb.api.get(`/api/dossiers/${code}/forms/${number}`).set(bearer(token)).buffer(true).parse(binary);
}

test('a received dossier has its receipt (Form 01) and control slip (Form 06); the others follow its history', async () => {
  tb.clock.set('2026-03-02T09:00:00+07:00');
  const d = (await tb.api.post('/api/dossiers').set(bearer(desk)).send(birthDossier({ applicant: { name: APPLICANT, idNumber: '001188000123' } })).expect(201)).body;

  const receipt = await form(d.code, '01');
  expect(receipt.status).toBe(200);
  expect(receipt.headers['content-type']).toMatch(/^application\/pdf/);
  const text = (await pdfContent(receipt.body)).text.replace(/\s+/g, ' ');
  expect(text).toContain(d.code);
  expect(text).toContain(APPLICANT);
  expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');

  const slip = await form(d.code, '06');
  expect(slip.status).toBe(200);
  expect((await pdfContent(slip.body)).text.replace(/\s+/g, ' ')).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');

  for (const [number, why] of [['02', /never asked to supplement/], ['03', /never refused/], ['04', /no apology/], ['05', /never stopped/]] as const) {
    const missing = await tb.api.get(`/api/dossiers/${d.code}/forms/${number}`).set(bearer(desk)).expect(404);
    expect(missing.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(missing.body.detail).toMatch(why);
  }
  await tb.api.get(`/api/dossiers/${d.code}/forms/07`).set(bearer(desk)).expect(404);
  await tb.api.get('/api/dossiers/000.00.12.H26-260302-9999/forms/01').set(bearer(desk)).expect(404);
  // An officer sees the forms of the dossiers its department has a step on, no others.
  expect((await form(d.code, '06', civil)).status).toBe(200);
  await tb.api.get(`/api/dossiers/${d.code}/forms/06`).set(bearer(police)).expect(403);

  tb.clock.set('2026-03-02T11:00:00+07:00');
  await tb.api.post(`/api/dossiers/${d.code}/supplement-request`).set(bearer(civil)).send({ reason: 'Giấy chứng sinh bị mờ', items: ['Giấy chứng sinh (bản chính)'] }).expect(200);
  const supplement = await form(d.code, '02');
  expect(supplement.status).toBe(200);
  const asked = (await pdfContent(supplement.body)).text.replace(/\s+/g, ' ');
  expect(asked).toContain('Giấy chứng sinh bị mờ');
  expect(asked).toContain(APPLICANT);

  tb.clock.set('2026-03-03T10:00:00+07:00');
  await tb.api.post(`/api/dossiers/${d.code}/supplement`).set(bearer(desk)).send({}).expect(200);
  await tb.api.post(`/api/dossiers/${d.code}/apology`).set(bearer(desk)).send({ reason: 'Chờ xác minh nơi cư trú', responsibleDepartment: 'CONGAN_XA', newDueAt: '2026-03-12T09:00:00+07:00' }).expect(200);
  const apology = await form(d.code, '04');
  expect(apology.status).toBe(200);
  const extended = (await pdfContent(apology.body)).text.replace(/\s+/g, ' ');
  expect(extended).toContain('Chờ xác minh nơi cư trú');
  expect(extended).toContain(d.code);
});
