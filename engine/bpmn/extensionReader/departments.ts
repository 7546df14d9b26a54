// Which department handles a flow node. A user task may name its department
// itself (`onestop:department`); otherwise it inherits it from the swimlane
// it is drawn in, the innermost lane that names one winning. The engine's
// task router must use this same function, or lint and runtime disagree.

import type { ModdleElement } from '../../lint/types.js';
import { is, textAttr } from './moddleElements.js';

export interface DepartmentSource {
  department: string;
  /** The element the code is written on: the task itself or a lane. */
  from: ModdleElement;
}

export function resolveDepartment(flowNode: ModdleElement): DepartmentSource | null {
  const own = textAttr(flowNode, 'department');
  if (own) return { department: own, from: flowNode };
  return laneDepartment(flowNode);
}

/** The department of the lane a flow node is drawn in (the innermost lane naming one), whatever the node says itself. */
export function laneDepartment(flowNode: ModdleElement): DepartmentSource | null {
  // Walk out through sub-processes: lanes live in the process (or in a
  // sub-process's own lane sets) and a lane holding a sub-process holds
  // everything drawn inside it.
  for (let node = flowNode; node?.$parent; node = node.$parent) {
    const container = node.$parent;
    if (!is(container, 'bpmn:FlowElementsContainer')) continue;
    for (const laneSet of container.laneSets ?? []) {
      const lane = innermostLane(laneSet, node, undefined);
      if (lane) return lane;
    }
  }
  return null;
}

function innermostLane(laneSet: ModdleElement, node: ModdleElement, inherited: DepartmentSource | undefined): DepartmentSource | null {
  for (const lane of laneSet?.lanes ?? []) {
    const code = textAttr(lane, 'department');
    // A child lane is drawn inside its parent, so it inherits the parent's
    // department when it names none itself.
    const here = code ? { department: code, from: lane } : inherited;
    // bpmn-js lists a node in its lane and in every ancestor lane, hand
    // written files often only in the innermost one: search the children
    // first either way, the deeper match being the more specific.
    const deeper = lane.childLaneSet ? innermostLane(lane.childLaneSet, node, here) : null;
    if (deeper) return deeper;
    if (here && (lane.flowNodeRef ?? []).includes(node)) return here;
  }
  return null;
}
