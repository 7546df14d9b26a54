// Size limits of a deployable procedure. Under them every step of a dossier
// stays short (no request blocks the server for long); above them the file is
// refused at deploy, before any costly check runs.

import type { ModdleElement } from '../lint/types.js';
import { is } from './extensionReader/moddleElements.js';

/** Flow nodes (events, tasks, gateways, sub-processes) per process, nested ones included. */
export const MAX_FLOW_NODES = 2000;
/** Sub-processes inside sub-processes: 1 is a sub-process in the process. */
export const MAX_NESTING_DEPTH = 10;
/**
 * Elements one run may execute without reaching a wait state (a user task);
 * more means a loop of automatic elements, and the run must stop with an
 * error instead of blocking the server. For the runtime.
 */
export const MAX_ELEMENTS_PER_RUN = 10_000;

export interface ContainerSize {
  flowNodes: number;
  /** The most deeply nested sub-process, and its depth. */
  deepest: { element: ModdleElement; depth: number } | null;
}

/** Counts without recursion, so a hostile file cannot overflow the stack. */
export function measureContainer(container: ModdleElement): ContainerSize {
  let flowNodes = 0;
  let deepest: ContainerSize['deepest'] = null;
  const pending: Array<{ element: ModdleElement; depth: number }> = [{ element: container, depth: 0 }];
  while (pending.length > 0) {
    const { element, depth } = pending.pop()!;
    if (depth > 0 && (!deepest || depth > deepest.depth)) deepest = { element, depth };
    for (const child of element.flowElements ?? []) {
      if (!is(child, 'bpmn:FlowNode')) continue;
      flowNodes += 1;
      if (is(child, 'bpmn:SubProcess')) pending.push({ element: child, depth: depth + 1 });
    }
  }
  return { flowNodes, deepest };
}

export function exceedsLimits(definitions: ModdleElement): boolean {
  return (definitions?.rootElements ?? []).some((root: ModdleElement) => {
    if (!is(root, 'bpmn:Process')) return false;
    const size = measureContainer(root);
    return size.flowNodes > MAX_FLOW_NODES || (size.deepest?.depth ?? 0) > MAX_NESTING_DEPTH;
  });
}
