// A deployable procedure needs something the engine will run (one process)
// and the administrative procedure it implements (the code from the national
// procedure catalogue, e.g. "1.001234"), which keys dossiers, statistics and
// the one-stop portal. A file may hold other pools (the police, the tax
// office) as documentation: they are never run, and message flows to them
// start nothing.

import type { ModdleElement, Reporter, RuleDefinition } from '../types.js';
import { is, textAttr } from '../../bpmn/extensionReader/moddleElements.js';
import { chooseExecutableProcess, executableProcessOf, definitionsOf } from '../../bpmn/executableProcess.js';
import { isProcedureCode, procedureCodeProblem } from '../../bpmn/extensionReader/codes.js';

export default function ruleFactory(): RuleDefinition {
  function check(node: ModdleElement, reporter: Reporter): void {
    if (is(node, 'bpmn:Definitions')) {
      const choice = chooseExecutableProcess(node);
      if (choice.kind === 'none') {
        reporter.report(node.id, choice.processes.length === 0
          ? 'The file contains no process, so there is nothing to deploy.'
          : 'The file contains no executable process: mark the procedure\'s process isExecutable="true" (non-executable pools only document other parties).');
      } else if (choice.kind === 'several') {
        const ids = choice.candidates.map((process: ModdleElement) => process.id).join(', ');
        reporter.report(node.id, `The file has ${choice.candidates.length} processes that could be the procedure (${ids}); `
          + 'give exactly one of them an onestop:procedureCode (or mark the others isExecutable="false"): the other pools only document other agencies.');
      }
      return;
    }
    if (!is(node, 'bpmn:Process') || node !== executableProcessOf(definitionsOf(node))) return;
    const code = textAttr(node, 'procedureCode');
    if (!code) {
      reporter.report(node.id, `Executable process ${node.id} has no onestop:procedureCode; set it to the code of the administrative procedure it implements.`);
    } else if (!isProcedureCode(code)) {
      reporter.report(node.id, `The onestop:procedureCode of process ${node.id}: ${procedureCodeProblem(code)}.`);
    }
  }

  return { check };
}
