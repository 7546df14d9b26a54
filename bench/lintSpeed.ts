import { BpmnModdle } from 'bpmn-moddle';
import type { Benchmark } from './benchmark.js';
import { remainingMs } from './benchmark.js';
import { lintBpmn } from '../engine/lint/lintBpmn.js';
import { moddleExtensions } from '../engine/bpmn/onestopModdle.js';
import { round } from './timing.js';

const DEPARTMENTS = ['MOTCUA_XA'];
const TASKS = 20;
const WARM_RUNS = 5;
const RUNS = 15;

/**
 * Start → Task_0 → G_0 → … → G_19 → End, every gateway offering a loop back
 * to Task_0 and every task carrying a form: the shape that makes the path
 * rules work hardest for its size.
 */
function loopingProcedure(): string {
  const steps = Array.from({ length: TASKS }, (_, i) => `
    <bpmn:sequenceFlow id="In_${i}" sourceRef="${i === 0 ? 'Start' : `G_${i - 1}`}" targetRef="Task_${i}" />
    <bpmn:userTask id="Task_${i}" name="Bước ${i}" onestop:department="MOTCUA_XA" onestop:deadline="PT1H">
      <bpmn:extensionElements><onestop:formSchema>{"type":"object","properties":{"f${i}":{"type":"string","pattern":"^[0-9]+$"}}}</onestop:formSchema></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="ToG_${i}" sourceRef="Task_${i}" targetRef="G_${i}" />
    <bpmn:exclusiveGateway id="G_${i}" default="${i === TASKS - 1 ? 'Out' : `In_${i + 1}`}" />
    <bpmn:sequenceFlow id="Back_${i}" sourceRef="G_${i}" targetRef="Task_0"><bpmn:conditionExpression>decision = "redo" and count(docs) &gt; ${i}</bpmn:conditionExpression></bpmn:sequenceFlow>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:onestop="urn:onestop:bpmn:1.0"
    id="Definitions_Lint" targetNamespace="urn:bench">
  <bpmn:process id="Process_Lint" isExecutable="true" onestop:procedureCode="T.0001" onestop:deadline="P3D">
    <bpmn:startEvent id="Start" />${steps}
    <bpmn:sequenceFlow id="Out" sourceRef="G_${TASKS - 1}" targetRef="End" />
    <bpmn:endEvent id="End" />
  </bpmn:process>
</bpmn:definitions>`;
}

async function medianMs(runs: number, deadline: number, once: () => Promise<unknown>): Promise<number | null> {
  const times: number[] = [];
  for (let i = 0; i < runs && Date.now() < deadline; i++) {
    const started = performance.now();
    await once();
    times.push(performance.now() - started);
  }
  if (!times.length) return null;
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/**
 * The deploy lint of a looping 20-task procedure (the designer runs the same
 * rules on every edit), against parsing the same file with bpmn-moddle alone
 * in the same run, so a busy host moves both figures alike.
 */
export const lintSpeed: Benchmark = {
  name: 'deploy lint of a looping 20-task procedure',
  id: 'lint',
  headline: ['lint_20_task_ms', 'lint_ratio_vs_parse'],
  async run(ctx) {
    const xml = loopingProcedure();
    const parse = () => new BpmnModdle(moddleExtensions).fromXML(xml);
    const lint = async () => {
      const { problems } = await lintBpmn(xml, { departments: DEPARTMENTS });
      if (problems.length) throw new Error(`the bench model should lint clean: ${problems.map((p) => p.message).join('; ')}`);
    };
    for (let i = 0; i < WARM_RUNS; i++) {
      await parse();
      await lint();
    }
    const deadline = Date.now() + Math.min(20_000, remainingMs(ctx));
    const parseMs = await medianMs(RUNS, deadline, parse);
    const lintMs = await medianMs(RUNS, deadline, lint);
    return {
      lint_20_task_ms: lintMs === null ? null : round(lintMs, 1),
      moddle_parse_20_task_ms: parseMs === null ? null : round(parseMs, 1),
      lint_ratio_vs_parse: lintMs === null || !parseMs ? null : round(lintMs / parseMs, 2),
    };
  },
};
