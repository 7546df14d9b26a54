// Enumeration of the simple paths (no node twice) from the start events to
// the ends of one flow-elements container (a process or a sub-process).
// A loop-back (e.g. "return the dossier for supplement") is therefore walked
// at most once per path, and a parallel split yields one path per branch.

import type { ModdleElement } from '../types.js';
import { is } from '../../bpmn/extensionReader/moddleElements.js';

export interface PathEnumeration {
  paths: ModdleElement[][];
  /** True when the cap stopped the enumeration before every path was seen. */
  truncated: boolean;
}

export const DEFAULT_PATH_CAP = 1000;

export function enumeratePaths(container: ModdleElement, cap = DEFAULT_PATH_CAP): PathEnumeration {
  const flowElements: ModdleElement[] = container?.flowElements ?? [];
  const successors = successorMap(flowElements);
  const starts = flowElements.filter((element) => is(element, 'bpmn:StartEvent'));

  const paths: ModdleElement[][] = [];
  let truncated = false;
  const path: ModdleElement[] = [];
  const onPath = new Set<ModdleElement>();

  // Walks that close a loop produce no path, so the path cap alone does not
  // bound the work on a densely looping graph: the visits are capped too.
  // The walk keeps its own stack (no recursion): a long chain of steps must
  // not overflow the call stack.
  let visitsLeft = cap * 100;

  function walk(start: ModdleElement): void {
    const frames: Array<{ next: ModdleElement[]; at: number }> = [];
    const enter = (node: ModdleElement): boolean => {
      if (--visitsLeft < 0) {
        truncated = true;
        return false;
      }
      path.push(node);
      onPath.add(node);
      const next = successors.get(node) ?? [];
      if (next.length === 0) {
        if (paths.length >= cap) truncated = true;
        else paths.push([...path]);
      }
      frames.push({ next, at: 0 });
      return true;
    };
    const leave = () => {
      frames.pop();
      onPath.delete(path.pop());
    };
    if (!enter(start)) return;
    while (frames.length > 0 && !truncated) {
      const frame = frames[frames.length - 1]!;
      // A node whose every successor is already on the path closes a loop:
      // that walk is not a start-to-end path and is dropped.
      let target: ModdleElement | undefined;
      while (frame.at < frame.next.length && onPath.has(target = frame.next[frame.at])) frame.at += 1;
      if (frame.at >= frame.next.length) {
        leave();
        continue;
      }
      frame.at += 1;
      if (!enter(target)) break;
    }
    while (frames.length > 0) leave();
  }

  for (const start of starts) {
    if (truncated) break;
    walk(start);
  }
  return { paths, truncated };
}

/**
 * Where the token may go next from each node: the targets of its outgoing
 * sequence flows plus the boundary events attached to it (a timer or error
 * boundary starts a path of its own from the activity).
 */
function successorMap(flowElements: ModdleElement[]): Map<ModdleElement, ModdleElement[]> {
  const successors = new Map<ModdleElement, ModdleElement[]>();
  const add = (from: ModdleElement, to: ModdleElement) => {
    if (!from || !to) return;
    const list = successors.get(from);
    if (list) {
      if (!list.includes(to)) list.push(to);
    } else {
      successors.set(from, [to]);
    }
  };
  for (const element of flowElements) {
    if (is(element, 'bpmn:SequenceFlow')) add(element.sourceRef, element.targetRef);
    else if (is(element, 'bpmn:BoundaryEvent')) add(element.attachedToRef, element);
  }
  return successors;
}
