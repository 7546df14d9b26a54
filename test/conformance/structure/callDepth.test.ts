import { expectEveryDossierWaits } from '../../support/invariant.js';
import { applicant, startWalk, type Walk } from './structureWalk.js';

// Procedures calling each other in a loop (A calls B, B calls A) cannot be
// refused at deploy (each was deployed before the other called it); at run
// time the nesting is bounded: the call that would go deeper than
// MAX_CALL_DEPTH becomes an incident, and the dossier waits on it visibly.

let walk: Walk;
beforeAll(async () => {
  walk = await startWalk();
});
afterEach(() => expectEveryDossierWaits(walk.db.pool));
afterAll(() => walk.db.drop());

const procedure = (code: string, body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:onestop="urn:onestop:bpmn:1.0" id="Defs_${code.replace(/\W/g, '')}" targetNamespace="urn:onestop:test">
  <bpmn:process id="P_${code.replace(/\W/g, '')}" name="${code}" isExecutable="true" onestop:procedureCode="${code}">
    <bpmn:startEvent id="Start" />
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task_Step" />
    <bpmn:userTask id="Task_Step" name="Bước ${code}" onestop:department="MOTCUA_XA" />
    <bpmn:sequenceFlow id="F2" sourceRef="Task_Step" targetRef="Next" />
    ${body}
    <bpmn:endEvent id="End" />
  </bpmn:process>
</bpmn:definitions>`;
const calls = (code: string) => `<bpmn:callActivity id="Next" calledElement="${code}" /><bpmn:sequenceFlow id="F3" sourceRef="Next" targetRef="End" />`;
const plain = '<bpmn:intermediateThrowEvent id="Next" /><bpmn:sequenceFlow id="F3" sourceRef="Next" targetRef="End" />';

test('a loop of calls stops at the depth bound with an incident', async () => {
  const { engine } = walk;
  await engine.deploy(procedure('ST.LOOP.A', plain));
  await engine.deploy(procedure('ST.LOOP.B', calls('ST.LOOP.A')));
  await engine.deploy(procedure('ST.LOOP.A', calls('ST.LOOP.B')));
  const { code } = await engine.submit('ST.LOOP.A', { applicant, data: {} });
  // Each level has one step before its call: walk down until the bound.
  for (let level = 0; level < 6; level += 1) await walk.complete(code, 'Task_Step');
  expect(await walk.open(code)).toEqual([]);
  const incidents = (await engine.incidents()).filter((i) => i.dossierCode === code);
  expect(incidents).toHaveLength(1);
  expect(incidents[0]!.message).toMatch(/6 calls deep \(at most 5\)/);
  expect((await engine.getDossier(code)).status.name).toBe('processing');
});
