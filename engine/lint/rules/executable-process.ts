// A deployable procedure needs something the engine will run (an executable
// process) and the administrative procedure it implements (the code from the
// national procedure catalogue, e.g. "1.001234"), which keys dossiers,
// statistics and the one-stop portal.

import type { ModdleElement, Reporter, RuleDefinition } from '../types.js';
import { is, textAttr } from '../../bpmn/extensionReader/moddleElements.js';

export default function ruleFactory(): RuleDefinition {
  function check(node: ModdleElement, reporter: Reporter): void {
    if (is(node, 'bpmn:Definitions')) {
      const processes = (node.rootElements ?? []).filter((root: ModdleElement) => is(root, 'bpmn:Process'));
      if (!processes.some((process: ModdleElement) => process.isExecutable === true)) {
        reporter.report(node.id, processes.length === 0
          ? 'The file contains no process, so there is nothing to deploy.'
          : 'The file contains no executable process: mark the procedure\'s process isExecutable="true" (non-executable pools only document other parties).');
      }
      return;
    }
    if (is(node, 'bpmn:Process') && node.isExecutable === true && !textAttr(node, 'procedureCode')) {
      reporter.report(node.id, `Executable process ${node.id} has no onestop:procedureCode; set it to the code of the administrative procedure it implements.`);
    }
  }

  return { check };
}
