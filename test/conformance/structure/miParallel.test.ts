import { expectEveryDossierWaits } from '../../support/invariant.js';
import { applicant, startWalk, type Walk } from './structureWalk.js';

// A parallel multi-instance user task over a FEEL list of the dossier data:
// one step per agency, each routed to the department the item names, each
// with its own deadline and control-slip leg; the opinions are listed per
// instance in Task_Opinion_outputs; the next step waits for all of them.

let walk: Walk;
beforeAll(async () => {
  walk = await startWalk('mi-parallel.bpmn');
});
afterEach(() => expectEveryDossierWaits(walk.db.pool));
afterAll(() => walk.db.drop());

const agencies = [{ department: 'CONGAN_XA' }, { department: 'BHXH' }, { department: 'TUPHAP_XA' }];

test('one step per agency, routed to its department; the decision waits for every opinion', async () => {
  const { engine } = walk;
  const { code } = await engine.submit('ST.MI.PAR', { applicant, data: { agencies } });
  await walk.complete(code, 'Task_Receive');
  expect(await walk.open(code)).toEqual(['Task_Opinion@BHXH', 'Task_Opinion@CONGAN_XA', 'Task_Opinion@TUPHAP_XA']);
  // Each instance its own deadline (P2D from the handover).
  const steps = (await engine.getDossier(code)).openTasks;
  expect(new Set(steps.map((t) => t.id)).size).toBe(3);
  expect(steps.every((t) => t.dueAt !== null)).toBe(true);

  await walk.complete(code, 'Task_Opinion', { opinion: 'đồng ý' }, 'BHXH');
  await walk.complete(code, 'Task_Opinion', { opinion: 'không có ý kiến' }, 'CONGAN_XA');
  expect(await walk.open(code)).toEqual(['Task_Opinion@TUPHAP_XA']);
  await walk.complete(code, 'Task_Opinion', { opinion: 'cần bổ sung' }, 'TUPHAP_XA');
  expect(await walk.open(code)).toEqual(['Task_Decide@MOTCUA_XA']);

  // The opinions do not overwrite each other: one entry per instance, in list order.
  const data = await walk.data(code);
  expect(data.Task_Opinion_outputs).toEqual([
    { agency: { department: 'CONGAN_XA' }, opinion: 'không có ý kiến' },
    { agency: { department: 'BHXH' }, opinion: 'đồng ý' },
    { agency: { department: 'TUPHAP_XA' }, opinion: 'cần bổ sung' },
  ]);
  expect(data.opinion).toBeUndefined();

  // One control-slip leg per instance.
  const slip = JSON.stringify(await engine.controlSlip(code));
  for (const d of ['CONGAN_XA', 'BHXH', 'TUPHAP_XA']) expect(slip).toContain(d);

  await walk.complete(code, 'Task_Decide');
  expect((await engine.getDossier(code)).status.name).toBe('resolved');
});

test('an empty list runs no instance and goes straight on', async () => {
  const { code } = await walk.engine.submit('ST.MI.PAR', { applicant, data: { agencies: [] } });
  await walk.complete(code, 'Task_Receive');
  expect(await walk.open(code)).toEqual(['Task_Decide@MOTCUA_XA']);
});
