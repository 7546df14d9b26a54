// A step that names its own department but is drawn in another department's
// lane reads as the lane's work on the diagram while the engine routes it to
// the department it names: the drawing misleads whoever reads it (typically a
// step moved to another department and left in the old lane). A warning, not
// a refusal: routing follows the step's own attribute either way.

import type { ModdleElement, Reporter, RuleDefinition } from '../types.js';
import { describe, textAttr } from '../../bpmn/extensionReader/moddleElements.js';
import { laneDepartment } from '../../bpmn/extensionReader/departments.js';
import { belongsToProcedure } from '../../bpmn/executableProcess.js';

/** Rule id; translated messages key on it, with `department` and `laneDepartment` as parameters. */
export const LANE_DEPARTMENT_RULE = 'lane-department';

/** The English sentence of the warning (the designer shows its own language's from the same parameters). */
export function laneDepartmentMessage(element: string, department: string, lane: string, laneCode: string): string {
  return `The ${element} is handled by department "${department}" but drawn in the ${lane} of department "${laneCode}": move it to that department's lane or correct its department.`;
}

export default function ruleFactory(): RuleDefinition {
  function check(node: ModdleElement, reporter: Reporter): void {
    if (!belongsToProcedure(node)) return;
    // Steps only: on a catch event the attribute names who may deliver the message, not who does the work.
    if (!node.$instanceOf?.('bpmn:Task')) return;
    const own = textAttr(node, 'department');
    if (!own) return;
    const lane = laneDepartment(node);
    if (!lane || lane.department === own) return;
    reporter.report(node.id, laneDepartmentMessage(describe(node), own, describe(lane.from), lane.department));
  }
  return { check };
}
