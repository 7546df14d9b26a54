// Lint problems in Vietnamese: every rule of the plugin has its sentence, the
// server's problems carry the rule and the element they name, and the
// designer's live lint reports in the reader's language.

import { BpmnModdle } from 'bpmn-moddle';
import { lintBpmn } from '../../engine/lint/lintBpmn.js';
import { LINT_MESSAGES_VI, lintMessage } from '../../engine/lint/lintMessages.js';
import { packedLintConfig } from '../../engine/lint/lintConfig.js';
import { rules } from '../../engine/lint/plugin.js';
import { WELL_FORMED } from '../../engine/lint/problem.js';
import { Linter } from '../../engine/lint/bpmnlintLinter.js';
import { moddleExtensions } from '../../engine/bpmn/onestopModdle.js';
import { localizedLint } from '../../designer/src/modules/translate/lintMessages.js';
import { englishWordsIn } from '../support/visibleEnglish.js';

const SCRIPT = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:onestop="urn:onestop:bpmn:1.0" id="D" targetNamespace="urn:x">
  <bpmn:process id="P" isExecutable="true" onestop:procedureCode="T.0001" onestop:deadline="P3D">
    <bpmn:startEvent id="S"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:scriptTask id="Task_Script" name="Tính lệ phí"><bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing></bpmn:scriptTask>
    <bpmn:endEvent id="E"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="Task_Script" />
    <bpmn:sequenceFlow id="F2" sourceRef="Task_Script" targetRef="E" />
  </bpmn:process>
</bpmn:definitions>`;

test('every rule of the plugin (and the parser\'s well-formed problems) has a Vietnamese sentence without English words', () => {
  for (const rule of [...Object.keys(rules), WELL_FORMED]) {
    const text = LINT_MESSAGES_VI[rule];
    expect({ rule, text: typeof text }).toEqual({ rule, text: 'string' });
    expect({ rule, english: englishWordsIn(text!.replace(/onestop:\w+|calledElement|isExecutable|P3D|PT8H/g, '')) }).toEqual({ rule, english: [] });
  }
});

test('a deploy problem carries its rule and the element it names; it reads in Vietnamese or as the rule wrote it in English', async () => {
  const { problems } = await lintBpmn(SCRIPT);
  const script = problems.find((p) => p.rule === 'no-script')!;
  expect(script).toMatchObject({ elementId: 'Task_Script', params: { element: '“Tính lệ phí” (Task_Script)' } });
  expect(lintMessage(script, 'vi')).toBe('“Tính lệ phí” (Task_Script) dùng mã lệnh hoặc biểu thức không phải FEEL: quy trình tải lên không bao giờ chạy mã lệnh; thay bằng bước xử lý của cán bộ hoặc điều kiện FEEL.');
  expect(lintMessage(script, 'en')).toBe(script.message);
  expect(lintMessage({ rule: 'no-such-rule', message: 'As written.' }, 'vi')).toBe('As written.');
});

test('the designer\'s live lint reports in Vietnamese, and as the rules wrote it in English', async () => {
  const { rootElement } = await new BpmnModdle(moddleExtensions).fromXML(SCRIPT);
  const run = async (lang: 'vi' | 'en') => {
    const packed = localizedLint(packedLintConfig(), lang);
    const results = await new Linter({ resolver: packed.resolver }).lint(rootElement, packed.config);
    return results['onestop/no-script']!.map((r) => r.message);
  };
  // Named as a person calls it, without the technical id (designer/src/modules/translate/elementNames.ts).
  expect(await run('vi')).toEqual([expect.stringMatching(/^“Tính lệ phí” dùng mã lệnh/)]);
  expect(await run('en')).toEqual([expect.stringMatching(/^Script tasks are not allowed/)]);
});
