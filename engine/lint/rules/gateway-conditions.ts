// An exclusive or inclusive split decides by its outgoing conditions. A flow
// with neither a condition nor the default role is taken regardless of the
// decision (or wins by flow order), so the dossier's route would depend on
// how the file happens to be written rather than on the officer's decision.

import type { ModdleElement, Reporter, RuleDefinition } from '../types.js';
import { describe, isAny, outgoingFlows } from '../../bpmn/extensionReader/moddleElements.js';
import { belongsToProcedure } from '../../bpmn/executableProcess.js';

const DECIDING_GATEWAYS = ['bpmn:ExclusiveGateway', 'bpmn:InclusiveGateway'];

export default function ruleFactory(): RuleDefinition {
  function check(node: ModdleElement, reporter: Reporter): void {
    if (!isAny(node, DECIDING_GATEWAYS) || !belongsToProcedure(node)) return;
    const outgoing = outgoingFlows(node);
    if (outgoing.length < 2) return;

    for (const flow of outgoing) {
      if (flow === node.default || flow.conditionExpression) continue;
      reporter.report(flow.id, `The ${describe(flow)} leaves the ${describe(node)} without a condition and is not its default flow; add a FEEL condition or make it the default.`);
    }
  }

  return { check };
}
