import { bearer, birthDossier, createKey, createTestbed, sample, type Testbed } from '../api/support/apiTestbed.js';
import { requiredSamplePapers } from '../support/samplePapers.js';

let tb: Testbed;
let desk: string;
beforeAll(async () => {
  tb = await createTestbed();
  await tb.api.post('/api/procedures').set(bearer(await createKey(tb, 'analyst'))).set('Content-Type', 'application/xml').send(await sample('birth-residence-insurance.bpmn')).expect(201);
  desk = await createKey(tb, 'desk');
});
afterAll(() => tb.close());

test('a JSON-only reception without notes is refused with 422 naming each missing paper by code and name', async () => {
  const { papers: _excuses, ...bare } = birthDossier();
  const res = await tb.api.post('/api/dossiers').set(bearer(desk)).send(bare).expect(422);
  for (const p of requiredSamplePapers('2.002621')) expect(res.body.detail).toContain(`${p.code} (${p.name})`);
  expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['/documents/TO_KHAI_KHAI_SINH', '/documents/GIAY_CHUNG_SINH', '/documents/TO_KHAI_CU_TRU', '/documents/TO_KHAI_BHYT']);
  // A note without words excuses nothing; a paper the procedure does not list is refused.
  const blank = await tb.api.post('/api/dossiers').set(bearer(desk)).send({ ...bare, papers: [{ code: 'TO_KHAI_KHAI_SINH', mark: 'excused', note: '  ' }] }).expect(422);
  expect(blank.body.errors.map((e: { path: string }) => e.path)).toContain('/documents/TO_KHAI_KHAI_SINH');
  const unknown = await tb.api.post('/api/dossiers').set(bearer(desk)).send(birthDossier({ papers: [...birthDossier().papers!, { code: 'KHONG_CO', mark: 'excused', note: 'x' }] })).expect(422);
  expect(unknown.body.errors).toEqual([{ in: 'body', path: '/documents/KHONG_CO', message: 'is not a paper of procedure 2.002621' }]);
  expect((await tb.api.get('/api/dossiers').set(bearer(desk)).expect(200)).body.total).toBe(0);
});

test('the desk notes the missing papers instead of files: the dossier is received and its checklist shows the notes', async () => {
  const body = birthDossier({ papers: [...requiredSamplePapers('2.002621').map((p) => ({ code: p.code, mark: 'excused', note: `Nộp bản giấy: ${p.code}` })), { code: 'GIAY_TO_TUY_THAN', mark: 'shown' }] });
  const d = (await tb.api.post('/api/dossiers').set(bearer(desk)).send(body).expect(201)).body;
  expect(d.documents).toEqual([]);
  const list = (await tb.api.get(`/api/dossiers/${d.code}/documents`).set(bearer(desk)).expect(200)).body;
  // The sample requires its four forms (as the national procedure database does); the identity paper stays only shown.
  expect(list.papers.filter((p: { required: boolean }) => p.required).map((p: { code: string }) => p.code)).toEqual(['TO_KHAI_KHAI_SINH', 'GIAY_CHUNG_SINH', 'TO_KHAI_CU_TRU', 'TO_KHAI_BHYT']);
  const byCode = Object.fromEntries(list.papers.map((p: { code: string }) => [p.code, p]));
  expect(byCode.TO_KHAI_KHAI_SINH).toMatchObject({ required: true, excused: { note: 'Nộp bản giấy: TO_KHAI_KHAI_SINH' }, versions: [] });
  expect(byCode.GIAY_TO_TUY_THAN).toMatchObject({ required: false, presentOnly: true, shown: true });
  expect(byCode.VAN_BAN_UY_QUYEN).toMatchObject({ required: false, excused: null });
});
