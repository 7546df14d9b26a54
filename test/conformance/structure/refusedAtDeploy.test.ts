import { bearer, createKey, createTestbed, type Testbed } from '../../api/support/apiTestbed.js';

// What cannot run is refused at deploy over the API: 422 with the rule and
// the element, never 201 followed by a stuck dossier or a 500.

let tb: Testbed;
let analyst: string;

beforeAll(async () => {
  tb = await createTestbed();
  analyst = await createKey(tb, 'analyst');
});
afterAll(() => tb.close());

function procedure(body: string, code = 'ST.REFUSED'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xmlns:onestop="urn:onestop:bpmn:1.0" id="Defs" targetNamespace="urn:onestop:test">
  <bpmn:process id="P" isExecutable="true" onestop:procedureCode="${code}">
    <bpmn:startEvent id="Start" />
${body}
  </bpmn:process>
</bpmn:definitions>`;
}

const deploy = (xml: string) => tb.api.post('/api/procedures').set(bearer(analyst)).set('Content-Type', 'application/xml').send(xml);

async function refused(xml: string): Promise<Array<{ rule: string; elementId: string | null; message: string }>> {
  const res = await deploy(xml);
  expect(res.status).toBe(422);
  expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  return res.body.errors;
}

test('a manual task', async () => {
  const errors = await refused(procedure(`    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Manual" />
    <bpmn:manualTask id="Manual" name="Đóng dấu" />
    <bpmn:sequenceFlow id="F2" sourceRef="Manual" targetRef="End" />
    <bpmn:endEvent id="End" />`));
  expect(errors).toEqual([expect.objectContaining({ rule: 'supported-elements', elementId: 'Manual', message: expect.stringMatching(/use a user task/) })]);
});

test('a loop of gateways without a wait state', async () => {
  const errors = await refused(procedure(`    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="G1" />
    <bpmn:exclusiveGateway id="G1" />
    <bpmn:sequenceFlow id="F2" sourceRef="G1" targetRef="G2" />
    <bpmn:exclusiveGateway id="G2" default="F3" />
    <bpmn:sequenceFlow id="F3" sourceRef="G2" targetRef="G1" />
    <bpmn:sequenceFlow id="F4" sourceRef="G2" targetRef="End"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">done = true</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:endEvent id="End" />`));
  expect(errors.map((e) => [e.rule, e.elementId])).toEqual([['cycle-without-wait', 'G1']]);
});

test('a 20,000-step file, on its size alone', async () => {
  const steps: string[] = [];
  for (let i = 0; i < 20_000; i++) {
    steps.push(`    <bpmn:sequenceFlow id="F_${i}" sourceRef="${i === 0 ? 'Start' : `T_${i - 1}`}" targetRef="T_${i}" />`, `    <bpmn:userTask id="T_${i}" onestop:department="MOTCUA_XA" />`);
  }
  const errors = await refused(procedure(steps.join('\n')));
  expect(errors).toEqual([expect.objectContaining({ rule: 'model-limits', elementId: 'P', message: expect.stringMatching(/at most 2000/) })]);
});

test('a procedure code the API would refuse later', async () => {
  const errors = await refused(procedure(`    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="End" />
    <bpmn:endEvent id="End" />`, '1.001 234/xã'));
  expect(errors).toEqual([expect.objectContaining({ rule: 'executable-process', elementId: 'P', message: expect.stringMatching(/"1\.001 234\/xã" is not a procedure code/) })]);
});

test('a compensation boundary event', async () => {
  const errors = await refused(procedure(`    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="T" />
    <bpmn:userTask id="T" onestop:department="MOTCUA_XA" />
    <bpmn:boundaryEvent id="Undo" attachedToRef="T"><bpmn:compensateEventDefinition /></bpmn:boundaryEvent>
    <bpmn:sequenceFlow id="F2" sourceRef="T" targetRef="End" />
    <bpmn:endEvent id="End" />`));
  expect(errors.map((e) => [e.rule, e.elementId])).toEqual([['supported-elements', 'Undo']]);
});
