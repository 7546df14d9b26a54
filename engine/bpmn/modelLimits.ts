// Size limits of a deployable procedure. Under them every step of a dossier
// stays short (no request blocks the server for long); above them the file is
// refused at deploy, before any costly check runs.

import type { ModdleElement } from '../lint/types.js';
import { is, isAny } from './extensionReader/moddleElements.js';
import { waits } from './waitStates.js';

/** Flow nodes (events, tasks, gateways, sub-processes) per process, nested ones included. */
export const MAX_FLOW_NODES = 2000;
/** Sub-processes inside sub-processes: 1 is a sub-process in the process. */
export const MAX_NESTING_DEPTH = 10;
/**
 * Automatic elements (gateways, events, sub-processes without a wait) in a
 * row between two wait states. bpmn-engine runs such a chain as one deep
 * synchronous call: a few hundred overflow the call stack. 100 leaves room.
 */
export const MAX_STEPS_WITHOUT_WAIT = 100;
/**
 * Elements one run may execute without reaching a wait state (a user task);
 * more means a loop of automatic elements, and the run must stop with an
 * error (an incident) instead of blocking the server. For the runtime. Under
 * the deploy limits a run executes at most a fan-out of MAX_PARALLEL_TASKS
 * waits and chains of MAX_STEPS_WITHOUT_WAIT automatic elements; bpmn-engine
 * runs a chain as one synchronous call, which overflows the stack near 1,000.
 */
export const MAX_ELEMENTS_PER_RUN = 900;
/**
 * Call activities inside called procedures: a procedure that calls one that
 * calls … at most this deep. Deeper (a loop of procedures calling each
 * other) the call becomes an incident instead of starting.
 */
export const MAX_CALL_DEPTH = 5;
/** Starts of one element in one run: more is a loop without a wait state, which lint refuses at deploy. */
export const MAX_ELEMENT_REPEATS_PER_RUN = 50;

/**
 * Length of an element id (process ids included). Ids name tasks and waits in
 * URLs, history and the database; beyond this they are a mistake or an attack.
 * Procedure and department codes have their own, shorter bound (codes.ts, departmentCode.ts).
 */
export const MAX_ID_LENGTH = 255;

/** A long text cut for a message: its start, and how long it was. */
export function shortened(text: string, keep = 40): string {
  return text.length <= keep ? text : `${text.slice(0, keep)}… (${text.length} characters)`;
}

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

export interface AutomaticRun {
  /** Elements that run in a row, nested sub-processes counted with their content. */
  length: number;
  /** The run, first to last (top-level elements of the container). */
  elements: ModdleElement[];
}

/**
 * The longest chain of automatic elements of one container: longest path
 * over the flow graph without its wait states, loops left aside (they are
 * cycle-without-wait's). Kahn's order, no recursion over the flow.
 */
export function longestAutomaticRun(container: ModdleElement, weightOf: (subProcess: ModdleElement) => number = (sub) => 1 + longestAutomaticRun(sub).length): AutomaticRun {
  const elements: ModdleElement[] = container?.flowElements ?? [];
  const nodes = elements.filter((element) => is(element, 'bpmn:FlowNode') && !waits(element));
  const inGraph = new Set(nodes);
  const successors = new Map<ModdleElement, ModdleElement[]>(nodes.map((node) => [node, []]));
  const indegree = new Map<ModdleElement, number>(nodes.map((node) => [node, 0]));
  for (const element of elements) {
    if (is(element, 'bpmn:SequenceFlow') && inGraph.has(element.sourceRef) && inGraph.has(element.targetRef)) {
      successors.get(element.sourceRef)!.push(element.targetRef);
      indegree.set(element.targetRef, indegree.get(element.targetRef)! + 1);
    }
  }
  const best = new Map<ModdleElement, number>();
  const previous = new Map<ModdleElement, ModdleElement | null>();
  const ready = nodes.filter((node) => indegree.get(node) === 0);
  for (const node of ready) previous.set(node, null);
  let last: ModdleElement | null = null;
  while (ready.length > 0) {
    const node = ready.pop();
    const length = (best.get(node) ?? 0) + (is(node, 'bpmn:SubProcess') ? weightOf(node) : 1);
    best.set(node, length);
    if (!last || length > best.get(last)!) last = node;
    for (const next of successors.get(node)!) {
      if (length > (best.get(next) ?? 0)) {
        best.set(next, length);
        previous.set(next, node);
      }
      indegree.set(next, indegree.get(next)! - 1);
      if (indegree.get(next) === 0) ready.push(next);
    }
  }
  if (!last) return { length: 0, elements: [] };
  const run: ModdleElement[] = [];
  for (let node: ModdleElement | null = last; node; node = previous.get(node) ?? null) run.push(node);
  return { length: best.get(last)!, elements: run.reverse() };
}

/**
 * Steps (tasks and other waits) one step may open at once. A 3,000-branch
 * parallel split once opened 997 of its 3,000 tasks and left a dossier that
 * could never finish; the task rows and history of one step stay bounded.
 */
export const MAX_PARALLEL_TASKS = 500;

export interface FanOut {
  /** Waits opened at once when `from` is left. */
  waits: number;
  /** The start event or wait state whose leaving opens them. */
  from: ModdleElement;
}

/**
 * The widest fan-out of a container: for each start event or wait state,
 * how many waits leaving it opens at once, through parallel splits (gateways,
 * or several outgoing flows of one element) and chains of them. An exclusive
 * choice opens the most of its alternatives; a join of k branches counts what
 * follows it once. Loops are left aside (cycle-without-wait's). No recursion.
 */
export function widestFanOut(container: ModdleElement): FanOut | null {
  const elements: ModdleElement[] = container?.flowElements ?? [];
  const nodes = elements.filter((element) => is(element, 'bpmn:FlowNode'));
  const waiting = new Set(nodes.filter(waits));
  const outgoing = new Map<ModdleElement, ModdleElement[]>(nodes.map((node) => [node, []]));
  const incoming = new Map<ModdleElement, number>(nodes.map((node) => [node, 0]));
  for (const flow of elements) {
    if (!is(flow, 'bpmn:SequenceFlow') || !outgoing.has(flow.sourceRef) || !outgoing.has(flow.targetRef)) continue;
    outgoing.get(flow.sourceRef)!.push(flow.targetRef);
    incoming.set(flow.targetRef, incoming.get(flow.targetRef)! + 1);
  }
  // Waits opened by one token entering an element, from the last elements back (Kahn's order on the reversed graph).
  const opened = new Map<ModdleElement, number>();
  const automatic = nodes.filter((node) => !waiting.has(node));
  const pendingSuccessors = new Map<ModdleElement, number>(automatic.map((node) => [node, outgoing.get(node)!.filter((next) => !waiting.has(next)).length]));
  const predecessors = new Map<ModdleElement, ModdleElement[]>(automatic.map((node) => [node, []]));
  for (const node of automatic) for (const next of outgoing.get(node)!) if (!waiting.has(next)) predecessors.get(next)!.push(node);
  const valueOf = (node: ModdleElement): number => (waiting.has(node) ? 1 : opened.get(node) ?? 0);
  const leaving = (node: ModdleElement): number => {
    const values = outgoing.get(node)!.map(valueOf);
    if (isAny(node, ['bpmn:ExclusiveGateway', 'bpmn:ComplexGateway'])) return Math.max(0, ...values);
    return values.reduce((sum, value) => sum + value, 0);
  };
  const ready = automatic.filter((node) => pendingSuccessors.get(node) === 0);
  while (ready.length > 0) {
    const node = ready.pop();
    const joins = isAny(node, ['bpmn:ParallelGateway', 'bpmn:InclusiveGateway']) ? Math.max(1, incoming.get(node)!) : 1;
    opened.set(node, leaving(node) / joins);
    for (const previous of predecessors.get(node)!) {
      pendingSuccessors.set(previous, pendingSuccessors.get(previous)! - 1);
      if (pendingSuccessors.get(previous) === 0) ready.push(previous);
    }
  }
  let widest: FanOut | null = null;
  for (const node of nodes) {
    if (!waiting.has(node) && !is(node, 'bpmn:StartEvent')) continue;
    const count = Math.round(waiting.has(node) ? leaving(node) : opened.get(node) ?? 0);
    if (!widest || count > widest.waits) widest = { waits: count, from: node };
  }
  return widest;
}
