import { expectEveryDossierWaits } from '../../support/invariant.js';
import { fixture } from '../../support/engineHarness.js';
import { DeploymentError } from '../../../engine/errors.js';
import { dossierDetail } from '../../../engine/read/dossierDetail.js';
import { DefinitionCache } from '../../../engine/procedures/definitionCache.js';
import { applicant, startWalk, type Walk } from './structureWalk.js';

// A call activity runs the called procedure's steps inside the same dossier:
// one code, one history (which names the called version), one control slip,
// with the called procedure's departments, deadlines and forms; the dossier
// data goes in whole and the called steps' data comes back.

let walk: Walk;
beforeAll(async () => {
  walk = await startWalk('call-callee.bpmn', 'call-caller.bpmn');
});
afterEach(() => expectEveryDossierWaits(walk.db.pool));
afterAll(() => walk.db.drop());

test('the called procedure runs in the same dossier and the caller goes on after it', async () => {
  const { engine } = walk;
  const { code } = await engine.submit('ST.CALLER', { applicant, data: { newborn: true } });
  await walk.complete(code, 'Task_Receive');
  expect(await walk.open(code)).toEqual(['Task_Card@BHXH']);
  const card = (await engine.getDossier(code)).openTasks[0]!;
  expect(card.dueAt).not.toBeNull();

  // The dossier page shows the called step with the called procedure's form.
  const detail = await dossierDetail({ pool: walk.db.pool, definitions: new DefinitionCache(walk.db.pool), time: { now: () => new Date() } as never }, code);
  expect(detail.steps.Task_Card?.form).toMatchObject({ required: ['cardNumber'] });
  // The called procedure's form: cardNumber is required.
  await expect(walk.complete(code, 'Task_Card', {})).rejects.toThrow(/cardNumber/);
  await walk.complete(code, 'Task_Card', { cardNumber: 'HS4010012345' });
  // The called procedure's gateway read the dossier data (newborn = true).
  expect(await walk.open(code)).toEqual(['Task_Review@TUPHAP_XA']);
  await walk.complete(code, 'Task_Review');
  expect(await walk.open(code)).toEqual(['Task_Hand@MOTCUA_XA']);
  expect((await walk.data(code)).cardNumber).toBe('HS4010012345');

  await walk.complete(code, 'Task_Hand');
  const dossier = await engine.getDossier(code);
  expect(dossier.status.name).toBe('resolved');

  const history = await engine.history(code);
  const called = history.find((entry) => entry.type === 'procedure.called');
  expect(called?.payload).toMatchObject({ procedureCode: 'ST.CALLEE', version: 1, elementId: 'Call_Card' });
  expect(history.some((entry) => entry.type === 'procedure.returned')).toBe(true);
  const slip = JSON.stringify(await engine.controlSlip(code));
  for (const department of ['MOTCUA_XA', 'BHXH', 'TUPHAP_XA']) expect(slip).toContain(department);
});

test('the version in force when the call starts is the one that runs', async () => {
  const { engine } = walk;
  const { code } = await engine.submit('ST.CALLER', { applicant, data: { newborn: false } });
  const v2 = (await fixture('bpmn', 'structure', 'call-callee.bpmn')).replace('name="Cấp thẻ"', 'name="Cấp thẻ (mẫu mới)"');
  expect((await engine.deploy(v2)).version).toBe(2);
  await walk.complete(code, 'Task_Receive');
  expect((await engine.getDossier(code)).openTasks[0]!.name).toBe('Cấp thẻ (mẫu mới)');
  const called = (await engine.history(code)).find((entry) => entry.type === 'procedure.called');
  expect(called?.payload).toMatchObject({ procedureCode: 'ST.CALLEE', version: 2 });
  await walk.complete(code, 'Task_Card', { cardNumber: 'X1' });
  expect(await walk.open(code)).toEqual(['Task_Hand@MOTCUA_XA']);
});

test('a callee with no version in force when the call starts is an incident; retried once it is, the call starts', async () => {
  const { engine, db } = walk;
  const { code } = await engine.submit('ST.CALLER', { applicant, data: { newborn: false } });
  // As if the called procedure had been withdrawn after the caller was deployed.
  await db.pool.query(`UPDATE procedure_versions SET effective_at = '2099-01-01' WHERE procedure_code = 'ST.CALLEE'`);
  await walk.complete(code, 'Task_Receive');
  expect(await walk.open(code)).toEqual([]);
  const incident = (await engine.incidents()).find((i) => i.dossierCode === code);
  expect(incident?.message).toMatch(/procedure ST.CALLEE has no version in force/);

  await db.pool.query(`UPDATE procedure_versions SET effective_at = '2020-01-01' WHERE procedure_code = 'ST.CALLEE'`);
  await engine.retryIncident(incident!.id, 'admin');
  expect(await walk.open(code)).toEqual(['Task_Card@BHXH']);
  await walk.complete(code, 'Task_Card', { cardNumber: 'R1' });
  expect(await walk.open(code)).toEqual(['Task_Hand@MOTCUA_XA']);
});

test('a call to a procedure that is not deployed is refused at deploy, with the element and a sentence', async () => {
  const refused = walk.engine.deploy(await fixture('bpmn', 'structure', 'call-missing.bpmn'));
  await expect(refused).rejects.toBeInstanceOf(DeploymentError);
  const error = (await refused.catch((e: unknown) => e)) as DeploymentError;
  expect(error.problems).toEqual([expect.objectContaining({ elementId: 'Call_Nowhere', rule: 'call-activity', message: expect.stringContaining('ST.NOWHERE, which is not deployed') })]);
});
