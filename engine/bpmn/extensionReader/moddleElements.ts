// Tiny helpers over bpmn-moddle elements. Deliberately self-contained (no
// bpmnlint-utils import) so the rules bundle for the browser with nothing but
// their own code.

import type { ModdleElement } from '../../lint/types.js';

/** Type test that honours inheritance, e.g. a UserTask `is` a bpmn:Activity. */
export function is(node: ModdleElement, type: string): boolean {
  return !!node && typeof node.$instanceOf === 'function' && node.$instanceOf(type);
}

export function isAny(node: ModdleElement, types: readonly string[]): boolean {
  return types.some((type) => is(node, type));
}

const NOT_DRAWN = ['bpmn:Expression', 'bpmn:EventDefinition'];

/**
 * Id to report a problem against: the nearest element, from `node` outwards,
 * that the designer draws. Expressions, event definitions and extension
 * elements are not shapes (and rarely have ids), so their owner is named.
 */
export function reportableId(node: ModdleElement): string | undefined {
  for (let current = node; current; current = current.$parent) {
    if (isAny(current, NOT_DRAWN) || !is(current, 'bpmn:BaseElement')) continue;
    if (typeof current.id === 'string' && current.id !== '') return current.id;
  }
  return undefined;
}

/** Human-facing name of an element in messages: its name, else its id. */
export function labelOf(node: ModdleElement): string {
  const name = typeof node?.name === 'string' ? node.name.replace(/\s+/g, ' ').trim() : '';
  return name || node?.id || node?.$type || 'element';
}

/**
 * How messages refer to an element: `user task "Thẩm định" (Task_1)`, or for
 * an element without an id, `timer event definition of boundary event B_1`.
 */
export function describe(node: ModdleElement): string {
  const kind = kindOf(node);
  const name = typeof node?.name === 'string' ? node.name.replace(/\s+/g, ' ').trim() : '';
  if (node?.id) return name ? `${kind} "${name}" (${node.id})` : `${kind} ${node.id}`;
  return node?.$parent ? `${kind} of ${describe(node.$parent)}` : kind;
}

function kindOf(node: ModdleElement): string {
  const local = String(node?.$type ?? 'element').replace(/^.*:/, '');
  // "UserTask" -> "user task"
  return local.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** Trimmed string attribute, or undefined when absent or blank. */
export function textAttr(node: ModdleElement, name: string): string | undefined {
  const value = node?.[name];
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/**
 * Sequence flows leaving a flow node, from the flows' sourceRef. The node's
 * own `outgoing` list only exists when the file repeats it in
 * `<bpmn:outgoing>` children, which hand-written and generated files often
 * omit; the engine goes by sourceRef, so the lint does too.
 */
export function outgoingFlows(node: ModdleElement): ModdleElement[] {
  const siblings: ModdleElement[] = node?.$parent?.flowElements ?? [];
  return siblings.filter((element) => is(element, 'bpmn:SequenceFlow') && element.sourceRef === node);
}
