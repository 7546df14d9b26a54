import { lintBpmn } from '../../../engine/lint/lintBpmn.js';

// What multi-instance and call activities do not run is refused at deploy by
// the lint rules the designer runs too, each with the element and a sentence.

const process = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xmlns:onestop="urn:onestop:bpmn:1.0" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Defs_Mi" targetNamespace="urn:onestop:test">
  <bpmn:process id="Process_Mi" isExecutable="true" onestop:procedureCode="ST.MI.LINT">
    <bpmn:startEvent id="Start" />
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task_Many" />
    ${body}
    <bpmn:sequenceFlow id="F2" sourceRef="Task_Many" targetRef="End" />
    <bpmn:endEvent id="End" />
  </bpmn:process>
</bpmn:definitions>`;
const task = (marker: string, department = 'MOTCUA_XA') => process(`<bpmn:userTask id="Task_Many" onestop:department="${department}">${marker}</bpmn:userTask>`);

async function problemsOf(xml: string, rule: string) {
  const { problems } = await lintBpmn(xml, { departments: ['MOTCUA_XA'], procedures: [] });
  return problems.filter((p) => p.rule === rule).map((p) => `${p.elementId}: ${p.message}`);
}

test.each([
  ['a collection not written in FEEL', '<bpmn:multiInstanceLoopCharacteristics onestop:collection="agencies" />', /not a FEEL expression: start it with "="/],
  ['another engine\'s collection attribute', '<bpmn:multiInstanceLoopCharacteristics camunda:collection="${agencies}" />', /camunda:collection is another engine's attribute/],
  ['neither a collection nor a cardinality', '<bpmn:multiInstanceLoopCharacteristics />', /neither how many instances nor over which list/],
  ['a FEEL collection that does not parse', '<bpmn:multiInstanceLoopCharacteristics onestop:collection="= agencies[" />', /not a valid FEEL expression/],
  ['an element variable FEEL cannot name', '<bpmn:multiInstanceLoopCharacteristics onestop:collection="= agencies" onestop:elementVariable="the agency" />', /not a name FEEL can refer to/],
  ['a completion condition in JavaScript', '<bpmn:multiInstanceLoopCharacteristics isSequential="true"><bpmn:loopCardinality>2</bpmn:loopCardinality><bpmn:completionCondition xsi:type="bpmn:tFormalExpression" language="javascript">done</bpmn:completionCondition></bpmn:multiInstanceLoopCharacteristics>', /write it in FEEL/],
  ['a cardinality above the fan-out bound', '<bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality>5000</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>', /more than the 500 steps/],
])('refused: %s', async (_name, marker, sentence) => {
  const problems = await problemsOf(task(marker), 'multi-instance');
  expect(problems).toHaveLength(1);
  expect(problems[0]).toMatch(/^Task_Many: The multi-instance user task .* is refused: /);
  expect(problems[0]).toMatch(sentence);
});

test('multi-instance on a receive task is refused: user tasks and sub-processes only', async () => {
  const xml = process('<bpmn:receiveTask id="Task_Many"><bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality>2</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics></bpmn:receiveTask>');
  expect(await problemsOf(xml, 'multi-instance')).toEqual([expect.stringMatching(/runs on user tasks and embedded sub-processes only/)]);
});

test('a FEEL collection, element variable, FEEL department and completion condition lint clean', async () => {
  const xml = task('<bpmn:multiInstanceLoopCharacteristics onestop:collection="= agencies" onestop:elementVariable="agency"><bpmn:completionCondition xsi:type="bpmn:tFormalExpression">= nrOfCompletedInstances &gt;= 2</bpmn:completionCondition></bpmn:multiInstanceLoopCharacteristics>', '= agency.department');
  const { problems } = await lintBpmn(xml, { departments: ['MOTCUA_XA'], procedures: [] });
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
});

test('a FEEL department that does not parse is refused on the task', async () => {
  const xml = task('<bpmn:multiInstanceLoopCharacteristics onestop:collection="= agencies" onestop:elementVariable="agency" />', '= agency.');
  expect(await problemsOf(xml, 'user-task-department')).toEqual([expect.stringMatching(/^Task_Many: The department of the user task .* is not a valid FEEL expression/)]);
});

test('a call activity without a procedure code, or calling itself, is refused', async () => {
  const none = process('<bpmn:callActivity id="Task_Many" />');
  expect(await problemsOf(none, 'call-activity')).toEqual([expect.stringMatching(/names no procedure: set calledElement/)]);
  const itself = process('<bpmn:callActivity id="Task_Many" calledElement="ST.MI.LINT" />');
  expect(await problemsOf(itself, 'call-activity')).toEqual([expect.stringMatching(/calls its own procedure ST.MI.LINT: it would never end/)]);
});

test('a boundary event on a call activity is refused on the event', async () => {
  const xml = process('<bpmn:callActivity id="Task_Many" calledElement="ST.OTHER" /><bpmn:boundaryEvent id="Late" attachedToRef="Task_Many"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>');
  expect(await problemsOf(xml, 'call-activity')).toEqual([
    expect.stringMatching(/^Task_Many: .* calls procedure ST.OTHER, which is not deployed/),
    expect.stringMatching(/^Late: The boundary event .* on the call activity .* is refused: events on a call activity are not run yet/),
  ]);
});
