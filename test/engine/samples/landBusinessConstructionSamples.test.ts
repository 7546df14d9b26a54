// Land use right transfer, private enterprise registration and the house
// construction permit of processes/, each through every branch.
import { ValidationError } from '../../../engine/errors.js';
import {
  completeStep,
  loadSampleWorld,
  openRouting,
  routing,
  sampleDossier,
  START,
  stepData,
  type SampleDossier,
  type SampleWorld,
} from './sampleHarness.js';

let world: SampleWorld;

beforeAll(async () => {
  world = await loadSampleWorld();
});
afterAll(() => world.db.drop());

const DAY = 24 * 60 * 60_000;

async function submitSample(sample: SampleDossier, channel: 'online' | 'direct' = 'direct') {
  const submitted = await world.engine.submit(sample.procedureCode, { applicant: sample.applicant, data: sample.data, channel });
  expect(submitted.status).toBe('processing');
  // The first handover comes from the lane the start event is drawn in:
  // the one-stop desk, except enterprise registration, received by DKKD itself.
  const receiver = sample.procedureCode === '2.001610' ? 'DKKD' : 'MOTCUA_XA';
  expect(submitted.tasks.map((t) => t.fromDepartment)).toEqual(submitted.tasks.map(() => receiver));
  return submitted;
}

async function decisions(code: string) {
  const decided = (await world.engine.history(code)).filter((e) => e.type === 'gateway.decided');
  return decided.map((e) => [e.payload.gatewayId, e.payload.targetId]);
}

async function departmentsEverRouted(code: string): Promise<string[]> {
  const { rows } = await world.db.pool.query(
    'SELECT DISTINCT t.department FROM tasks t JOIN dossiers d ON d.id = t.dossier_id WHERE d.code = $1 ORDER BY 1',
    [code],
  );
  return rows.map((r) => r.department as string);
}

describe('land use right transfer (1.013831)', () => {
  test('a valid dossier: land office, tax notice, uncounted payment wait, records update, result returned at the desk', async () => {
    const { engine, db, clock } = world;
    clock.set(START);
    const sample = await sampleDossier('land-use-right-transfer');
    const submitted = await submitSample(sample);
    const code = submitted.code;
    expect(routing(submitted.tasks)).toEqual(['Task_CheckDossierSendToTax@VPDKDD']);
    expect(await openRouting(engine, code)).toEqual(['Task_CheckDossierSendToTax@VPDKDD']);

    const checked = await completeStep(world, code, 'Task_CheckDossierSendToTax', stepData(sample, 'Task_CheckDossierSendToTax#valid'), 'vpdk.dovanlong');
    expect(routing(checked.created)).toEqual(['Task_IssueTaxNotice@THUE']);
    expect(checked.created[0]).toMatchObject({ fromDepartment: 'VPDKDD', counted: true });
    expect(await openRouting(engine, code)).toEqual(['Task_IssueTaxNotice@THUE']);

    const noticed = await completeStep(world, code, 'Task_IssueTaxNotice', stepData(sample, 'Task_IssueTaxNotice'), 'thue.buithihoa');
    expect(routing(noticed.created)).toEqual(['Task_ConfirmTaxPayment@THUE']);
    expect(await openRouting(engine, code)).toEqual(['Task_ConfirmTaxPayment@THUE']);
    const payment = noticed.created[0];
    expect(payment).toMatchObject({ fromDepartment: 'THUE', counted: false });

    // The stored task row: not counted in the dossier's time, on a calendar clock of 30 days.
    const row = await db.pool.query('SELECT element_id, department, status, counted, clock, allotment_ms FROM tasks WHERE id = $1', [payment.id]);
    expect(row.rows).toEqual([
      { element_id: 'Task_ConfirmTaxPayment', department: 'THUE', status: 'open', counted: false, clock: 'calendar', allotment_ms: 30 * DAY },
    ]);
    // Every other step of the dossier is counted.
    const counted = await db.pool.query(
      `SELECT t.element_id, t.counted FROM tasks t JOIN dossiers d ON d.id = t.dossier_id WHERE d.code = $1 ORDER BY t.created_at, t.element_id`,
      [code],
    );
    expect(counted.rows).toEqual([
      { element_id: 'Task_CheckDossierSendToTax', counted: true },
      { element_id: 'Task_IssueTaxNotice', counted: true },
      { element_id: 'Task_ConfirmTaxPayment', counted: false },
    ]);

    const paid = await completeStep(world, code, 'Task_ConfirmTaxPayment', stepData(sample, 'Task_ConfirmTaxPayment'), 'thue.buithihoa');
    expect(routing(paid.created)).toEqual(['Task_UpdateRecordsIssueCertificate@VPDKDD']);
    expect(paid.created[0].fromDepartment).toBe('THUE');
    expect(await openRouting(engine, code)).toEqual(['Task_UpdateRecordsIssueCertificate@VPDKDD']);

    const updated = await completeStep(world, code, 'Task_UpdateRecordsIssueCertificate', stepData(sample, 'Task_UpdateRecordsIssueCertificate'), 'vpdk.dovanlong');
    expect(routing(updated.created)).toEqual(['Task_ReturnResult@MOTCUA_XA']);
    expect(updated.created[0].fromDepartment).toBe('VPDKDD');
    expect(await openRouting(engine, code)).toEqual(['Task_ReturnResult@MOTCUA_XA']);

    const returned = await completeStep(world, code, 'Task_ReturnResult', stepData(sample, 'Task_ReturnResult'), 'motcua.nguyenthuha');
    expect(returned.status).toBe('resolved');
    expect(returned.openTasks).toEqual([]);
    expect((await engine.getDossier(code)).status.name).toBe('resolved');
    expect(await decisions(code)).toEqual([
      ['Gateway_DossierValid', 'Task_IssueTaxNotice'],
      ['Gateway_TaxPaid', 'Task_UpdateRecordsIssueCertificate'],
    ]);
    expect((await engine.controlSlip(code)).map((r) => [r.elementId, r.fromDepartment, r.toDepartment])).toEqual([
      ['Task_CheckDossierSendToTax', 'MOTCUA_XA', 'VPDKDD'],
      ['Task_IssueTaxNotice', 'VPDKDD', 'THUE'],
      ['Task_ConfirmTaxPayment', 'THUE', 'THUE'],
      ['Task_UpdateRecordsIssueCertificate', 'THUE', 'VPDKDD'],
      ['Task_ReturnResult', 'VPDKDD', 'MOTCUA_XA'],
    ]);
  });

  test('an invalid dossier is returned by the land office and never reaches the tax office', async () => {
    const { engine, clock } = world;
    clock.set('2026-03-03T09:00:00+07:00');
    const sample = await sampleDossier('land-use-right-transfer');
    const submitted = await submitSample(sample);
    const code = submitted.code;
    expect(routing(submitted.tasks)).toEqual(['Task_CheckDossierSendToTax@VPDKDD']);

    const checked = await completeStep(world, code, 'Task_CheckDossierSendToTax', stepData(sample, 'Task_CheckDossierSendToTax#invalid'), 'vpdk.dovanlong');
    expect(checked.status).toBe('processing');
    expect(routing(checked.created)).toEqual(['Task_ReturnDossier@VPDKDD']);
    expect(checked.created[0].fromDepartment).toBe('VPDKDD');
    expect(await openRouting(engine, code)).toEqual(['Task_ReturnDossier@VPDKDD']);

    const done = await completeStep(world, code, 'Task_ReturnDossier', stepData(sample, 'Task_ReturnDossier'), 'vpdk.dovanlong');
    expect(done.status).toBe('resolved');
    expect(done.openTasks).toEqual([]);
    expect(await decisions(code)).toEqual([['Gateway_DossierValid', 'Task_ReturnDossier']]);
    expect(await departmentsEverRouted(code)).toEqual(['VPDKDD']);
  });
});

describe('private enterprise registration (2.001610)', () => {
  test('a valid dossier: examined and the registration certificate issued', async () => {
    const { engine, clock } = world;
    clock.set(START);
    const sample = await sampleDossier('enterprise-registration');
    const submitted = await submitSample(sample, 'online');
    const code = submitted.code;
    expect(routing(submitted.tasks)).toEqual(['Task_ExamineDossier@DKKD']);
    expect(await openRouting(engine, code)).toEqual(['Task_ExamineDossier@DKKD']);

    const examined = await completeStep(world, code, 'Task_ExamineDossier', stepData(sample, 'Task_ExamineDossier#valid'), 'dkkd.dinhthihong');
    expect(routing(examined.created)).toEqual(['Task_IssueCertificate@DKKD']);
    expect(examined.created[0].fromDepartment).toBe('DKKD');
    expect(await openRouting(engine, code)).toEqual(['Task_IssueCertificate@DKKD']);

    const issued = await completeStep(world, code, 'Task_IssueCertificate', stepData(sample, 'Task_IssueCertificate'), 'dkkd.dinhthihong');
    expect(issued.status).toBe('resolved');
    expect(issued.openTasks).toEqual([]);
    expect(await decisions(code)).toEqual([['Gateway_DossierValid', 'Task_IssueCertificate']]);
    expect((await engine.getDossier(code)).data).toMatchObject({ enterpriseCode: '0110987654', dossierValid: true });
  });

  test('an invalid dossier: examined and an amendment notice sent', async () => {
    const { engine, clock } = world;
    clock.set('2026-03-03T09:00:00+07:00');
    const sample = await sampleDossier('enterprise-registration');
    const submitted = await submitSample(sample, 'online');
    const code = submitted.code;
    expect(routing(submitted.tasks)).toEqual(['Task_ExamineDossier@DKKD']);

    const examined = await completeStep(world, code, 'Task_ExamineDossier', stepData(sample, 'Task_ExamineDossier#invalid'), 'dkkd.dinhthihong');
    expect(routing(examined.created)).toEqual(['Task_RequestAmendment@DKKD']);
    expect(await openRouting(engine, code)).toEqual(['Task_RequestAmendment@DKKD']);

    const noticed = await completeStep(world, code, 'Task_RequestAmendment', stepData(sample, 'Task_RequestAmendment'), 'dkkd.dinhthihong');
    expect(noticed.status).toBe('resolved');
    expect(noticed.openTasks).toEqual([]);
    expect(await decisions(code)).toEqual([['Gateway_DossierValid', 'Task_RequestAmendment']]);
  });
});

describe('construction permit for a private house (1.013225)', () => {
  test('an appraisal decision outside approve/reject is refused on /decision and changes nothing; "approve" goes to the leadership', async () => {
    const { engine, db, clock } = world;
    clock.set(START);
    const sample = await sampleDossier('construction-permit-house');
    const submitted = await submitSample(sample);
    const code = submitted.code;
    expect(routing(submitted.tasks)).toEqual(['Task_AppraiseDossier@QLDT']);
    expect(await openRouting(engine, code)).toEqual(['Task_AppraiseDossier@QLDT']);

    const snapshot = async () =>
      (await db.pool.query(
        `SELECT d.status, d.row_version, d.data, d.engine_state, d.resolved_at,
                (SELECT count(*) FROM dossier_events e WHERE e.dossier_id = d.id)::int AS events,
                (SELECT json_agg(json_build_object('element', t.element_id, 'status', t.status, 'data', t.data) ORDER BY t.created_at, t.element_id)
                   FROM tasks t WHERE t.dossier_id = d.id) AS tasks
           FROM dossiers d WHERE d.code = $1`,
        [code],
      )).rows[0];
    const before = await snapshot();
    const err = await completeStep(world, code, 'Task_AppraiseDossier', { ...stepData(sample, 'Task_AppraiseDossier#approve'), decision: 'maybe' }, 'qldt.lequanghai').catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).errors).toEqual([{ path: '/decision', message: 'must be one of "approve", "reject", "consult"' }]);
    expect((err as ValidationError).message).toContain('/decision');
    expect(await snapshot()).toEqual(before);
    expect(await openRouting(engine, code)).toEqual(['Task_AppraiseDossier@QLDT']);

    const appraised = await completeStep(world, code, 'Task_AppraiseDossier', stepData(sample, 'Task_AppraiseDossier#approve'), 'qldt.lequanghai');
    expect(routing(appraised.created)).toEqual(['Task_SignPermit@UBND_XA_LANHDAO']);
    expect(appraised.created[0].fromDepartment).toBe('QLDT');
    expect(await openRouting(engine, code)).toEqual(['Task_SignPermit@UBND_XA_LANHDAO']);

    const signed = await completeStep(world, code, 'Task_SignPermit', stepData(sample, 'Task_SignPermit'), 'lanhdao.tranquoctoan');
    expect(signed.status).toBe('resolved');
    expect(signed.openTasks).toEqual([]);
    expect(await decisions(code)).toEqual([['Gateway_AppraisalResult', 'Task_SignPermit']]);
    expect((await engine.controlSlip(code)).map((r) => [r.elementId, r.fromDepartment, r.toDepartment, r.completedBy])).toEqual([
      ['Task_AppraiseDossier', 'MOTCUA_XA', 'QLDT', 'qldt.lequanghai'],
      ['Task_SignPermit', 'QLDT', 'UBND_XA_LANHDAO', 'lanhdao.tranquoctoan'],
    ]);
  });

  test('"reject" sends a refusal notice and never reaches the leadership', async () => {
    const { engine, clock } = world;
    clock.set('2026-03-03T09:00:00+07:00');
    const sample = await sampleDossier('construction-permit-house');
    const submitted = await submitSample(sample);
    const code = submitted.code;
    expect(routing(submitted.tasks)).toEqual(['Task_AppraiseDossier@QLDT']);

    const appraised = await completeStep(world, code, 'Task_AppraiseDossier', stepData(sample, 'Task_AppraiseDossier#reject'), 'qldt.lequanghai');
    expect(routing(appraised.created)).toEqual(['Task_RefusalNotice@QLDT']);
    expect(appraised.created[0].fromDepartment).toBe('QLDT');
    expect(await openRouting(engine, code)).toEqual(['Task_RefusalNotice@QLDT']);

    const refused = await completeStep(world, code, 'Task_RefusalNotice', stepData(sample, 'Task_RefusalNotice'), 'qldt.lequanghai');
    expect(refused.status).toBe('resolved');
    expect(refused.openTasks).toEqual([]);
    expect(await decisions(code)).toEqual([['Gateway_AppraisalResult', 'Task_RefusalNotice']]);
    expect(await departmentsEverRouted(code)).toEqual(['QLDT']);
  });
});
