import { expectEveryDossierWaits } from '../../support/invariant.js';
import { upsertDepartment } from '../../../engine/store/departments/departmentRows.js';
import { applicant, startWalk, type Walk } from './structureWalk.js';

// A FEEL department that yields no registered department makes that one
// instance an incident; the other instances are routed. Once the department
// exists, retrying the incident routes the instance.

let walk: Walk;
beforeAll(async () => {
  walk = await startWalk('mi-parallel.bpmn');
});
afterEach(() => expectEveryDossierWaits(walk.db.pool));
afterAll(() => walk.db.drop());

test('a bad department is an incident of its instance; the others go on', async () => {
  const { engine } = walk;
  const agencies = [{ department: 'BHXH' }, { department: 'KHONG_CO' }];
  const { code } = await engine.submit('ST.MI.PAR', { applicant, data: { agencies } });
  await walk.complete(code, 'Task_Receive');
  expect(await walk.open(code)).toEqual(['Task_Opinion@BHXH']);
  const incidents = (await engine.incidents()).filter((i) => i.dossierCode === code);
  expect(incidents).toHaveLength(1);
  expect(incidents[0]!.elementId).toBe('Task_Opinion');
  expect(incidents[0]!.message).toContain('KHONG_CO');

  await walk.complete(code, 'Task_Opinion', { opinion: 'đồng ý' }, 'BHXH');
  // The round still waits for the unrouted instance, visibly (the incident).
  expect(await walk.open(code)).toEqual([]);
  expect((await engine.getDossier(code)).status.name).toBe('processing');

  await upsertDepartment(walk.db.pool, { code: 'KHONG_CO', name: 'Phòng mới', agency: 'UBND xã', calendarId: null });
  await engine.retryIncident(incidents[0]!.id, 'admin');
  expect(await walk.open(code)).toEqual(['Task_Opinion@KHONG_CO']);
  await walk.complete(code, 'Task_Opinion', { opinion: 'muộn' }, 'KHONG_CO');
  expect(await walk.open(code)).toEqual(['Task_Decide@MOTCUA_XA']);
});
