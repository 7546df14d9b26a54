import { expectEveryDossierWaits } from '../../support/invariant.js';
import { applicant, startWalk, type Walk } from './structureWalk.js';

// A FEEL completion condition ends a parallel round early: after two of four
// opinions the remaining steps are withdrawn and the decision is routed.

let walk: Walk;
beforeAll(async () => {
  walk = await startWalk('mi-completion.bpmn');
});
afterEach(() => expectEveryDossierWaits(walk.db.pool));
afterAll(() => walk.db.drop());

test('two opinions of four are enough; the others are withdrawn', async () => {
  const { code } = await walk.engine.submit('ST.MI.DONE', { applicant, data: { agencies: ['CONGAN_XA', 'BHXH', 'TUPHAP_XA', 'MOTCUA_XA'] } });
  expect(await walk.open(code)).toHaveLength(4);
  await walk.complete(code, 'Task_Opinion', {}, 'BHXH');
  expect(await walk.open(code)).toHaveLength(3);
  await walk.complete(code, 'Task_Opinion', {}, 'CONGAN_XA');
  expect(await walk.open(code)).toEqual(['Task_Decide@MOTCUA_XA']);
  const cancelled = (await walk.engine.history(code)).filter((entry) => entry.type === 'task.cancelled');
  expect(cancelled).toHaveLength(2);
  await walk.complete(code, 'Task_Decide');
  expect((await walk.engine.getDossier(code)).status.name).toBe('resolved');
});
