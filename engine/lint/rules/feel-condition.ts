// Conditions are evaluated with FEEL at run time; a condition that does not
// parse would only surface when a dossier reaches the gateway, i.e. in front
// of a citizen. Parse them all at deploy time instead.

import type { ModdleElement, Reporter, RuleDefinition } from '../types.js';
import { describe, is } from '../../bpmn/extensionReader/moddleElements.js';
import { conditionOf, scriptReason } from '../../bpmn/extensionReader/expressionLanguage.js';
import { feelCostProblem, feelSyntaxError } from '../../bpmn/extensionReader/feelSyntax.js';

export default function ruleFactory(): RuleDefinition {
  function check(node: ModdleElement, reporter: Reporter): void {
    const condition = conditionOf(node);
    if (condition === undefined || condition === null) return;

    // Non-FEEL and JUEL expressions are `no-script`'s to refuse; parsing them
    // as FEEL would only add a second, less helpful message.
    if (scriptReason(condition)) return;

    const owner = is(node, 'bpmn:ConditionalEventDefinition') ? node.$parent : node;
    const body = typeof condition.body === 'string' ? condition.body : '';
    const problem = feelSyntaxError(body);
    if (problem === null) {
      const cost = feelCostProblem(body);
      if (cost) reporter.report(owner?.id, `The condition of ${describe(owner)} is refused: ${cost}.`);
      return;
    }

    reporter.report(owner?.id, body.trim() === ''
      ? `The condition of ${describe(owner)} is empty; write a FEEL condition such as decision = "approve", or remove it.`
      : `The condition of ${describe(owner)} is not a valid FEEL expression: ${problem} in ${JSON.stringify(body.trim())}.`);
  }

  return { check };
}
