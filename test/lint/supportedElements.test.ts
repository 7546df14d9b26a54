// The BPMN subset the engine runs, as deploy and the designer check it:
// refusals with the element and a sentence, false refusals that no longer
// happen, structural limits and the loop rule.

import { jest } from '@jest/globals';
import { lintBpmn, errorsOf, type LintProblem } from '../../engine/lint/lintBpmn.js';
import { rules } from '../../engine/lint/plugin.js';
import { ALL_SUPPORT, supportEntry } from '../../engine/bpmn/supportedElements.js';
import { MAX_FLOW_NODES, MAX_ID_LENGTH, MAX_NESTING_DEPTH, MAX_PARALLEL_TASKS, MAX_STEPS_WITHOUT_WAIT } from '../../engine/bpmn/modelLimits.js';
import { parseBpmn } from '../../engine/bpmn/parseBpmn.js';
import { serializeDefinition } from '../../engine/runtime/serializeDefinition.js';
import { startInstance } from '../../engine/runtime/processRun.js';
import { PROCEDURE_CODE_PATTERN } from '../../engine/bpmn/extensionReader/codes.js';
import { enumeratePaths } from '../../engine/lint/support/paths.js';

const departments = ['TUPHAP_XA', 'CONGAN_XA'];

function definitions(inner: string, declaration = '<?xml version="1.0" encoding="UTF-8"?>'): string {
  return `${declaration}
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xmlns:onestop="urn:onestop:bpmn:1.0"
    xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
    xmlns:x="urn:example:docs"
    id="Defs" targetNamespace="urn:test">
${inner}
</bpmn:definitions>`;
}

function procedure(body: string, attributes = 'onestop:procedureCode="T.0001"'): string {
  return definitions(`  <bpmn:process id="P" isExecutable="true" ${attributes}>
${body}
  </bpmn:process>`);
}

const task = (id: string) => `<bpmn:userTask id="${id}" onestop:department="TUPHAP_XA" />`;

/** Start → <element id="X"> → End, the element written by the caller. */
function around(element: string): string {
  return procedure(`    <bpmn:startEvent id="Start" />
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="X" />
    ${element}
    <bpmn:sequenceFlow id="F2" sourceRef="X" targetRef="End" />
    <bpmn:endEvent id="End" />`);
}

async function problemsOf(xml: string): Promise<LintProblem[]> {
  return (await lintBpmn(xml, { departments })).problems;
}

const ruleAndId = (problems: LintProblem[]) => problems.map((problem) => [problem.rule, problem.elementId]);

describe('supported-elements refuses what the engine does not run, naming what to use instead', () => {
  const cases: [string, string, RegExp][] = [
    ['manual task', '<bpmn:manualTask id="X" />', /manual task X is refused: .*use a user task/],
    ['business-rule task', '<bpmn:businessRuleTask id="X" />', /refused until decision tables exist/],
    ['task without a type', '<bpmn:task id="X" />', /make it a user task/],
    ['service task', '<bpmn:serviceTask id="X" onestop:jobType="lookup" />', /service task .*is not run by this engine yet/],
    ['send task', '<bpmn:sendTask id="X" onestop:jobType="notify" />', /send task is not run by this engine yet/],
    ['receive task', '<bpmn:receiveTask id="X" />', /receive task is not run by this engine yet/],
    ['call activity', '<bpmn:callActivity id="X" calledElement="T.0002" />', /call activity is not run by this engine yet/],
    ['embedded sub-process', `<bpmn:subProcess id="X"><bpmn:startEvent id="S1" /><bpmn:sequenceFlow id="S2" sourceRef="S1" targetRef="S3" />${task('S3')}</bpmn:subProcess>`, /embedded sub-process is not run by this engine yet/],
    ['transaction', '<bpmn:transaction id="X" />', /Transaction sub-processes/i],
    ['ad-hoc sub-process', '<bpmn:adHocSubProcess id="X" />', /no order the engine could follow/],
    ['complex gateway', '<bpmn:complexGateway id="X" />', /complex gateway .*use an exclusive gateway/],
    ['inclusive gateway', '<bpmn:inclusiveGateway id="X" />', /inclusive gateway is not run by this engine yet/],
    ['event-based gateway', '<bpmn:eventBasedGateway id="X" />', /event-based gateway is not run by this engine yet/],
    ['multi-instance', '<bpmn:userTask id="X" onestop:department="TUPHAP_XA"><bpmn:multiInstanceLoopCharacteristics isSequential="true" /></bpmn:userTask>', /multi-instance is not run by this engine yet/],
    ['standard loop', '<bpmn:userTask id="X" onestop:department="TUPHAP_XA"><bpmn:standardLoopCharacteristics /></bpmn:userTask>', /Loop markers are not run/i],
    ['compensation activity', '<bpmn:userTask id="X" onestop:department="TUPHAP_XA" isForCompensation="true" />', /compensation is not run/],
    ['timer catch', '<bpmn:intermediateCatchEvent id="X"><bpmn:timerEventDefinition /></bpmn:intermediateCatchEvent>', /timer event is not run by this engine yet/],
    ['message catch', '<bpmn:intermediateCatchEvent id="X"><bpmn:messageEventDefinition /></bpmn:intermediateCatchEvent>', /message event is not run by this engine yet/],
    ['signal throw', '<bpmn:intermediateThrowEvent id="X"><bpmn:signalEventDefinition /></bpmn:intermediateThrowEvent>', /signal event is not run/],
    ['escalation throw', '<bpmn:intermediateThrowEvent id="X"><bpmn:escalationEventDefinition /></bpmn:intermediateThrowEvent>', /escalation event is not run/],
    ['compensation throw', '<bpmn:intermediateThrowEvent id="X"><bpmn:compensateEventDefinition /></bpmn:intermediateThrowEvent>', /compensation is not run/],
    ['link throw', '<bpmn:intermediateThrowEvent id="X"><bpmn:linkEventDefinition name="L" /></bpmn:intermediateThrowEvent>', /link event is not run/],
    ['conditional catch', '<bpmn:intermediateCatchEvent id="X"><bpmn:conditionalEventDefinition><bpmn:condition xsi:type="bpmn:tFormalExpression">x = 1</bpmn:condition></bpmn:conditionalEventDefinition></bpmn:intermediateCatchEvent>', /conditional event is refused .*never taken as true/],
    ['multiple catch', '<bpmn:intermediateCatchEvent id="X"><bpmn:timerEventDefinition /><bpmn:messageEventDefinition /></bpmn:intermediateCatchEvent>', /several event definitions \(multiple or parallel multiple\)/],
    ['catch without a definition', '<bpmn:intermediateCatchEvent id="X" />', /intermediate catch event is not run by this engine yet/],
  ];

  // Entries that the events work turns to "supported" as it makes them run:
  // while the table says so, the element passes this rule.
  const flipping: Record<string, string> = {
    'service task': 'bpmn:ServiceTask', 'send task': 'bpmn:SendTask', 'receive task': 'bpmn:ReceiveTask',
    'event-based gateway': 'bpmn:EventBasedGateway', 'timer catch': 'bpmn:TimerEventDefinition',
    'message catch': 'bpmn:MessageEventDefinition', 'call activity': 'bpmn:CallActivity',
    'embedded sub-process': 'bpmn:SubProcess', 'inclusive gateway': 'bpmn:InclusiveGateway',
    'multi-instance': 'bpmn:MultiInstanceLoopCharacteristics', 'signal throw': 'bpmn:SignalEventDefinition',
    'escalation throw': 'bpmn:EscalationEventDefinition', 'conditional catch': 'bpmn:ConditionalEventDefinition',
    'link throw': 'bpmn:LinkEventDefinition',
  };

  it.each(cases)('%s', async (kind, element, sentence) => {
    const problems = await problemsOf(around(element));
    const refusal = problems.find((problem) => problem.rule === 'supported-elements');
    if (flipping[kind] && supportEntry(flipping[kind])!.support === 'supported') {
      expect(refusal).toBeUndefined();
      return;
    }
    expect(refusal).toMatchObject({ elementId: 'X', severity: 'error' });
    expect(refusal!.message).toMatch(sentence);
    expect(refusal!.message).toMatch(/^The .*\.$/s);
  });

  it('refuses compensation boundary events and parallel-multiple start events', async () => {
    const xml = procedure(`    <bpmn:startEvent id="Start" parallelMultiple="true"><bpmn:messageEventDefinition /><bpmn:timerEventDefinition /></bpmn:startEvent>
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="A" />
    ${task('A')}
    <bpmn:boundaryEvent id="B" attachedToRef="A"><bpmn:compensateEventDefinition /></bpmn:boundaryEvent>
    <bpmn:sequenceFlow id="F2" sourceRef="A" targetRef="End" />
    <bpmn:endEvent id="End" />`);
    // Parallel multiple is refused whatever its definitions; compensation always.
    expect(ruleAndId(await problemsOf(xml))).toEqual([['supported-elements', 'Start'], ['supported-elements', 'B']]);
  });

  it('refuses a definition used on an event it is not run on (a timer start, a message end event)', async () => {
    const xml = procedure(`    <bpmn:startEvent id="Start"><bpmn:timerEventDefinition /></bpmn:startEvent>
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="A" />
    ${task('A')}
    <bpmn:sequenceFlow id="F2" sourceRef="A" targetRef="End" />
    <bpmn:endEvent id="End"><bpmn:messageEventDefinition /></bpmn:endEvent>`);
    const problems = await problemsOf(xml);
    expect(ruleAndId(problems)).toEqual([['supported-elements', 'Start'], ['supported-elements', 'End']]);
    expect(problems[1]!.message).toMatch(/message end event .*not run by this engine/);
  });

  it('refuses an external job without its job type, which nothing would ever fetch', async () => {
    for (const element of ['<bpmn:serviceTask id="X" />', '<bpmn:sendTask id="X" />']) {
      const problems = (await problemsOf(around(element))).filter((problem) => problem.rule === 'supported-elements');
      expect(ruleAndId(problems)).toEqual([['supported-elements', 'X']]);
      if (supportEntry('bpmn:ServiceTask')!.support === 'supported') expect(problems[0]!.message).toMatch(/needs onestop:jobType/);
    }
    expect((await problemsOf(around('<bpmn:serviceTask id="X" onestop:jobType="tax-lookup" />'))).filter((problem) => problem.rule === 'supported-elements')).toEqual(
      supportEntry('bpmn:ServiceTask')!.support === 'supported' ? [] : [expect.objectContaining({ elementId: 'X' })]);
  });

  it('accepts the subset it runs: user tasks, exclusive and parallel gateways, none and terminate events, lanes, data and annotations', async () => {
    const xml = procedure(`    <bpmn:laneSet id="LS"><bpmn:lane id="Lane" onestop:department="CONGAN_XA"><bpmn:flowNodeRef>B</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>
    <bpmn:startEvent id="Start" />
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Split" />
    <bpmn:parallelGateway id="Split" />
    <bpmn:sequenceFlow id="F2" sourceRef="Split" targetRef="A" />
    <bpmn:sequenceFlow id="F3" sourceRef="Split" targetRef="B" />
    ${task('A')}
    <bpmn:userTask id="B" />
    <bpmn:sequenceFlow id="F4" sourceRef="A" targetRef="Join" />
    <bpmn:sequenceFlow id="F5" sourceRef="B" targetRef="Join" />
    <bpmn:parallelGateway id="Join" />
    <bpmn:sequenceFlow id="F6" sourceRef="Join" targetRef="Milestone" />
    <bpmn:intermediateThrowEvent id="Milestone" />
    <bpmn:sequenceFlow id="F7" sourceRef="Milestone" targetRef="Choice" />
    <bpmn:exclusiveGateway id="Choice" default="F9" />
    <bpmn:sequenceFlow id="F8" sourceRef="Choice" targetRef="Stop"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">refused = true</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="F9" sourceRef="Choice" targetRef="End" />
    <bpmn:endEvent id="Stop"><bpmn:terminateEventDefinition /></bpmn:endEvent>
    <bpmn:endEvent id="End" />
    <bpmn:dataObject id="DO" />
    <bpmn:dataObjectReference id="DOR" dataObjectRef="DO" />
    <bpmn:textAnnotation id="Note"><bpmn:text>Hồ sơ</bpmn:text></bpmn:textAnnotation>
    <bpmn:association id="Assoc" sourceRef="A" targetRef="Note" />`);
    expect(await problemsOf(xml)).toEqual([]);
  });

  it('every table entry has a sentence, and every refusal says what to do or why not', () => {
    for (const entry of ALL_SUPPORT) {
      expect(entry.why).toMatch(/\.$/);
      if (entry.support === 'refused') expect(entry.why).toMatch(/^[A-Z]/);
      if (entry.support === 'refused') expect(entry.why).toMatch(/\b(use|draw|make|decide|replace|let)\b|until/);
    }
  });
});

describe('collaborations', () => {
  const commune = `  <bpmn:process id="Commune" isExecutable="true" onestop:procedureCode="T.0001">
    <bpmn:startEvent id="Start" />
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Ask" />
    ${task('Ask')}
    <bpmn:sequenceFlow id="F2" sourceRef="Ask" targetRef="End" />
    <bpmn:endEvent id="End" />
  </bpmn:process>`;
  const police = (attributes: string) => `  <bpmn:process id="Police" ${attributes}>
    <bpmn:startEvent id="P_Start"><bpmn:messageEventDefinition /></bpmn:startEvent>
    <bpmn:sequenceFlow id="P_F1" sourceRef="P_Start" targetRef="P_Check" />
    <bpmn:manualTask id="P_Check" />
    <bpmn:sequenceFlow id="P_F2" sourceRef="P_Check" targetRef="P_End" />
    <bpmn:endEvent id="P_End" />
  </bpmn:process>`;
  const collaboration = (policeAttributes: string, withProcess = true) => definitions(`  <bpmn:collaboration id="Collab">
    <bpmn:participant id="Pool_Commune" processRef="Commune" />
    <bpmn:participant id="Pool_Police" ${withProcess ? 'processRef="Police"' : ''} />
    <bpmn:messageFlow id="M1" sourceRef="Ask" targetRef="${withProcess ? 'P_Start' : 'Pool_Police'}" />
  </bpmn:collaboration>
${commune}
${withProcess ? police(policeAttributes) : ''}`);

  it('a black-box police pool with a message flow to it is documentation', async () => {
    expect(await problemsOf(collaboration('', false))).toEqual([]);
  });

  it('a drawn police pool is not checked, even when its modeler marked it executable', async () => {
    expect(await problemsOf(collaboration('isExecutable="false"'))).toEqual([]);
    expect(await problemsOf(collaboration('isExecutable="true"'))).toEqual([]);
  });

  it('two pools that both name a procedure code are refused, naming both', async () => {
    const problems = await problemsOf(collaboration('isExecutable="true" onestop:procedureCode="T.0002"'));
    expect(ruleAndId(problems)[0]).toEqual(['executable-process', 'Defs']);
    expect(problems[0]!.message).toMatch(/2 processes that could be the procedure \(Commune, Police\)/);
    // Either could be the procedure, so both are checked meanwhile.
    expect(ruleAndId(problems.slice(1))).toContainEqual(['supported-elements', 'P_Check']);
    expect(new Set(problems.slice(1).map((problem) => problem.rule))).toEqual(new Set(['supported-elements']));
  });
});

describe('false refusals that no longer happen', () => {
  const linear = (inner = task('X')) => around(inner);

  it('a pure-ASCII file declaring ISO-8859-1 (or windows-1252) is accepted', async () => {
    for (const encoding of ['ISO-8859-1', 'windows-1252', 'US-ASCII']) {
      const xml = linear().replace('<?xml version="1.0" encoding="UTF-8"?>', `<?xml version="1.0" encoding="${encoding}" standalone="yes"?>`);
      expect(await problemsOf(xml)).toEqual([]);
    }
  });

  it('extension elements are judged by namespace and type, not by a substring of their name', async () => {
    const xml = around(`<bpmn:userTask id="X" onestop:department="TUPHAP_XA"><bpmn:extensionElements>
      <x:description>Mô tả</x:description><x:projectDescription /><zeebe:subscription correlationKey="=id" />
    </bpmn:extensionElements></bpmn:userTask>`);
    expect(await problemsOf(xml)).toEqual([]);
    const script = around('<bpmn:userTask id="X" onestop:department="TUPHAP_XA"><bpmn:extensionElements><zeebe:script expression="=1" resultVariable="r" /></bpmn:extensionElements></bpmn:userTask>');
    expect(ruleAndId(await problemsOf(script))).toEqual([['no-script', 'X']]);
  });

  it.each([
    'http://www.omg.org/spec/FEEL/20140401',
    'http://www.omg.org/spec/DMN/20180521/FEEL/',
    'https://www.omg.org/spec/DMN/20191111/FEEL/',
    'https://www.omg.org/spec/DMN/20211108/FEEL/',
    'https://www.omg.org/spec/DMN/20230324/FEEL/',
    'https://www.omg.org/spec/DMN/20191111/FEEL',
  ])('FEEL under %s is FEEL, in a condition and file-wide', async (uri) => {
    const xml = procedure(`    <bpmn:startEvent id="Start" />
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="G" />
    <bpmn:exclusiveGateway id="G" default="F3" />
    <bpmn:sequenceFlow id="F2" sourceRef="G" targetRef="End"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="${uri}">x in (1, 2)</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="F3" sourceRef="G" targetRef="End" />
    <bpmn:endEvent id="End" />`).replace('targetNamespace="urn:test"', `targetNamespace="urn:test" expressionLanguage="${uri}"`);
    expect(await problemsOf(xml)).toEqual([]);
  });

  it('a procedure code the API would refuse is refused at deploy, naming the process', async () => {
    const problems = await problemsOf(around(task('X')).replace('onestop:procedureCode="T.0001"', 'onestop:procedureCode="1.001 234/xã"'));
    expect(ruleAndId(problems)).toEqual([['executable-process', 'P']]);
    expect(problems[0]!.message).toMatch(/"1\.001 234\/xã" is not a procedure code/);
    expect(new RegExp(PROCEDURE_CODE_PATTERN).test('1.001234')).toBe(true);
    expect(await problemsOf(around(task('X')).replace('T.0001', '2.002621'))).toEqual([]);
  });
});

describe('loops without a wait state', () => {
  it('refuses a loop of gateways only, once, naming its elements', async () => {
    const xml = procedure(`    <bpmn:startEvent id="Start" />
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="G1" />
    <bpmn:exclusiveGateway id="G1" />
    <bpmn:sequenceFlow id="F2" sourceRef="G1" targetRef="G2" />
    <bpmn:exclusiveGateway id="G2" default="F4" />
    <bpmn:sequenceFlow id="F3" sourceRef="G2" targetRef="End"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">done = true</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="F4" sourceRef="G2" targetRef="G1" />
    <bpmn:endEvent id="End" />`);
    const problems = await problemsOf(xml);
    expect(ruleAndId(problems)).toEqual([['cycle-without-wait', 'G1']]);
    expect(problems[0]!.message).toMatch(/The loop G1 → G2 has no step that waits/);
  });

  it('accepts a loop back through a user task (return for supplement)', async () => {
    const xml = procedure(`    <bpmn:startEvent id="Start" />
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="G1" />
    <bpmn:exclusiveGateway id="G1" />
    <bpmn:sequenceFlow id="F2" sourceRef="G1" targetRef="A" />
    ${task('A')}
    <bpmn:sequenceFlow id="F5" sourceRef="A" targetRef="G2" />
    <bpmn:exclusiveGateway id="G2" default="F4" />
    <bpmn:sequenceFlow id="F3" sourceRef="G2" targetRef="End"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">done = true</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="F4" sourceRef="G2" targetRef="G1" />
    <bpmn:endEvent id="End" />`);
    expect(await problemsOf(xml)).toEqual([]);
  });

  it('refuses a self-loop of one gateway', async () => {
    const xml = procedure(`    <bpmn:startEvent id="Start" />
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="G" />
    <bpmn:exclusiveGateway id="G" default="F3" />
    <bpmn:sequenceFlow id="F2" sourceRef="G" targetRef="G"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">again = true</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="F3" sourceRef="G" targetRef="End" />
    <bpmn:endEvent id="End" />`);
    expect(ruleAndId(await problemsOf(xml))).toEqual([['cycle-without-wait', 'G']]);
  });
});

/** Start → T_0 → … → T_{n-1} → End, every task counted with a deadline. */
function chain(n: number, processAttributes = 'onestop:procedureCode="T.0001"'): string {
  const parts: string[] = ['    <bpmn:startEvent id="Start" />'];
  for (let i = 0; i < n; i++) {
    parts.push(`    <bpmn:sequenceFlow id="F_${i}" sourceRef="${i === 0 ? 'Start' : `T_${i - 1}`}" targetRef="T_${i}" />`);
    parts.push(`    <bpmn:userTask id="T_${i}" onestop:department="TUPHAP_XA" onestop:deadline="PT1H" />`);
  }
  parts.push(`    <bpmn:sequenceFlow id="F_end" sourceRef="T_${n - 1}" targetRef="End" />`, '    <bpmn:endEvent id="End" />');
  return procedure(parts.join('\n'), processAttributes);
}

describe('limits', () => {
  it(`accepts ${MAX_FLOW_NODES} flow nodes, and the deadline budget walks them without overflowing the stack`, async () => {
    const problems = await problemsOf(chain(MAX_FLOW_NODES - 2, 'onestop:procedureCode="T.0001" onestop:deadline="P1D"'));
    expect(errorsOf(problems)).toEqual([]);
    expect(ruleAndId(problems)).toEqual([['deadline-budget', 'P']]);
  });

  it('the path walk is iterative: a 100,000-node chain does not overflow the stack', () => {
    const nodes = Array.from({ length: 100_000 }, (_, i) => ({ id: `N${i}`, $instanceOf: (type: string) => type === (i === 0 ? 'bpmn:StartEvent' : 'bpmn:Task') }));
    const flows = nodes.slice(1).map((node, i) => ({ sourceRef: nodes[i], targetRef: node, $instanceOf: (type: string) => type === 'bpmn:SequenceFlow' }));
    const { paths, truncated } = enumeratePaths({ flowElements: [...nodes, ...flows] });
    expect(truncated).toBe(false);
    expect(paths).toHaveLength(1);
    expect(paths[0]).toHaveLength(100_000);
  });

  it(`refuses more than ${MAX_FLOW_NODES} flow nodes with one problem on the process, quickly and alone`, async () => {
    const problems = await problemsOf(chain(20_000));
    expect(ruleAndId(problems)).toEqual([['model-limits', 'P']]);
    expect(problems[0]!.message).toMatch(/has 20002 flow nodes; a procedure may have at most 2000/);
  });

  it(`accepts ids of ${MAX_ID_LENGTH} characters and refuses longer ones, naming the element`, async () => {
    const longest = `T${'x'.repeat(MAX_ID_LENGTH - 1)}`;
    expect(errorsOf(await problemsOf(around(task('X')).replace(/"X"/g, `"${longest}"`)))).toEqual([]);
    const tooLong = `T${'x'.repeat(1999)}`;
    const problems = await problemsOf(around(task('X')).replace(/"X"/g, `"${tooLong}"`));
    expect(ruleAndId(errorsOf(problems))).toEqual([['model-limits', tooLong]]);
    expect(problems[0]!.message).toMatch(/^The id of the UserTask "Tx{39}… \(2000 characters\)" is 2000 characters long; ids may have at most 255/);
  });

  it('refuses a process id of 2,000 characters', async () => {
    const problems = await problemsOf(around(task('X')).replace('id="P"', `id="P${'p'.repeat(1999)}"`));
    expect(errorsOf(problems).map((problem) => problem.rule)).toEqual(['model-limits']);
    expect(problems[0]!.message).toMatch(/The id of the Process "Pp{39}… \(2000 characters\)"/);
  });

  it('refuses a procedure code of 2,000 characters, without repeating it whole', async () => {
    const problems = errorsOf(await problemsOf(around(task('X')).replace('T.0001', `T.${'1'.repeat(1998)}`)));
    expect(problems.map((problem) => problem.rule)).toEqual(['executable-process']);
    expect(problems[0]!.message).toMatch(/"T\.1{38}… \(2000 characters\)" is not a procedure code: use 1 to 40/);
    expect(problems[0]!.message.length).toBeLessThan(300);
  });

  it('refuses a department code of 2,000 characters', async () => {
    const problems = errorsOf(await problemsOf(around(task('X').replace('TUPHAP_XA', 'D'.repeat(2000)))));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.map((problem) => problem.message).join('\n')).toMatch(/D{40}… \(2000 characters\)" is not a department code/);
  });

  it(`refuses sub-processes nested deeper than ${MAX_NESTING_DEPTH}`, async () => {
    let inner = task('Deep');
    for (let level = MAX_NESTING_DEPTH + 1; level >= 1; level--) inner = `<bpmn:subProcess id="Sub_${level}">${inner}</bpmn:subProcess>`;
    const problems = await problemsOf(around(inner.replace('id="Sub_1"', 'id="X"')));
    expect(ruleAndId(problems)).toEqual([['model-limits', `Sub_${MAX_NESTING_DEPTH + 1}`]]);
    expect(problems[0]!.message).toMatch(/nested 11 sub-processes deep; at most 10/);
  });
});

/** Start → G_0 → … → G_{n-1} → a user task → End: n gateways that decide nothing, in a row. */
function gateways(n: number): string {
  const parts: string[] = ['    <bpmn:startEvent id="Start" />'];
  for (let i = 0; i < n; i++) {
    parts.push(`    <bpmn:sequenceFlow id="F_${i}" sourceRef="${i === 0 ? 'Start' : `G_${i - 1}`}" targetRef="G_${i}" />`, `    <bpmn:parallelGateway id="G_${i}" />`);
  }
  parts.push(`    <bpmn:sequenceFlow id="F_t" sourceRef="G_${n - 1}" targetRef="T" />`, `    ${task('T')}`, '    <bpmn:sequenceFlow id="F_end" sourceRef="T" targetRef="End" />', '    <bpmn:endEvent id="End" />');
  return procedure(parts.join('\n'));
}

describe('automatic elements in a row', () => {
  it(`accepts ${MAX_STEPS_WITHOUT_WAIT} in a row, and the engine runs them without overflowing its stack`, async () => {
    // The start event counts: Start and the gateways make the run.
    const xml = gateways(MAX_STEPS_WITHOUT_WAIT - 1);
    expect(await problemsOf(xml)).toEqual([]);
    const run = await startInstance(serializeDefinition(await parseBpmn(xml)), {});
    expect(run.waiting.map((step) => step.elementId)).toEqual(['T']);
  });

  it(`refuses more, naming where the run starts and ends`, async () => {
    const problems = await problemsOf(gateways(MAX_STEPS_WITHOUT_WAIT));
    expect(ruleAndId(problems)).toEqual([['model-limits', 'Start']]);
    expect(problems[0]!.message).toMatch(new RegExp(`From Start to G_${MAX_STEPS_WITHOUT_WAIT - 1}, ${MAX_STEPS_WITHOUT_WAIT + 1} elements run in a row without a step that waits`));
  });
});

/** Start → Split (parallel or exclusive) → `branches` flows, each to its own task or all to one → Join → End. */
function split(branches: number, options: { gateway?: 'parallelGateway' | 'exclusiveGateway'; sameTask?: boolean } = {}): string {
  const gateway = options.gateway ?? 'parallelGateway';
  const parts = ['    <bpmn:startEvent id="Start" />', '    <bpmn:sequenceFlow id="F_s" sourceRef="Start" targetRef="Split" />', `    <bpmn:${gateway} id="Split" />`];
  for (let i = 0; i < branches; i++) {
    const target = options.sameTask ? 'T_0' : `T_${i}`;
    parts.push(`    <bpmn:sequenceFlow id="F_${i}" sourceRef="Split" targetRef="${target}" />`);
    if (!options.sameTask || i === 0) parts.push(`    ${task(target)}`, `    <bpmn:sequenceFlow id="J_${i}" sourceRef="${target}" targetRef="Join" />`);
  }
  parts.push(`    <bpmn:${gateway} id="Join" />`, '    <bpmn:sequenceFlow id="F_end" sourceRef="Join" targetRef="End" />', '    <bpmn:endEvent id="End" />');
  return procedure(parts.join('\n'));
}

describe('parallel fan-out', () => {
  it(`accepts a split into ${MAX_PARALLEL_TASKS} parallel tasks`, async () => {
    expect(errorsOf(await problemsOf(split(MAX_PARALLEL_TASKS)))).toEqual([]);
  });

  it('refuses a 3,000-branch split', async () => {
    expect(errorsOf(await problemsOf(split(3000))).map((problem) => problem.rule)).toEqual(['model-limits']);
  });

  it('refuses 3,000 parallel flows into one task, which opens 3,000 tasks from a handful of elements', async () => {
    const problems = errorsOf(await problemsOf(split(3000, { sameTask: true })));
    expect(ruleAndId(problems)).toEqual([['model-limits', 'Start']]);
    expect(problems[0]!.message).toMatch(new RegExp(`Leaving Start opens 3000 parallel steps at once; at most ${MAX_PARALLEL_TASKS} may be open at once`));
  });

  it('refuses a chain of splits whose product is too wide (60 × 50), naming the step it leaves', async () => {
    const parts = ['    <bpmn:startEvent id="Start" />', '    <bpmn:sequenceFlow id="F_s" sourceRef="Start" targetRef="A" />', `    ${task('A')}`,
      '    <bpmn:sequenceFlow id="F_a" sourceRef="A" targetRef="G1" />', '    <bpmn:parallelGateway id="G1" />', '    <bpmn:endEvent id="End" />'];
    for (let i = 0; i < 60; i++) {
      parts.push(`    <bpmn:sequenceFlow id="F1_${i}" sourceRef="G1" targetRef="G2_${i}" />`, `    <bpmn:parallelGateway id="G2_${i}" />`, `    ${task(`B_${i}`)}`,
        `    <bpmn:sequenceFlow id="F_end_${i}" sourceRef="B_${i}" targetRef="End" />`);
      for (let j = 0; j < 50; j++) parts.push(`    <bpmn:sequenceFlow id="F2_${i}_${j}" sourceRef="G2_${i}" targetRef="B_${i}" />`);
    }
    const problems = errorsOf(await problemsOf(procedure(parts.join('\n'))));
    expect(ruleAndId(problems)).toEqual([['model-limits', 'A']]);
    expect(problems[0]!.message).toMatch(/Leaving A opens 3000 parallel steps at once/);
  });

  it('counts an exclusive choice as its widest alternative: 600 alternatives open one task', async () => {
    expect(errorsOf(await problemsOf(split(600, { gateway: 'exclusiveGateway' }))).filter((problem) => problem.rule === 'model-limits')).toEqual([]);
  });
});

describe('a crashing rule', () => {
  const crash = () => ({ check() { throw new Error('boom'); } });

  async function lintWith(ruleName: string): Promise<LintProblem[]> {
    const original = rules[ruleName]!;
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    rules[ruleName] = crash;
    try {
      return await problemsOf(around(task('X')));
    } finally {
      rules[ruleName] = original;
      quiet.mockRestore();
    }
  }

  it('is reported as a problem of that rule, a warning when the rule only warns', async () => {
    const problems = await lintWith('deadline-budget');
    expect(problems).toEqual([expect.objectContaining({ rule: 'deadline-budget', severity: 'warning', elementId: null })]);
    expect(problems[0]!.message).toMatch(/The lint rule deadline-budget failed on this file \(boom\)/);
  });

  it('refuses the file when the rule is an error rule', async () => {
    expect(await lintWith('supported-elements')).toEqual([expect.objectContaining({ rule: 'supported-elements', severity: 'error' })]);
  });
});
