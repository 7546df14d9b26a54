// The waiting elements of the sample procedures (processes/): the tax
// authority's system sends the tax notice as a message, and a late appraisal
// is escalated to the commune's leadership while it goes on.
import { completeStep, loadSampleWorld, openRouting, sampleDossier, START, stepData, type SampleWorld } from '../../engine/samples/sampleHarness.js';
import { expectEveryDossierWaits } from '../../support/invariant.js';
import { NotFoundError, ValidationError } from '../../../engine/errors.js';

let world: SampleWorld;

beforeAll(async () => {
  world = await loadSampleWorld();
  expect(world.report.refused).toEqual([]);
});
afterEach(() => expectEveryDossierWaits(world.db.pool));
afterAll(() => world.db.drop());

test('land use right transfer: the tax system’s notice (message "tax-notice") replaces the tax officer’s step, validated by its form', async () => {
  const { engine, clock } = world;
  clock.set(START);
  const sample = await sampleDossier('land-use-right-transfer');
  const { code } = await engine.submit(sample.procedureCode, { applicant: sample.applicant, data: sample.data, channel: 'direct' });
  await completeStep(world, code, 'Task_CheckDossierSendToTax', stepData(sample, 'Task_CheckDossierSendToTax#valid'), 'vpdk.dovanlong');
  expect(await openRouting(engine, code)).toEqual(['Task_IssueTaxNotice@THUE']);
  expect((await engine.getDossier(code)).openTasks).toHaveLength(1);

  const notice = stepData(sample, 'Task_IssueTaxNotice');
  await expect(engine.deliverMessage({ name: 'tax-notice', dossierCode: code, data: { ...notice, taxAmount: -1 }, actor: 'tax system' })).rejects.toThrow(ValidationError);
  await expect(engine.deliverMessage({ name: 'tax-notice', dossierCode: code, data: notice, actor: 'x', actingFor: 'VPDKDD' })).rejects.toThrow(/awaited by THUE/);
  const r = await engine.deliverMessage({ name: 'tax-notice', dossierCode: code, data: notice, actor: 'tax system', actingFor: 'THUE' });
  expect(r.triggered).toEqual(['Message_TaxNoticeReceived']);
  expect(r.tasks.map((t) => t.elementId)).toEqual(['Task_ConfirmTaxPayment']);
  expect(await openRouting(engine, code)).toEqual(['Task_ConfirmTaxPayment@THUE']);
  expect((await engine.getDossier(code)).data).toMatchObject({ taxNoticeNumber: notice.taxNoticeNumber });
  await expect(engine.deliverMessage({ name: 'tax-notice', dossierCode: code, data: notice, actor: 'tax system' })).rejects.toThrow(NotFoundError);
});

test('construction permit: after 8 working days of appraisal the leadership is asked to follow up, and the appraisal stays open', async () => {
  const { engine, clock } = world;
  clock.set(START);
  const sample = await sampleDossier('construction-permit-house');
  const { code } = await engine.submit(sample.procedureCode, { applicant: sample.applicant, data: sample.data, channel: 'direct' });
  expect(await openRouting(engine, code)).toEqual(['Task_AppraiseDossier@QLDT']);
  // Monday 09:00 + 8 working days = Thursday of the next week, 09:00.
  clock.set('2026-03-12T08:59:00+07:00');
  await engine.fireDueTimers();
  expect(await openRouting(engine, code)).toEqual(['Task_AppraiseDossier@QLDT']);
  clock.set('2026-03-12T09:00:00+07:00');
  await engine.fireDueTimers();
  expect(await openRouting(engine, code)).toEqual(['Task_AppraiseDossier@QLDT', 'Task_ReviewLateAppraisal@UBND_XA_LANHDAO']);
  await completeStep(world, code, 'Task_ReviewLateAppraisal', {}, 'lanhdao');
  await completeStep(world, code, 'Task_AppraiseDossier', stepData(sample, 'Task_AppraiseDossier#approve'), 'qldt');
  expect(await openRouting(engine, code)).toEqual(['Task_SignPermit@UBND_XA_LANHDAO']);
});

test('construction permit: a consultation waits for the land office’s opinion or 5 working days, whichever comes first', async () => {
  const { engine, clock } = world;
  clock.set(START);
  const sample = await sampleDossier('construction-permit-house');
  const consult = { ...stepData(sample, 'Task_AppraiseDossier#approve'), decision: 'consult' };

  const answered = (await engine.submit(sample.procedureCode, { applicant: sample.applicant, data: sample.data, channel: 'direct' })).code;
  await completeStep(world, answered, 'Task_AppraiseDossier', consult, 'qldt');
  expect(await openRouting(engine, answered)).toEqual([]);
  await expect(engine.deliverMessage({ name: 'land-office-opinion', dossierCode: answered, data: {}, actor: 'qldt' })).rejects.toThrow(ValidationError);
  const r = await engine.deliverMessage({ name: 'land-office-opinion', dossierCode: answered, data: { landOfficeOpinion: 'Đất ở lâu dài' }, actor: 'qldt', actingFor: 'QLDT' });
  expect(r.tasks.map((t) => `${t.elementId}@${t.department}`)).toEqual(['Task_AppraiseDossier@QLDT']);

  clock.set(START);
  const silent = (await engine.submit(sample.procedureCode, { applicant: sample.applicant, data: sample.data, channel: 'direct' })).code;
  await completeStep(world, silent, 'Task_AppraiseDossier', consult, 'qldt');
  // 10:00 Monday + 5 working days: Monday 9 March, 10:00.
  clock.set('2026-03-09T10:00:00+07:00');
  await engine.fireDueTimers();
  expect(await openRouting(engine, silent)).toEqual(['Task_AppraiseDossier@QLDT']);
  await expect(engine.deliverMessage({ name: 'land-office-opinion', dossierCode: silent, data: { landOfficeOpinion: 'muộn' }, actor: 'qldt' })).rejects.toThrow(NotFoundError);
  // The first dossier's timer was withdrawn with its branch.
  expect(await openRouting(engine, answered)).toEqual(['Task_AppraiseDossier@QLDT']);
});
