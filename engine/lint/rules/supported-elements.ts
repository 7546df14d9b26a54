// Everything the engine accepts runs as drawn; everything else is refused
// here, at deploy and live in the designer, with the sentence of the shared
// table (engine/bpmn/supportedElements.ts) saying what to use instead. Only
// the procedure's own process is checked: other pools are documentation.

import type { ModdleElement, Reporter, RuleDefinition } from '../types.js';
import { describe, is, textAttr } from '../../bpmn/extensionReader/moddleElements.js';
import { belongsToProcedure } from '../../bpmn/executableProcess.js';
import { PASSIVE_TYPES, supportEntry, type SupportEntry } from '../../bpmn/supportedElements.js';

export default function ruleFactory(): RuleDefinition {
  function check(node: ModdleElement, reporter: Reporter): void {
    if (!is(node, 'bpmn:FlowElement') && !is(node, 'bpmn:Lane')) return;
    if (!belongsToProcedure(node)) return;
    for (const entry of refusals(node)) {
      reporter.report(node.id, `The ${describe(node)} is refused: ${lowerFirst(entry.why)}`, entry.code ? { code: entry.code } : undefined);
    }
  }

  return { check };
}

/** The table entries that refuse this element: its type, its event definitions, its loop marker. */
export function refusals(node: ModdleElement): SupportEntry[] {
  const found: SupportEntry[] = [];
  const refuse = (entry: SupportEntry | undefined) => {
    if (entry && entry.support === 'refused' && !entry.reportedBy) found.push(entry);
  };

  if (is(node, 'bpmn:Event')) {
    const definitions: ModdleElement[] = node.eventDefinitions ?? [];
    // The start of an event sub-process is told apart from the process's own start.
    const eventType = is(node, 'bpmn:StartEvent') && node.$parent?.triggeredByEvent === true ? 'bpmn:StartEvent#event' : node.$type;
    if (definitions.length > 1 || node.parallelMultiple === true) {
      refuse(supportEntry('multiple'));
    } else if (definitions.length === 1) {
      const entry = supportEntry(definitions[0].$type) ?? unknownEntry(definitions[0]);
      refuse(entry.supportedOn && !entry.supportedOn.includes(eventType) ? elsewhere(entry, node) : entry);
    } else {
      // A none event: supported where it is a start, end or milestone.
      refuse(supportEntry(eventType));
    }
    return found;
  }

  const type = is(node, 'bpmn:SubProcess') && node.$type === 'bpmn:SubProcess' && node.triggeredByEvent === true
    ? 'bpmn:SubProcess#event'
    : node.$type;
  const entry = supportEntry(type);
  if (entry) {
    refuse(entry);
    if (entry.support === 'supported' && entry.requires && !textAttr(node, entry.requires.attribute)) {
      refuse({ ...entry, support: 'refused', why: entry.requires.why });
    }
  }
  else if (is(node, 'bpmn:FlowNode') && !PASSIVE_TYPES.includes(node.$type)) refuse(unknownEntry(node));

  if (is(node, 'bpmn:Activity')) {
    if (node.loopCharacteristics) refuse(supportEntry(node.loopCharacteristics.$type) ?? unknownEntry(node.loopCharacteristics));
    if (node.isForCompensation === true) refuse(supportEntry('bpmn:CompensateEventDefinition'));
  }
  return found;
}

/** A definition supported on some events only, used on another (a message end event, a timer start event). */
function elsewhere(entry: SupportEntry, node: ModdleElement): SupportEntry {
  const kinds = (entry.supportedOn ?? []).map((type) => kindName(type)).join(' or ');
  const definition = kindName(entry.type).replace(/ event definition$/, '');
  const instead = is(node, 'bpmn:StartEvent')
    ? 'use a none start event: the dossier starts when the desk or the portal receives it'
    : is(node, 'bpmn:ThrowEvent') && definition === 'message'
      ? 'send it with a send task (an external job) before a none event'
      : `use the ${definition} on ${article(kinds)} ${kinds} only`;
  return { ...entry, support: 'refused', why: `${article(definition, true)} ${definition} ${kindName(node.$type)} is not run by this engine: ${instead}.` };
}

function article(word: string, capital = false): string {
  const a = /^[aeiou]/.test(word) ? 'an' : 'a';
  return capital ? a[0]!.toUpperCase() + a.slice(1) : a;
}

function kindName(type: string): string {
  return type.replace(/#event$/, ' of an event sub-process').replace(/^.*:/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function unknownEntry(node: ModdleElement): SupportEntry {
  const kind = String(node?.$type ?? 'element');
  return { type: kind, label: kind, support: 'refused', why: `${kind} is not run by this engine.` };
}

function lowerFirst(text: string): string {
  // "A manual task …" → "a manual task …"; a type name such as "bpmn:X" stays.
  return /^[A-Z](?:[a-z]|\s)/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}
