// The sample health-insurance step through the API: the card's validity end
// before its start, and a card number of the wrong shape, are refused with
// the form's own Vietnamese sentences on their fields; a procedure whose rule
// does not parse is refused at deploy, the problem naming its rule and element.

import { bearer, birthDossier, BIRTH_STEP_DATA, createKey, createTestbed, sample, type Testbed } from '../api/support/apiTestbed.js';
import { expectEveryDossierWaits } from '../support/invariant.js';

let tb: Testbed;
let analyst: string;

beforeAll(async () => {
  tb = await createTestbed();
  analyst = await createKey(tb, 'analyst');
  await tb.api.post('/api/procedures').set(bearer(analyst)).set('Content-Type', 'application/xml').send(await sample('birth-residence-insurance.bpmn')).expect(201);
});
afterAll(() => tb?.close());

test('the health-insurance card is refused when it is valid to a date before it is valid from, with the sentence on the field', async () => {
  const [desk, civil, insurance] = await Promise.all([createKey(tb, 'desk'), createKey(tb, 'officer', 'TUPHAP_XA'), createKey(tb, 'officer', 'BHXH')]);
  await tb.api.post('/api/dossiers').set(bearer(desk)).send(birthDossier()).expect(201);
  const birth = (await tb.api.get('/api/tasks').set(bearer(civil)).expect(200)).body.items[0];
  await tb.api.post(`/api/tasks/${birth.id}/complete`).set(bearer(civil)).send({ data: BIRTH_STEP_DATA.Task_RegisterBirth }).expect(200);
  const card = (await tb.api.get('/api/tasks').set(bearer(insurance)).expect(200)).body.items[0];
  const complete = (data: Record<string, unknown>) =>
    tb.api.post(`/api/tasks/${card.id}/complete`).set(bearer(insurance)).send({ data: { ...BIRTH_STEP_DATA.Task_IssueHealthInsuranceCard, ...data } });

  const reversed = await complete({ insuranceValidFrom: '2026-11-30', insuranceValidTo: '2020-01-01' }).expect(422);
  expect(reversed.body.errors).toEqual([expect.objectContaining({ path: '/data/insuranceValidTo', message: 'Ngày thẻ hết giá trị sử dụng phải sau ngày thẻ bắt đầu có giá trị' })]);
  const badNumber = await complete({ insuranceCardNumber: '12345' }).expect(422);
  expect(badNumber.body.errors).toEqual([expect.objectContaining({
    path: '/data/insuranceCardNumber',
    message: 'Mã số thẻ BHYT gồm 10 chữ số của mã số BHXH, có thể có thêm 5 ký tự đầu (ví dụ TE101)',
  })]);
  await complete({}).expect(200);
  await expectEveryDossierWaits(tb.db.pool);
});

test('a form rule that is not FEEL is refused at deploy; the problem carries its rule and the element it names', async () => {
  const xml = (await sample('birth-residence-insurance.bpmn'))
    .replace('"when": "insuranceValidTo <= insuranceValidFrom"', '"when": "insuranceValidTo <="');
  const refused = await tb.api.post('/api/procedures').set(bearer(analyst)).set('Content-Type', 'application/xml').send(xml).expect(422);
  expect(refused.body.errors).toEqual([expect.objectContaining({
    elementId: 'Task_IssueHealthInsuranceCard',
    rule: 'form-schema',
    params: { element: '“Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi” (Task_IssueHealthInsuranceCard)' },
    message: expect.stringMatching(/rule 1 of "x-rules": its condition is not a valid FEEL expression/),
  })]);
});
