import { parseBpmn } from '../../../engine/bpmn/parseBpmn.js';
import { serializeDefinition } from '../../../engine/runtime/serializeDefinition.js';
import { startInstance } from '../../../engine/runtime/processRun.js';
import { ProcessError } from '../../../engine/errors.js';
import { MAX_ELEMENT_REPEATS_PER_RUN } from '../../../engine/bpmn/modelLimits.js';

// A loop without a wait state is refused at deploy (cycle-without-wait); if
// one ever runs (a file that predates the rule, a gap in the rule), the run
// stops at the element counter with a ProcessError (an incident on the
// dossier, never a 500), instead of overflowing the stack after seconds.

const looping = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Defs_Loop" targetNamespace="urn:onestop:test">
  <bpmn:process id="Process_Loop" isExecutable="true">
    <bpmn:startEvent id="Start" />
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Merge" />
    <bpmn:exclusiveGateway id="Merge" />
    <bpmn:sequenceFlow id="F2" sourceRef="Merge" targetRef="Milestone" />
    <bpmn:intermediateThrowEvent id="Milestone" />
    <bpmn:sequenceFlow id="F3" sourceRef="Milestone" targetRef="Merge" />
  </bpmn:process>
</bpmn:definitions>`;

test('a run that loops without waiting stops with a process error naming the element', async () => {
  const definition = serializeDefinition(await parseBpmn(looping));
  const run = startInstance(definition, {});
  await expect(run).rejects.toBeInstanceOf(ProcessError);
  await expect(run).rejects.toThrow(new RegExp(`ran ${MAX_ELEMENT_REPEATS_PER_RUN + 1} times in one run without reaching a wait state`));
  const error = (await run.catch((e: unknown) => e)) as ProcessError;
  expect(['Merge', 'Milestone']).toContain(error.elementId);
});
