// A 20,000-step file once deployed and then blocked the server for a minute
// at each step, and a few hundred gateways in a row overflow the call stack
// when they run. Size, nesting and the automatic elements between two wait
// states are bounded at deploy (engine/bpmn/modelLimits.ts).

import type { ModdleElement, Reporter, RuleDefinition } from '../types.js';
import { describe, is, labelOf } from '../../bpmn/extensionReader/moddleElements.js';
import { MAX_FLOW_NODES, MAX_ID_LENGTH, MAX_NESTING_DEPTH, MAX_PARALLEL_TASKS, MAX_STEPS_WITHOUT_WAIT, longestAutomaticRun, measureContainer, shortened, widestFanOut } from '../../bpmn/modelLimits.js';
import { belongsToProcedure } from '../../bpmn/executableProcess.js';

export default function ruleFactory(): RuleDefinition {
  // More branches than the engine opens at once would leave a dossier that can never finish.
  function checkFanOut(container: ModdleElement, reporter: Reporter): void {
    const widest = widestFanOut(container);
    if (widest && widest.waits > MAX_PARALLEL_TASKS) {
      reporter.report(widest.from.id, `Leaving ${labelOf(widest.from)} opens ${widest.waits} parallel steps at once; at most ${MAX_PARALLEL_TASKS} may be open at once in a dossier: `
        + 'use fewer parallel branches, or one step that handles many items.');
    }
  }

  function check(node: ModdleElement, reporter: Reporter): void {
    if (typeof node?.id === 'string' && node.id.length > MAX_ID_LENGTH) {
      reporter.report(node.id, `The id of the ${String(node.$type ?? 'element').replace(/^.*:/, '')} "${shortened(node.id)}" is ${node.id.length} characters long; ids may have at most ${MAX_ID_LENGTH}: give it a shorter id.`);
    }
    if (is(node, 'bpmn:SubProcess')) checkFanOut(node, reporter);
    if (!is(node, 'bpmn:Process')) return;
    const size = measureContainer(node);
    if (size.flowNodes > MAX_FLOW_NODES) {
      reporter.report(node.id, `The ${describe(node)} has ${size.flowNodes} flow nodes; a procedure may have at most ${MAX_FLOW_NODES}: split it into several procedures.`);
    }
    if (size.deepest && size.deepest.depth > MAX_NESTING_DEPTH) {
      reporter.report(size.deepest.element.id, `The ${describe(size.deepest.element)} is nested ${size.deepest.depth} sub-processes deep; at most ${MAX_NESTING_DEPTH} levels are allowed: flatten the inner levels.`);
      return;
    }
    if (size.flowNodes > MAX_FLOW_NODES || !belongsToProcedure(node)) return;
    checkFanOut(node, reporter);
    // Runs within one request as one deep call: a long chain would overflow the stack.
    const run = longestAutomaticRun(node);
    if (run.length > MAX_STEPS_WITHOUT_WAIT) {
      const first = run.elements[0];
      const lastOne = run.elements[run.elements.length - 1];
      reporter.report(first.id, `From ${labelOf(first)} to ${labelOf(lastOne)}, ${run.length} elements run in a row without a step that waits; `
        + `at most ${MAX_STEPS_WITHOUT_WAIT} may: put a user task between them or remove gateways and events that decide nothing.`);
    }
  }

  return { check };
}
