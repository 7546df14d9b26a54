// Where a run of the engine stops until someone or something acts: a user
// task, an external job, a message or timer wait. Between two wait states
// every element runs within one request, so loops and long chains of
// automatic elements are bounded at deploy (lint rules cycle-without-wait,
// model-limits).

import type { ModdleElement } from '../lint/types.js';
import { is, isAny } from './extensionReader/moddleElements.js';

const WAITING = [
  'bpmn:UserTask', 'bpmn:ManualTask', 'bpmn:ReceiveTask', 'bpmn:ServiceTask', 'bpmn:SendTask',
  'bpmn:IntermediateCatchEvent', 'bpmn:EventBasedGateway', 'bpmn:CallActivity',
];

/** A sub-process waits when anything inside it does. Iterative: nesting is the file's. */
export function waits(node: ModdleElement): boolean {
  if (isAny(node, WAITING)) return true;
  if (!is(node, 'bpmn:SubProcess')) return false;
  const pending: ModdleElement[] = [node];
  while (pending.length > 0) {
    for (const child of pending.pop().flowElements ?? []) {
      if (isAny(child, WAITING)) return true;
      if (is(child, 'bpmn:SubProcess')) pending.push(child);
    }
  }
  return false;
}
