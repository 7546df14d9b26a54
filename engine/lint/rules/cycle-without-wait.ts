// A loop of gateways and automatic elements with no step that waits would
// run around forever within one request (it once answered 500 after blocking
// the server for seconds). Every cycle of the flow graph must pass through a
// wait state: a user task, or an element that waits for something outside.

import type { ModdleElement, Reporter, RuleDefinition } from '../types.js';
import { is, labelOf } from '../../bpmn/extensionReader/moddleElements.js';
import { waits } from '../../bpmn/waitStates.js';
import { belongsToProcedure } from '../../bpmn/executableProcess.js';

export default function ruleFactory(): RuleDefinition {
  function check(node: ModdleElement, reporter: Reporter): void {
    if (!is(node, 'bpmn:Process') && !is(node, 'bpmn:SubProcess')) return;
    if (!belongsToProcedure(node)) return;
    for (const cycle of cyclesWithoutWait(node)) {
      const names = cycle.slice(0, 6).map(labelOf).join(' → ') + (cycle.length > 6 ? ' → …' : '');
      reporter.report(cycle[0].id, `The loop ${names} has no step that waits (such as a user task): a dossier reaching it would go round forever. Put the user task that decides the repetition inside the loop.`);
    }
  }

  return { check };
}

/**
 * The strongly connected parts of the container's flow graph once the wait
 * states are removed, each in document order: every one is a loop that runs
 * without waiting. Iterative Tarjan, so large models cannot overflow the stack.
 */
export function cyclesWithoutWait(container: ModdleElement): ModdleElement[][] {
  const elements: ModdleElement[] = container.flowElements ?? [];
  const order = new Map<ModdleElement, number>();
  elements.forEach((element, index) => order.set(element, index));
  const nodes = elements.filter((element) => is(element, 'bpmn:FlowNode') && !waits(element));
  const inGraph = new Set(nodes);
  const successors = new Map<ModdleElement, ModdleElement[]>(nodes.map((node) => [node, []]));
  for (const element of elements) {
    if (is(element, 'bpmn:SequenceFlow') && inGraph.has(element.sourceRef) && inGraph.has(element.targetRef)) {
      successors.get(element.sourceRef)!.push(element.targetRef);
    } else if (is(element, 'bpmn:BoundaryEvent') && inGraph.has(element.attachedToRef) && inGraph.has(element)) {
      successors.get(element.attachedToRef)!.push(element);
    }
  }

  const index = new Map<ModdleElement, number>();
  const low = new Map<ModdleElement, number>();
  const onStack = new Set<ModdleElement>();
  const stack: ModdleElement[] = [];
  const cycles: ModdleElement[][] = [];
  let counter = 0;

  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: Array<{ node: ModdleElement; next: number }> = [{ node: root, next: 0 }];
    index.set(root, counter); low.set(root, counter); counter += 1;
    stack.push(root); onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const out = successors.get(frame.node)!;
      if (frame.next < out.length) {
        const target = out[frame.next++];
        if (!index.has(target)) {
          index.set(target, counter); low.set(target, counter); counter += 1;
          stack.push(target); onStack.add(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1]!.node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: ModdleElement[] = [];
        let member: ModdleElement;
        do {
          member = stack.pop();
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        const selfLoop = component.length === 1 && out.includes(frame.node);
        if (component.length > 1 || selfLoop) {
          cycles.push(component.sort((a, b) => order.get(a)! - order.get(b)!));
        }
      }
    }
  }
  return cycles.sort((a, b) => order.get(a[0])! - order.get(b[0])!);
}
