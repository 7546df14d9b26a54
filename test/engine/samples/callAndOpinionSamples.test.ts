// The samples of processes/ that use call activities and multi-instance:
// the linked birth + residence + health insurance group as a caller of the
// three deployed procedures (2.002621-LT calling 1.001193, CT.THUONGTRU and
// BHYT.TREEM), and the festival registration with its multi-agency opinion
// round over the departments chosen at reception (LH.YKIEN).
import { expectEveryDossierWaits } from '../../support/invariant.js';
import { completeStep, loadSampleWorld, openRouting, routing, sampleDossier, START, stepData, type SampleWorld } from './sampleHarness.js';

let world: SampleWorld;

beforeAll(async () => {
  world = await loadSampleWorld();
});
afterEach(() => expectEveryDossierWaits(world.db.pool));
afterAll(() => world.db.drop());

const at = (iso: string) => new Date(iso);

test('the linked group calls the three procedures inside one dossier, with their departments, deadlines and forms', async () => {
  const { engine, clock } = world;
  clock.set(START);
  const sample = await sampleDossier('birth-residence-insurance');
  const submitted = await engine.submit('2.002621-LT', { applicant: sample.applicant, data: sample.data, channel: 'online' });
  const { code } = submitted;
  expect(routing(submitted.tasks)).toEqual(['Task_RegisterBirth@TUPHAP_XA']);
  // P3D of the group from Monday 09:00 = Thursday 09:00.
  expect(submitted.dueAt).toEqual(at('2026-03-05T09:00:00+07:00'));

  const registered = await completeStep(world, code, 'Task_RegisterBirth', stepData(sample, 'Task_RegisterBirth'), 'tuphap.lethimai');
  expect(routing(registered.created)).toEqual(['Task_IssueHealthInsuranceCard@BHXH', 'Task_RegisterPermanentResidence@CONGAN_XA']);
  // Each called step keeps its own procedure's deadline: P2D from Monday 10:00.
  for (const t of registered.created) expect(t.dueAt).toEqual(at('2026-03-04T10:00:00+07:00'));

  await completeStep(world, code, 'Task_IssueHealthInsuranceCard', stepData(sample, 'Task_IssueHealthInsuranceCard'), 'bhxh.tranthuhuong');
  expect(await openRouting(engine, code)).toEqual(['Task_RegisterPermanentResidence@CONGAN_XA']);
  const resident = await completeStep(world, code, 'Task_RegisterPermanentResidence', stepData(sample, 'Task_RegisterPermanentResidence'), 'congan.nguyenvanduc');
  expect(resident.status).toBe('resolved');

  // One dossier code and one history naming each called version.
  const history = await engine.history(code);
  const called = history.filter((entry) => entry.type === 'procedure.called').map((entry) => (entry.payload as { procedureCode: string; version: number }));
  expect(called.map((c) => `${c.procedureCode} v${c.version}`).sort()).toEqual(['1.001193 v1', 'BHYT.TREEM v1', 'CT.THUONGTRU v1']);
  expect(history.filter((entry) => entry.type === 'task.completed')).toHaveLength(3);
});

test('the opinion round: one step per department chosen at reception, the decision after every opinion', async () => {
  const { engine } = world;
  const { code } = await engine.submit('LH.YKIEN', {
    applicant: { name: 'Nguyễn Văn Hội', idNumber: '001080000123' },
    data: { festivalName: 'Lễ hội làng Đông', venue: 'Đình làng Đông', startDate: '2026-04-10', consultedDepartments: ['CONGAN_XA', 'QLDT', 'TUPHAP_XA'] },
  });
  await completeStep(world, code, 'Task_CheckDossier', {});
  expect(await openRouting(engine, code)).toEqual(['Task_GiveOpinion@CONGAN_XA', 'Task_GiveOpinion@QLDT', 'Task_GiveOpinion@TUPHAP_XA']);

  const opinionOf = async (department: string, data: Record<string, unknown>) => {
    const task = (await engine.getDossier(code)).openTasks.find((t) => t.department === department)!;
    return engine.completeTask(task.id, { actor: `canbo.${department.toLowerCase()}`, data });
  };
  await opinionOf('QLDT', { opinion: 'Đồng ý có điều kiện', conditions: 'Không dựng rạp trên lòng đường' });
  await opinionOf('CONGAN_XA', { opinion: 'Đồng ý' });
  expect(await openRouting(engine, code)).toEqual(['Task_GiveOpinion@TUPHAP_XA']);
  await opinionOf('TUPHAP_XA', { opinion: 'Đồng ý' });
  expect(await openRouting(engine, code)).toEqual(['Task_Decide@UBND_XA_LANHDAO']);

  const data = (await engine.getDossier(code)).data as Record<string, unknown>;
  expect(data.Task_GiveOpinion_outputs).toEqual([
    { consulted: 'CONGAN_XA', opinion: 'Đồng ý' },
    { consulted: 'QLDT', opinion: 'Đồng ý có điều kiện', conditions: 'Không dựng rạp trên lòng đường' },
    { consulted: 'TUPHAP_XA', opinion: 'Đồng ý' },
  ]);
  const decided = await completeStep(world, code, 'Task_Decide', {});
  expect(decided.status).toBe('resolved');
});
