// A call activity starts another deployed procedure inside the same dossier:
// `calledElement` is that procedure's code. On the server the rule is given
// the codes of the deployed procedures and refuses a call to one that is not
// deployed (deploy the called procedure first); the designer, which has no
// such list, checks the code's form and shows the server's verdict after a
// deploy. A procedure calling itself is refused: it would never end.

import type { ModdleElement, Reporter, RuleDefinition } from '../types.js';
import { describe, is } from '../../bpmn/extensionReader/moddleElements.js';
import { belongsToProcedure, chooseExecutableProcess } from '../../bpmn/executableProcess.js';
import { isProcedureCode, procedureCodeProblem } from '../../bpmn/extensionReader/codes.js';

export interface CallActivityConfig {
  /** Codes of the deployed procedures; when absent only the form of the code is checked. */
  procedures?: string[];
}

export default function ruleFactory(config?: CallActivityConfig): RuleDefinition {
  const deployed = Array.isArray(config?.procedures) ? new Set(config.procedures) : null;

  function check(node: ModdleElement, reporter: Reporter): void {
    if (!is(node, 'bpmn:CallActivity') || !belongsToProcedure(node)) return;
    const called = typeof node.calledElement === 'string' ? node.calledElement.trim() : '';
    const what = `The call activity ${describe(node)}`;
    // A boundary event would leave the called procedure's steps running after
    // it withdrew the call: not run yet.
    for (const boundary of (node.$parent?.flowElements ?? []).filter((el: ModdleElement) => is(el, 'bpmn:BoundaryEvent') && el.attachedToRef === node)) {
      reporter.report(boundary.id, `The boundary event ${describe(boundary)} on the call activity ${describe(node)} is refused: events on a call activity are not run yet; put the deadline on the called procedure's steps, or draw the called steps in a sub-process with the event.`);
    }
    if (!called) {
      reporter.report(node.id, `${what} names no procedure: set calledElement to the code of the deployed procedure it starts (e.g. 1.001193).`);
      return;
    }
    if (!isProcedureCode(called)) {
      reporter.report(node.id, `${what} is refused: calledElement ${procedureCodeProblem(called)}.`);
      return;
    }
    if (called === ownCode(node)) {
      reporter.report(node.id, `${what} calls its own procedure ${called}: it would never end; draw the repetition as a loop with a user task.`);
      return;
    }
    if (deployed && !deployed.has(called)) {
      reporter.report(node.id, `${what} calls procedure ${called}, which is not deployed: deploy ${called} first, then this procedure.`);
    }
  }
  return { check };
}

function ownCode(node: ModdleElement): string | null {
  let definitions = node;
  while (definitions && !is(definitions, 'bpmn:Definitions')) definitions = definitions.$parent;
  const choice = definitions ? chooseExecutableProcess(definitions) : null;
  return choice?.kind === 'one' && typeof choice.process.procedureCode === 'string' ? choice.process.procedureCode.trim() : null;
}
