import { expectEveryDossierWaits } from '../../support/invariant.js';
import { applicant, startWalk, type Walk } from './structureWalk.js';

// A sequential multi-instance user task with a loop cardinality: the
// instances run one after the other, each its own step, and their data is
// listed per instance.

let walk: Walk;
beforeAll(async () => {
  walk = await startWalk('mi-sequential.bpmn');
});
afterEach(() => expectEveryDossierWaits(walk.db.pool));
afterAll(() => walk.db.drop());

test('three rounds, one at a time, each its own step', async () => {
  const { code } = await walk.engine.submit('ST.MI.SEQ', { applicant, data: {} });
  const ids: string[] = [];
  for (const note of ['một', 'hai', 'ba']) {
    const open = (await walk.engine.getDossier(code)).openTasks;
    expect(open.map((t) => t.elementId)).toEqual(['Task_Check']);
    ids.push(open[0]!.id);
    await walk.complete(code, 'Task_Check', { note });
  }
  expect(new Set(ids).size).toBe(3);
  expect((await walk.engine.getDossier(code)).status.name).toBe('resolved');
  expect((await walk.data(code)).Task_Check_outputs).toEqual([{ note: 'một' }, { note: 'hai' }, { note: 'ba' }]);
});
