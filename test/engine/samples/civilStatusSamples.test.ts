// The two linked civil-status groups of processes/: birth + residence + health
// insurance, and death + residence removal + funeral benefits.
import {
  completeStep,
  HOUR,
  loadSampleWorld,
  openRouting,
  routing,
  sampleDossier,
  START,
  stepData,
  type SampleWorld,
} from './sampleHarness.js';

let world: SampleWorld;

beforeAll(async () => {
  world = await loadSampleWorld();
});
afterAll(() => world.db.drop());

const at = (iso: string) => new Date(iso);

describe('birth registration, permanent residence and health insurance card (2.002621)', () => {
  let code: string;
  const taskIds: Record<string, string> = {};

  test('civil status first, then police and social insurance in parallel, resolved only after both', async () => {
    const { engine, clock } = world;
    clock.set(START);
    const sample = await sampleDossier('birth-residence-insurance');

    const submitted = await engine.submit(sample.procedureCode, { applicant: sample.applicant, data: sample.data, channel: 'online' });
    code = submitted.code;
    expect(submitted).toMatchObject({ status: 'processing', procedureCode: '2.002621', version: 1 });
    expect(routing(submitted.tasks)).toEqual(['Task_RegisterBirth@TUPHAP_XA']);
    expect(await openRouting(engine, code)).toEqual(['Task_RegisterBirth@TUPHAP_XA']);
    // P3D from Monday 09:00 = Thursday 09:00.
    expect(submitted.dueAt).toEqual(at('2026-03-05T09:00:00+07:00'));
    taskIds.Task_RegisterBirth = submitted.tasks[0].id;

    // 10:00: the birth is registered; the split hands the dossier to two departments at once.
    const registered = await completeStep(world, code, 'Task_RegisterBirth', stepData(sample, 'Task_RegisterBirth'), 'tuphap.lethimai');
    expect(registered.status).toBe('processing');
    expect(routing(registered.created)).toEqual(['Task_IssueHealthInsuranceCard@BHXH', 'Task_RegisterPermanentResidence@CONGAN_XA']);
    expect(routing(registered.openTasks)).toEqual(['Task_IssueHealthInsuranceCard@BHXH', 'Task_RegisterPermanentResidence@CONGAN_XA']);
    expect(await openRouting(engine, code)).toEqual(['Task_IssueHealthInsuranceCard@BHXH', 'Task_RegisterPermanentResidence@CONGAN_XA']);
    for (const t of registered.created) {
      expect(t).toMatchObject({ fromDepartment: 'TUPHAP_XA', handedOverAt: at('2026-03-02T10:00:00+07:00'), counted: true });
      // P2D from Monday 10:00 = Wednesday 10:00, for both branches.
      expect(t.dueAt).toEqual(at('2026-03-04T10:00:00+07:00'));
      taskIds[t.elementId] = t.id;
    }

    // 11:00: social insurance finishes first; the join still waits for the police.
    const insured = await completeStep(world, code, 'Task_IssueHealthInsuranceCard', stepData(sample, 'Task_IssueHealthInsuranceCard'), 'bhxh.tranthuhuong');
    expect(insured.status).toBe('processing');
    expect(insured.created).toEqual([]);
    expect(routing(insured.openTasks)).toEqual(['Task_RegisterPermanentResidence@CONGAN_XA']);
    expect(await openRouting(engine, code)).toEqual(['Task_RegisterPermanentResidence@CONGAN_XA']);
    expect((await engine.getDossier(code)).status.name).toBe('processing');

    // 12:00: the police register the residence; the join fires and the dossier ends.
    const resident = await completeStep(world, code, 'Task_RegisterPermanentResidence', stepData(sample, 'Task_RegisterPermanentResidence'), 'congan.nguyenvanduc');
    expect(resident.status).toBe('resolved');
    expect(resident.created).toEqual([]);
    expect(resident.openTasks).toEqual([]);

    const dossier = await engine.getDossier(code);
    expect(dossier.status).toEqual({ name: 'resolved', code: 9, label: 'Đã có kết quả' });
    expect(dossier.resolvedAt).toEqual(at('2026-03-02T12:00:00+07:00'));
    expect(dossier.timeliness).toBe('early');
    expect(dossier.openTasks).toEqual([]);
    // Every department's data is merged into the dossier.
    expect(dossier.data).toMatchObject({
      childFullName: 'Nguyễn Minh Khang',
      birthCertificateNumber: '125',
      residenceRegistered: true,
      insuranceCardNumber: 'TE1010126000125',
    });

    // The routing as the history tells it (other kinds of entries left aside).
    const routingEvents = new Set(['dossier.received', 'task.created', 'task.completed', 'dossier.resolved']);
    const history = (await engine.history(code)).filter((e) => routingEvents.has(e.type));
    expect(history.map((e) => e.type)).toEqual([
      'dossier.received',
      'task.created',
      'task.completed',
      'task.created',
      'task.created',
      'task.completed',
      'task.completed',
      'dossier.resolved',
    ]);
  });

  test('the control slip has one row per handover, the first one from the one-stop desk', async () => {
    const slip = await world.engine.controlSlip(code);
    expect(slip).toEqual([
      {
        step: 'Đăng ký khai sinh, cấp Giấy khai sinh điện tử',
        elementId: 'Task_RegisterBirth',
        taskId: taskIds.Task_RegisterBirth,
        fromDepartment: 'MOTCUA_XA',
        toDepartment: 'TUPHAP_XA',
        handedOverAt: at('2026-03-02T09:00:00+07:00'),
        dueAt: at('2026-03-03T09:00:00+07:00'), // PT8H: Tuesday 09:00, the lunch hour not counted
        completedAt: at('2026-03-02T10:00:00+07:00'),
        completedBy: 'tuphap.lethimai',
        timeliness: 'early',
      },
      {
        step: 'Đăng ký thường trú cho trẻ',
        elementId: 'Task_RegisterPermanentResidence',
        taskId: taskIds.Task_RegisterPermanentResidence,
        fromDepartment: 'TUPHAP_XA',
        toDepartment: 'CONGAN_XA',
        handedOverAt: at('2026-03-02T10:00:00+07:00'),
        dueAt: at('2026-03-04T10:00:00+07:00'),
        completedAt: at('2026-03-02T12:00:00+07:00'),
        completedBy: 'congan.nguyenvanduc',
        timeliness: 'early',
      },
      {
        step: 'Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi',
        elementId: 'Task_IssueHealthInsuranceCard',
        taskId: taskIds.Task_IssueHealthInsuranceCard,
        fromDepartment: 'TUPHAP_XA',
        toDepartment: 'BHXH',
        handedOverAt: at('2026-03-02T10:00:00+07:00'),
        dueAt: at('2026-03-04T10:00:00+07:00'),
        completedAt: at('2026-03-02T11:00:00+07:00'),
        completedBy: 'bhxh.tranthuhuong',
        timeliness: 'early',
      },
    ]);
  });
});

describe('death registration, residence removal and funeral benefits (2.002622)', () => {
  /**
   * Submits the death sample with the two benefit answers and walks it through
   * civil status and the police, checking the routing at each step. Returns
   * the result of the residence removal, where the gateway decides.
   */
  async function throughResidenceRemoval(answers: { deceasedHadSocialInsurance: boolean; requestFuneralSupport: boolean }) {
    const { engine } = world;
    world.clock.set('2026-03-03T09:00:00+07:00');
    const sample = await sampleDossier('death-residence-funeral');
    const submitted = await engine.submit(sample.procedureCode, { applicant: sample.applicant, data: { ...sample.data, ...answers } });
    expect(submitted.status).toBe('processing');
    expect(routing(submitted.tasks)).toEqual(['Task_RegisterDeath@TUPHAP_XA']);
    expect(submitted.tasks[0].fromDepartment).toBe('MOTCUA_XA');
    expect(await openRouting(engine, submitted.code)).toEqual(['Task_RegisterDeath@TUPHAP_XA']);

    const registered = await completeStep(world, submitted.code, 'Task_RegisterDeath', stepData(sample, 'Task_RegisterDeath'), 'tuphap.lethimai');
    expect(routing(registered.created)).toEqual(['Task_RemovePermanentResidence@CONGAN_XA']);
    expect(registered.created[0].fromDepartment).toBe('TUPHAP_XA');
    expect(await openRouting(engine, submitted.code)).toEqual(['Task_RemovePermanentResidence@CONGAN_XA']);

    const removed = await completeStep(world, submitted.code, 'Task_RemovePermanentResidence', stepData(sample, 'Task_RemovePermanentResidence'), 'congan.nguyenvanduc');
    return { sample, code: submitted.code, removed };
  }

  async function decision(code: string) {
    const decided = (await world.engine.history(code)).filter((e) => e.type === 'gateway.decided');
    return decided.map((e) => [e.payload.gatewayId, e.payload.flowId, e.payload.targetId]);
  }

  test('a deceased who had social insurance: the social insurance agency settles the funeral allowance', async () => {
    const { sample, code, removed } = await throughResidenceRemoval({ deceasedHadSocialInsurance: true, requestFuneralSupport: false });
    expect(removed.status).toBe('processing');
    expect(routing(removed.created)).toEqual(['Task_FuneralAllowance@BHXH']);
    expect(removed.created[0].fromDepartment).toBe('CONGAN_XA');
    expect(await openRouting(world.engine, code)).toEqual(['Task_FuneralAllowance@BHXH']);
    expect(await decision(code)).toEqual([['Gateway_FuneralBenefit', 'Flow_ToFuneralAllowance', 'Task_FuneralAllowance']]);

    const done = await completeStep(world, code, 'Task_FuneralAllowance', stepData(sample, 'Task_FuneralAllowance'), 'bhxh.tranthuhuong');
    expect(done.status).toBe('resolved');
    expect(done.openTasks).toEqual([]);
    expect((await world.engine.getDossier(code)).status.name).toBe('resolved');
    expect((await world.engine.controlSlip(code)).map((r) => [r.elementId, r.fromDepartment, r.toDepartment])).toEqual([
      ['Task_RegisterDeath', 'MOTCUA_XA', 'TUPHAP_XA'],
      ['Task_RemovePermanentResidence', 'TUPHAP_XA', 'CONGAN_XA'],
      ['Task_FuneralAllowance', 'CONGAN_XA', 'BHXH'],
    ]);
  });

  test('no social insurance but funeral support requested: the commune social-affairs office settles it', async () => {
    const { sample, code, removed } = await throughResidenceRemoval({ deceasedHadSocialInsurance: false, requestFuneralSupport: true });
    expect(removed.status).toBe('processing');
    expect(routing(removed.created)).toEqual(['Task_FuneralSupport@VHXH_XA']);
    expect(removed.created[0].fromDepartment).toBe('CONGAN_XA');
    expect(await openRouting(world.engine, code)).toEqual(['Task_FuneralSupport@VHXH_XA']);
    expect(await decision(code)).toEqual([['Gateway_FuneralBenefit', 'Flow_ToFuneralSupport', 'Task_FuneralSupport']]);

    const done = await completeStep(world, code, 'Task_FuneralSupport', stepData(sample, 'Task_FuneralSupport'), 'vhxh.phamthithuy');
    expect(done.status).toBe('resolved');
    expect(done.openTasks).toEqual([]);
    expect((await world.engine.getDossier(code)).status.name).toBe('resolved');
  });

  test('neither benefit: the default branch ends the dossier right after the residence removal', async () => {
    const { code, removed } = await throughResidenceRemoval({ deceasedHadSocialInsurance: false, requestFuneralSupport: false });
    expect(removed.status).toBe('resolved');
    expect(removed.created).toEqual([]);
    expect(removed.openTasks).toEqual([]);
    expect(await openRouting(world.engine, code)).toEqual([]);
    expect(await decision(code)).toEqual([['Gateway_FuneralBenefit', 'Flow_NoFuneralBenefit', 'EndEvent_DeathRegistered']]);
    const dossier = await world.engine.getDossier(code);
    expect(dossier.status.name).toBe('resolved');
    expect(dossier.resolvedAt).toEqual(new Date(new Date('2026-03-03T09:00:00+07:00').getTime() + 2 * HOUR));
    // No task was ever routed to social insurance or social affairs.
    const departments = await world.db.pool.query(
      'SELECT DISTINCT t.department FROM tasks t JOIN dossiers d ON d.id = t.dossier_id WHERE d.code = $1 ORDER BY 1',
      [code],
    );
    expect(departments.rows.map((r) => r.department)).toEqual(['CONGAN_XA', 'TUPHAP_XA']);
  });
});
