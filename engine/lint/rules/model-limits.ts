// A 20,000-step file once deployed and then blocked the server for a minute
// at each step. Size and nesting are bounded at deploy (engine/bpmn/modelLimits.ts).

import type { ModdleElement, Reporter, RuleDefinition } from '../types.js';
import { describe, is } from '../../bpmn/extensionReader/moddleElements.js';
import { MAX_FLOW_NODES, MAX_NESTING_DEPTH, measureContainer } from '../../bpmn/modelLimits.js';

export default function ruleFactory(): RuleDefinition {
  function check(node: ModdleElement, reporter: Reporter): void {
    if (!is(node, 'bpmn:Process')) return;
    const size = measureContainer(node);
    if (size.flowNodes > MAX_FLOW_NODES) {
      reporter.report(node.id, `The ${describe(node)} has ${size.flowNodes} flow nodes; a procedure may have at most ${MAX_FLOW_NODES}: split it into several procedures.`);
    }
    if (size.deepest && size.deepest.depth > MAX_NESTING_DEPTH) {
      reporter.report(size.deepest.element.id, `The ${describe(size.deepest.element)} is nested ${size.deepest.depth} sub-processes deep; at most ${MAX_NESTING_DEPTH} levels are allowed: flatten the inner levels.`);
    }
  }

  return { check };
}
