import { readFileSync } from 'node:fs';
import { lintBpmn, errorsOf, warningsOf, type LintProblem } from '../../engine/lint/lintBpmn.js';
import { configs, resolver, rules } from '../../engine/lint/plugin.js';
import { onestopLintConfig, packedLintConfig } from '../../engine/lint/lintConfig.js';

const departments = ['TUPHAP_XA', 'CONGAN_XA', 'BHXH', 'MOTCUA_XA'];

function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/bpmn/${name}`, import.meta.url), 'utf8');
}

async function lintFixture(name: string, options = { departments }) {
  return lintBpmn(fixture(name), options);
}

/** A small procedure around `body`, for cases not worth a fixture file. */
function procedure(body: string, processAttributes = 'onestop:procedureCode="T.0001" onestop:deadline="P3D"'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xmlns:onestop="urn:onestop:bpmn:1.0"
    xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
    id="Definitions_Inline" targetNamespace="urn:test">
  <bpmn:process id="Process_Inline" isExecutable="true" ${processAttributes}>
${body}
  </bpmn:process>
</bpmn:definitions>`;
}

const START_TO_TASK = `
    <bpmn:startEvent id="Start" />
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task_A" />`;

function task(id: string, attributes = 'onestop:department="TUPHAP_XA" onestop:deadline="P1D"', name = id): string {
  return `    <bpmn:userTask id="${id}" name="${name}" ${attributes} />`;
}

function only(problems: LintProblem[]): LintProblem {
  expect(problems).toHaveLength(1);
  return problems[0]!;
}

describe('valid procedures', () => {
  it.each(['valid-minimal.bpmn', 'valid-no-di.bpmn', 'valid-lanes.bpmn'])('%s has no problems at all', async (name) => {
    const { definitions, problems } = await lintFixture(name);
    expect(problems).toEqual([]);
    expect(definitions?.$type).toBe('bpmn:Definitions');
  });

  it('lanes provide departments when no department list is configured', async () => {
    const { problems } = await lintBpmn(fixture('valid-lanes.bpmn'));
    expect(problems).toEqual([]);
  });

  it('the minimal procedure keeps its onestop attributes and form schema on the model', async () => {
    const { definitions } = await lintFixture('valid-minimal.bpmn');
    const process = definitions.rootElements.find((root: { $type: string }) => root.$type === 'bpmn:Process');
    expect(process.procedureCode).toBe('T.0001');
    expect(process.deadline).toBe('P3D');
    const start = process.flowElements.find((element: { id: string }) => element.id === 'Start_Submit');
    expect(start.extensionElements.values[0].$type).toBe('onestop:FormSchema');
  });
});

describe('refused files', () => {
  // [fixture, rule, element id, words the sentence must contain]
  const cases: [string, string, string | null, RegExp][] = [
    ['bad-not-well-formed.bpmn', 'well-formed', null, /not well-formed XML.*line 8/],
    ['bad-not-bpmn.bpmn', 'well-formed', null, /not a BPMN 2\.0 document.*<hoSo>/],
    ['bad-no-executable-process.bpmn', 'executable-process', 'Definitions_Bad', /no executable process/],
    ['bad-missing-procedure-code.bpmn', 'executable-process', 'Process_Bad', /has no onestop:procedureCode/],
    ['bad-task-without-department.bpmn', 'user-task-department', 'Task_Check', /Task_Check\) has no department/],
    ['bad-unknown-department.bpmn', 'user-task-department', 'Task_Check', /unknown department "TUPHAP_HUYEN"/],
    ['bad-deadline.bpmn', 'deadline-format', 'Task_Check', /onestop:deadline .*"3 days" is not an ISO-8601 duration/],
    ['bad-clock.bpmn', 'deadline-format', 'Process_Bad', /onestop:clock .*"business".*"working" or "calendar"/],
    ['bad-script-task.bpmn', 'no-script', 'Task_Script', /^Script tasks are not allowed: uploaded BPMN never runs code; replace .* with a user task\.$/],
    ['bad-condition-javascript.bpmn', 'no-script', 'Flow_Approve', /expression language "javascript".*only FEEL/],
    ['bad-condition-juel.bpmn', 'no-script', 'Flow_Approve', /"\$\{\.\.\.\}" expression-language \(JUEL\)/],
    ['bad-feel-syntax.bpmn', 'feel-condition', 'Flow_Approve', /not a valid FEEL expression.*decision = = \\"x\\"/],
    ['bad-form-schema-not-json.bpmn', 'form-schema', 'Start_Submit', /form schema of start event .* is not JSON/],
    ['bad-form-schema-invalid.bpmn', 'form-schema', 'Task_Check', /not a valid JSON Schema \(\/properties\/a\/type must be equal to one of the allowed values/],
    ['bad-gateway-flow-without-condition.bpmn', 'gateway-conditions', 'Flow_Refuse', /without a condition and is not its default flow/],
  ];

  it.each(cases)('%s → %s on %s', async (name, rule, elementId, sentence) => {
    const { problems } = await lintFixture(name);
    const problem = only(problems);
    expect(problem).toMatchObject({ rule, elementId, severity: 'error' });
    expect(problem.message).toMatch(sentence);
    // One clear English sentence.
    expect(problem.message).toMatch(/^[A-Z].*\.$/s);
  });

  it('files that do not parse yield no model', async () => {
    expect((await lintFixture('bad-not-well-formed.bpmn')).definitions).toBeNull();
    expect((await lintFixture('bad-not-bpmn.bpmn')).definitions).toBeNull();
    expect((await lintBpmn('')).problems[0]).toMatchObject({ rule: 'well-formed', elementId: null, severity: 'error' });
  });
});

describe('deadline-budget', () => {
  it('warns once, naming the path and the excess, and the file stays deployable', async () => {
    const { problems } = await lintFixture('warn-deadline-budget.bpmn');
    expect(errorsOf(problems)).toEqual([]);
    const warning = only(warningsOf(problems));
    expect(warning).toMatchObject({ rule: 'deadline-budget', elementId: 'Process_Budget', severity: 'warning' });
    expect(warning.message).toBe(
      'The path "Tiếp nhận → Thẩm định → Ký duyệt" allots 3 working days and 4 working hours to counted user tasks, '
      + 'which exceeds the statutory P3D by 4 working hours.');
  });

  it('counts the longest branch of a parallel split and ignores loops', async () => {
    const xml = procedure(`${START_TO_TASK}
${task('Task_A')}
    <bpmn:sequenceFlow id="F2" sourceRef="Task_A" targetRef="Split" />
    <bpmn:parallelGateway id="Split" />
    <bpmn:sequenceFlow id="F3" sourceRef="Split" targetRef="Task_Short" />
    <bpmn:sequenceFlow id="F4" sourceRef="Split" targetRef="Task_Long" />
${task('Task_Short', 'onestop:department="BHXH" onestop:deadline="PT1H"')}
${task('Task_Long', 'onestop:department="CONGAN_XA" onestop:deadline="P2D"')}
    <bpmn:sequenceFlow id="F5" sourceRef="Task_Short" targetRef="Join" />
    <bpmn:sequenceFlow id="F6" sourceRef="Task_Long" targetRef="Join" />
    <bpmn:parallelGateway id="Join" />
    <bpmn:sequenceFlow id="F7" sourceRef="Join" targetRef="Again" />
    <bpmn:exclusiveGateway id="Again" default="F9" />
    <bpmn:sequenceFlow id="F8" sourceRef="Again" targetRef="Task_A"><bpmn:conditionExpression>redo = true</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="F9" sourceRef="Again" targetRef="End" />
    <bpmn:endEvent id="End" />`, 'onestop:procedureCode="T.0001" onestop:deadline="PT20H"');
    const { problems } = await lintBpmn(xml, { departments });
    const warning = only(problems);
    expect(warning.message).toBe(
      'The path "Task_A → Task_Long" allots 3 working days to counted user tasks, which exceeds the statutory PT20H by 4 working hours.');
  });

  it('mentions further exceeding paths, adds sub-process allotments and honours each task\'s clock', async () => {
    const xml = procedure(`${START_TO_TASK}
${task('Task_A', 'onestop:department="TUPHAP_XA" onestop:deadline="P1D" onestop:clock="calendar"')}
    <bpmn:sequenceFlow id="F2" sourceRef="Task_A" targetRef="Choice" />
    <bpmn:exclusiveGateway id="Choice" default="F4" />
    <bpmn:sequenceFlow id="F3" sourceRef="Choice" targetRef="Sub"><bpmn:conditionExpression>x = 1</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="F4" sourceRef="Choice" targetRef="End" />
    <bpmn:subProcess id="Sub">
      <bpmn:startEvent id="Sub_Start" />
      <bpmn:sequenceFlow id="S1" sourceRef="Sub_Start" targetRef="Sub_Task" />
${task('Sub_Task', 'onestop:department="BHXH" onestop:deadline="PT2H"', 'Xác minh')}
      <bpmn:sequenceFlow id="S2" sourceRef="Sub_Task" targetRef="Sub_End" />
      <bpmn:endEvent id="Sub_End" />
    </bpmn:subProcess>
    <bpmn:sequenceFlow id="F5" sourceRef="Sub" targetRef="End" />
    <bpmn:endEvent id="End" />`, 'onestop:procedureCode="T.0001" onestop:deadline="PT16H"');
    const { problems } = await lintBpmn(xml, { departments });
    // Task_A: one calendar day = 24 h, against 16 working hours.
    expect(only(problems).message).toBe(
      'The path "Task_A → Xác minh" allots 3 working days and 2 working hours to counted user tasks, '
      + 'which exceeds the statutory PT16H by 1 working day and 2 working hours (1 other path exceeds it too).');
  });

  it('stays quiet without a process deadline', async () => {
    const xml = procedure(`${START_TO_TASK}
${task('Task_A', 'onestop:department="TUPHAP_XA" onestop:deadline="P30D"')}
    <bpmn:sequenceFlow id="F2" sourceRef="Task_A" targetRef="End" />
    <bpmn:endEvent id="End" />`, 'onestop:procedureCode="T.0001"');
    expect((await lintBpmn(xml, { departments })).problems).toEqual([]);
  });
});

describe('rule details', () => {
  const linear = (taskXml: string, processAttributes?: string) => procedure(`${START_TO_TASK}
${taskXml}
    <bpmn:sequenceFlow id="F2" sourceRef="Task_A" targetRef="End" />
    <bpmn:endEvent id="End" />`, processAttributes);

  it('only checks the presence of a department when no list is configured', async () => {
    expect((await lintBpmn(fixture('bad-unknown-department.bpmn'))).problems).toEqual([]);
    expect(only((await lintBpmn(fixture('bad-task-without-department.bpmn'))).problems).rule).toBe('user-task-department');
  });

  it('reports an unknown department on the lane once, not again on its tasks', async () => {
    const xml = linear(task('Task_A', 'onestop:deadline="P1D"')).replace('    <bpmn:startEvent', `    <bpmn:laneSet id="LS">
      <bpmn:lane id="Lane_X" onestop:department="KHONG_CO"><bpmn:flowNodeRef>Task_A</bpmn:flowNodeRef></bpmn:lane>
    </bpmn:laneSet>
    <bpmn:startEvent`);
    const problem = only((await lintBpmn(xml, { departments })).problems);
    expect(problem).toMatchObject({ rule: 'user-task-department', elementId: 'Lane_X' });
    expect(problem.message).toMatch(/unknown department "KHONG_CO"/);
  });

  it('finds the department of a nested lane that only the child lane lists', async () => {
    const xml = linear(task('Task_A', 'onestop:deadline="P1D"')).replace('    <bpmn:startEvent', `    <bpmn:laneSet id="LS">
      <bpmn:lane id="Lane_Parent" onestop:department="BHXH">
        <bpmn:childLaneSet id="LS2"><bpmn:lane id="Lane_Child"><bpmn:flowNodeRef>Task_A</bpmn:flowNodeRef></bpmn:lane></bpmn:childLaneSet>
      </bpmn:lane>
    </bpmn:laneSet>
    <bpmn:startEvent`);
    expect((await lintBpmn(xml, { departments })).problems).toEqual([]);
  });

  it('refuses a bad supplement policy, quoting it', async () => {
    const xml = linear(task('Task_A'), 'onestop:procedureCode="T.0001" onestop:supplementPolicy="pause"');
    const problem = only((await lintBpmn(xml, { departments })).problems);
    expect(problem).toMatchObject({ rule: 'deadline-format', elementId: 'Process_Inline' });
    expect(problem.message).toMatch(/"pause".*"restart" or "extend"/);
  });

  it('refuses scripts in conditional events, vendor extensions and the file-wide expression language', async () => {
    const xml = procedure(`
    <bpmn:startEvent id="Start">
      <bpmn:conditionalEventDefinition id="Cond"><bpmn:condition xsi:type="bpmn:tFormalExpression" language="groovy">x &gt; 1</bpmn:condition></bpmn:conditionalEventDefinition>
    </bpmn:startEvent>
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task_A" />
    <bpmn:userTask id="Task_A" onestop:department="TUPHAP_XA">
      <bpmn:extensionElements>
        <camunda:executionListener event="start"><camunda:script scriptFormat="javascript">doEvil()</camunda:script></camunda:executionListener>
      </bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="F2" sourceRef="Task_A" targetRef="End" />
    <bpmn:endEvent id="End" />`).replace('targetNamespace="urn:test"', 'targetNamespace="urn:test" expressionLanguage="javascript"');
    const { problems } = await lintBpmn(xml, { departments });
    expect(problems.map((problem) => [problem.rule, problem.elementId])).toEqual([
      ['no-script', 'Definitions_Inline'],
      ['no-script', 'Start'],
      ['supported-elements', 'Start'],
      ['no-script', 'Task_A'],
    ]);
    expect(problems[1]!.message).toMatch(/condition of start event Start declares the expression language "groovy"/);
    expect(problems[2]!.message).toMatch(/conditional event is refused/);
    expect(problems[3]!.message).toMatch(/<camunda:script>/);
  });

  it('accepts FEEL spelled as the OMG namespace and refuses an empty condition', async () => {
    const gateway = (condition: string) => procedure(`${START_TO_TASK}
${task('Task_A')}
    <bpmn:sequenceFlow id="F2" sourceRef="Task_A" targetRef="G" />
    <bpmn:exclusiveGateway id="G" default="F4" />
    <bpmn:sequenceFlow id="F3" sourceRef="G" targetRef="End">${condition}</bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="F4" sourceRef="G" targetRef="End" />
    <bpmn:endEvent id="End" />`);
    const omg = '<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="http://www.omg.org/spec/FEEL/20140401">x in (1, 2)</bpmn:conditionExpression>';
    expect((await lintBpmn(gateway(omg), { departments })).problems).toEqual([]);
    const empty = only((await lintBpmn(gateway('<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">  </bpmn:conditionExpression>'), { departments })).problems);
    expect(empty).toMatchObject({ rule: 'feel-condition', elementId: 'F3' });
    expect(empty.message).toMatch(/is empty/);
  });

  it('allows one form schema, and only on user tasks and start events', async () => {
    const schema = '<onestop:formSchema>{"type":"object"}</onestop:formSchema>';
    const xml = procedure(`${START_TO_TASK}
    <bpmn:userTask id="Task_A" onestop:department="TUPHAP_XA"><bpmn:extensionElements>${schema}${schema}</bpmn:extensionElements></bpmn:userTask>
    <bpmn:sequenceFlow id="F2" sourceRef="Task_A" targetRef="End" />
    <bpmn:endEvent id="End"><bpmn:extensionElements>${schema}</bpmn:extensionElements></bpmn:endEvent>`);
    const { problems } = await lintBpmn(xml, { departments });
    expect(problems.map((problem) => [problem.rule, problem.elementId])).toEqual([
      ['form-schema', 'Task_A'],
      ['form-schema', 'End'],
    ]);
    expect(problems[0]!.message).toMatch(/has 2 onestop:formSchema elements/);
    expect(problems[1]!.message).toMatch(/only allowed on a user task, a start event or an element that waits for data \(receive task, message event, external job\), not on end event End/);
  });

  it('refuses form schemas whose root is not an object or whose pattern does not compile', async () => {
    const withSchema = (body: string) => linear(`    <bpmn:userTask id="Task_A" onestop:department="TUPHAP_XA"><bpmn:extensionElements><onestop:formSchema>${body}</onestop:formSchema></bpmn:extensionElements></bpmn:userTask>`);
    const notObject = only((await lintBpmn(withSchema('{"type":"string"}'), { departments })).problems);
    expect(notObject.message).toMatch(/root must have "type": "object"/);
    const badPattern = only((await lintBpmn(withSchema('{"type":"object","properties":{"cccd":{"type":"string","pattern":"([0-9]{12}"}}}'), { departments })).problems);
    expect(badPattern.message).toMatch(/Invalid regular expression/);
  });
});

describe('parser warnings become well-formed errors', () => {
  it('names the element carrying an unknown attribute, a dangling reference or an unknown child', async () => {
    const xml = procedure(`${START_TO_TASK}
    <bpmn:userTask id="Task_A" onestop:department="TUPHAP_XA" onestop:deadlin="P1D">
      <bpmn:extensionElements><onestop:fromSchema>{}</onestop:fromSchema></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="F2" sourceRef="Task_A" targetRef="Ending" />
    <bpmn:endEvent id="End" />`);
    const { problems } = await lintBpmn(xml, { departments });
    const wellFormed = problems.filter((problem) => problem.rule === 'well-formed');
    expect(wellFormed.map((problem) => problem.elementId).sort()).toEqual(['F2', 'Task_A', 'Task_A']);
    expect(wellFormed.every((problem) => problem.severity === 'error')).toBe(true);
    const messages = wellFormed.map((problem) => problem.message).join('\n');
    expect(messages).toMatch(/unknown attribute onestop:deadlin/);
    expect(messages).toMatch(/<onestop:fromSchema> inside Task_A was not understood.*\(line 12, column 31\)/);
    expect(messages).toMatch(/refers to "Ending" \(bpmn:targetRef\), but no element has that id/);
  });

  it('sorts problems in document order', async () => {
    const xml = procedure(`
    <bpmn:userTask id="Task_First" />
    <bpmn:scriptTask id="Task_Second" />
    <bpmn:userTask id="Task_Third" onestop:department="TUPHAP_XA" onestop:clock="sometimes" />`, '');
    const { problems } = await lintBpmn(xml, { departments });
    expect(problems.map((problem) => problem.elementId)).toEqual(['Process_Inline', 'Task_First', 'Task_Second', 'Task_Third']);
  });
});

describe('plugin', () => {
  it('exports every rule as a factory and a recommended config with deadline-budget and lane-department as warnings', () => {
    expect(Object.keys(rules)).toEqual(expect.arrayContaining([
      'cycle-without-wait', 'deadline-budget', 'deadline-format', 'document-lists', 'executable-process', 'feel-condition',
      'form-schema', 'gateway-conditions', 'lane-department', 'model-limits', 'no-script', 'supported-elements', 'user-task-department',
    ]));
    for (const factory of Object.values(rules)) expect(typeof factory({}).check).toBe('function');
    const recommended = configs.recommended!.rules!;
    expect(recommended['onestop/deadline-budget']).toBe('warn');
    expect(recommended['onestop/lane-department']).toBe('warn');
    // Every other rule refuses the file.
    expect(Object.entries(recommended).filter(([, level]) => level === 'error')).toHaveLength(Object.keys(rules).length - 2);
  });

  it('resolves by bpmnlint\'s package names without module resolution', () => {
    expect(resolver.resolveRule('bpmnlint-plugin-onestop', 'no-script')).toBe(rules['no-script']);
    expect(resolver.resolveConfig('bpmnlint-plugin-onestop', 'recommended')).toBe(configs.recommended);
    expect(resolver.resolveRule('bpmnlint', 'no-script')).toBeNull();
    expect(resolver.resolveRule('bpmnlint-plugin-onestop', 'toString')).toBeNull();
  });

  it('builds the same config for server and designer', () => {
    expect(onestopLintConfig()).toEqual({ extends: 'plugin:onestop/recommended' });
    expect(packedLintConfig({ departments: ['BHXH'] })).toEqual({
      config: { extends: 'plugin:onestop/recommended', rules: { 'onestop/user-task-department': ['error', { departments: ['BHXH'] }] } },
      resolver,
    });
  });
});

describe('a looping 20-task procedure', () => {
  // Its lint time is a bench figure (npm run bench: lint_20_task_ms), not a
  // timed unit test: a busy host must not fail the suite.
  it('lints clean, every run alike', async () => {
    // Start → Task_0 → G_0 → Task_1 → … → G_19 → End, every gateway also
    // offering a loop back to Task_0 and every task carrying a form.
    const steps = Array.from({ length: 20 }, (_, i) => `
    <bpmn:sequenceFlow id="In_${i}" sourceRef="${i === 0 ? 'Start' : `G_${i - 1}`}" targetRef="Task_${i}" />
    <bpmn:userTask id="Task_${i}" name="Bước ${i}" onestop:department="MOTCUA_XA" onestop:deadline="PT1H">
      <bpmn:extensionElements><onestop:formSchema>{"type":"object","properties":{"f${i}":{"type":"string","pattern":"^[0-9]+$"}}}</onestop:formSchema></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="ToG_${i}" sourceRef="Task_${i}" targetRef="G_${i}" />
    <bpmn:exclusiveGateway id="G_${i}" default="${i === 19 ? 'Out' : `In_${i + 1}`}" />
    <bpmn:sequenceFlow id="Back_${i}" sourceRef="G_${i}" targetRef="Task_0"><bpmn:conditionExpression>decision = "redo" and count(docs) &gt; ${i}</bpmn:conditionExpression></bpmn:sequenceFlow>`).join('');
    const xml = procedure(`    <bpmn:startEvent id="Start" />${steps}
    <bpmn:sequenceFlow id="Out" sourceRef="G_19" targetRef="End" />
    <bpmn:endEvent id="End" />`);

    for (let i = 0; i < 3; i++) {
      const { problems } = await lintBpmn(xml, { departments });
      expect(problems).toEqual([]);
    }
  });
});
