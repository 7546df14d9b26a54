import { expectEveryDossierWaits } from '../../support/invariant.js';
import { applicant, startWalk, type Walk } from './structureWalk.js';

// A parallel multi-instance sub-process over the household's members: each
// instance runs its own two steps, the member reaching the FEEL department
// of the step inside; the steps' data is listed per member.

let walk: Walk;
beforeAll(async () => {
  walk = await startWalk('mi-sub-process.bpmn');
});
afterEach(() => expectEveryDossierWaits(walk.db.pool));
afterAll(() => walk.db.drop());

test('each member has its own verification and registration', async () => {
  const members = [{ name: 'An', police: 'CONGAN_XA' }, { name: 'Bình', police: 'BHXH' }];
  const { code } = await walk.engine.submit('ST.MI.SUB', { applicant, data: { members } });
  expect(await walk.open(code)).toEqual(['Task_Verify@BHXH', 'Task_Verify@CONGAN_XA']);

  await walk.complete(code, 'Task_Verify', { verified: true }, 'BHXH');
  expect(await walk.open(code)).toEqual(['Task_Register@TUPHAP_XA', 'Task_Verify@CONGAN_XA']);
  await walk.complete(code, 'Task_Register', { registered: 'B-2' });
  await walk.complete(code, 'Task_Verify', { verified: false }, 'CONGAN_XA');
  expect(await walk.open(code)).toEqual(['Task_Register@TUPHAP_XA']);
  await walk.complete(code, 'Task_Register', { registered: 'A-1' });

  expect((await walk.engine.getDossier(code)).status.name).toBe('resolved');
  expect((await walk.data(code)).Sub_Member_outputs).toEqual([
    { member: members[0], verified: false, registered: 'A-1' },
    { member: members[1], verified: true, registered: 'B-2' },
  ]);
});
