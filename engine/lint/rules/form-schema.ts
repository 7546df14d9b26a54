// The form a citizen fills in at the start and the form an officer fills in
// at a user task are described by a JSON Schema that also validates the
// submitted data. A broken schema would make the form unusable, or accept
// anything, so it is compiled at deploy time.

import type { ModdleElement, Reporter, RuleDefinition } from '../types.js';
import { describe, is, isAny, reportableId } from '../../bpmn/extensionReader/moddleElements.js';
import { formSchemaError } from '../../bpmn/extensionReader/formSchemaCheck.js';

const FORM_SCHEMA = 'onestop:FormSchema';
// Waiting elements validate what arrives: a message's data, an external job's answer.
const HOSTS = ['bpmn:UserTask', 'bpmn:StartEvent', 'bpmn:ReceiveTask', 'bpmn:ServiceTask', 'bpmn:SendTask', 'bpmn:IntermediateCatchEvent', 'bpmn:BoundaryEvent'];

export default function ruleFactory(): RuleDefinition {
  function check(node: ModdleElement, reporter: Reporter): void {
    if (is(node, FORM_SCHEMA)) {
      checkSchema(node, reporter);
      return;
    }
    // Counted on the host: the engine reads one form per step, and silently
    // picking the first of two would hide the other from review.
    const schemas = (node.extensionElements?.values ?? []).filter((value: ModdleElement) => is(value, FORM_SCHEMA));
    if (schemas.length > 1 && isAny(node, HOSTS)) {
      reporter.report(node.id, `The ${describe(node)} has ${schemas.length} onestop:formSchema elements; keep exactly one.`);
    }
  }

  function checkSchema(schema: ModdleElement, reporter: Reporter): void {
    // formSchema -> extensionElements -> the element it extends
    const host = is(schema.$parent, 'bpmn:ExtensionElements') ? schema.$parent.$parent : schema.$parent;
    if (!isAny(host, HOSTS)) {
      reporter.report(reportableId(schema), `A form schema is only allowed on a user task, a start event or an element that waits for data (receive task, message event, external job), not on ${describe(host)}.`);
      return;
    }
    const problem = formSchemaError(schema.body);
    if (problem) {
      reporter.report(host.id, `The form schema of ${describe(host)} is unusable: ${problem}.`);
    }
  }

  return { check };
}
