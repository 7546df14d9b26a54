import { lintBpmn, errorsOf } from '../../../engine/lint/lintBpmn.js';
import { lintMessage } from '../../../engine/lint/lintMessages.js';
import { parseBpmn } from '../../../engine/bpmn/parseBpmn.js';
import { serializeDefinition } from '../../../engine/runtime/serializeDefinition.js';
import { startInstance } from '../../../engine/runtime/processRun.js';
import { ProcessError } from '../../../engine/errors.js';

// Conditional events are refused at deploy, whatever the language of their
// condition: the engine does not watch the dossier data for a condition to
// become true. A condition is never passed through as true: a version that
// holds one anyway (deployed before the rule) stops with an incident.

const condition = (body: string, language = '') =>
  `<bpmn:conditionalEventDefinition><bpmn:condition xsi:type="bpmn:tFormalExpression"${language ? ` language="${language}"` : ''}>${body}</bpmn:condition></bpmn:conditionalEventDefinition>`;

const procedure = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xmlns:onestop="urn:onestop:bpmn:1.0" id="Defs" targetNamespace="urn:onestop:test">
  <bpmn:process id="P" isExecutable="true" onestop:procedureCode="EV.CONDITIONAL" onestop:deadline="P5D">
    <bpmn:startEvent id="Start" />
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task" />
    <bpmn:userTask id="Task" onestop:department="MOTCUA_XA" onestop:deadline="P1D" />
${body}
  </bpmn:process>
</bpmn:definitions>`;

const catching = (definition: string) => procedure(`    <bpmn:sequenceFlow id="F2" sourceRef="Task" targetRef="Cond_Catch" />
    <bpmn:intermediateCatchEvent id="Cond_Catch">${definition}</bpmn:intermediateCatchEvent>
    <bpmn:sequenceFlow id="F3" sourceRef="Cond_Catch" targetRef="End" />
    <bpmn:endEvent id="End" />`);

const refusals = async (xml: string) => errorsOf((await lintBpmn(xml)).problems).filter((p) => p.rule === 'supported-elements').map((p) => [p.elementId, p.message]);
const sentence = expect.stringMatching(/conditional event is refused .*never taken as true.*exclusive gateway whose condition is FEEL/);

test('refused at deploy as an intermediate catch, a boundary event and the start of an event sub-process, FEEL or not', async () => {
  expect(await refusals(catching(condition('paid = true')))).toEqual([['Cond_Catch', sentence]]);
  expect(await refusals(catching(condition('${paid}', 'javascript')))).toEqual([['Cond_Catch', sentence]]);
  const boundary = procedure(`    <bpmn:sequenceFlow id="F2" sourceRef="Task" targetRef="End" />
    <bpmn:endEvent id="End" />
    <bpmn:boundaryEvent id="Cond_Boundary" attachedToRef="Task">${condition('amount > 5')}</bpmn:boundaryEvent>
    <bpmn:sequenceFlow id="B1" sourceRef="Cond_Boundary" targetRef="B_End" />
    <bpmn:endEvent id="B_End" />`);
  expect(await refusals(boundary)).toEqual([['Cond_Boundary', sentence]]);
  const eventSubProcess = procedure(`    <bpmn:sequenceFlow id="F2" sourceRef="Task" targetRef="End" />
    <bpmn:endEvent id="End" />
    <bpmn:subProcess id="Esp" triggeredByEvent="true">
      <bpmn:startEvent id="Esp_Start">${condition('paid = true')}</bpmn:startEvent>
      <bpmn:sequenceFlow id="E1" sourceRef="Esp_Start" targetRef="Esp_End" />
      <bpmn:endEvent id="Esp_End" />
    </bpmn:subProcess>`);
  expect(await refusals(eventSubProcess)).toEqual([['Esp_Start', sentence]]);

  // In the designer and the deploy problems, a Vietnamese reader gets the refusal's own sentence.
  const [problem] = errorsOf((await lintBpmn(catching(condition('paid = true')))).problems);
  expect(problem).toMatchObject({ rule: 'supported-elements', code: 'conditional-event' });
  expect(lintMessage(problem, 'vi')).toMatch(/sự kiện điều kiện.*không bao giờ coi điều kiện là đúng/);
});

test('at run time a conditional event that slipped through stops the run (an incident), it is not taken as true', async () => {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="D" targetNamespace="urn:x">
  <bpmn:process id="P" isExecutable="true">
    <bpmn:startEvent id="Start" />
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Cond_Catch" />
    <bpmn:intermediateCatchEvent id="Cond_Catch">${condition('paid = true')}</bpmn:intermediateCatchEvent>
    <bpmn:sequenceFlow id="F2" sourceRef="Cond_Catch" targetRef="End" />
    <bpmn:endEvent id="End" />
  </bpmn:process>
</bpmn:definitions>`;
  const context = serializeDefinition(await parseBpmn(xml));
  const run = startInstance(context, { paid: false });
  await expect(run).rejects.toThrow(ProcessError);
  await expect(startInstance(context, { paid: false })).rejects.toThrow(/Cond_Catch.*never taken as true/);
});
