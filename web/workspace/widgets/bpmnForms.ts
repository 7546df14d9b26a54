// The forms of a deployed BPMN file, read from the file itself: the server's
// copy of a form went through PostgreSQL's jsonb, which keeps the content but
// not the order of the fields. The order the analyst wrote is the order a
// person fills them in.

import type { JsonSchema } from '../../shared/api/client.js';

const ONESTOP = 'urn:onestop:bpmn:1.0';

/** Every `onestop:formSchema` of the file, by the id of the element that holds it. */
export function formsFromBpmn(xml: string): Map<string, JsonSchema> {
  const forms = new Map<string, JsonSchema>();
  let doc: Document;
  try {
    doc = new DOMParser().parseFromString(xml, 'application/xml');
  } catch {
    return forms;
  }
  for (const node of Array.from(doc.getElementsByTagNameNS(ONESTOP, 'formSchema'))) {
    const owner = node.parentElement?.parentElement;
    const id = owner?.getAttribute('id');
    if (!id) continue;
    try {
      forms.set(id, JSON.parse(node.textContent ?? '') as JsonSchema);
    } catch {
      // the server refuses such files; nothing to show
    }
  }
  return forms;
}

/** The start event's form (the dossier's data), if the file has one. */
export function startFormFromBpmn(xml: string): JsonSchema | null {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const BPMN = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
  const forms = formsFromBpmn(xml);
  for (const start of Array.from(doc.getElementsByTagNameNS(BPMN, 'startEvent'))) {
    const form = forms.get(start.getAttribute('id') ?? '');
    if (form) return form;
  }
  return null;
}

/**
 * One schema whose properties are those of every form of the file, start
 * form first: the titles (and choice labels) of a dossier's data, which
 * holds the citizen's fields and every step's.
 */
export function allFieldsFromBpmn(xml: string): JsonSchema {
  const start = startFormFromBpmn(xml);
  const properties: Record<string, unknown> = { ...((start?.properties as Record<string, unknown>) ?? {}) };
  for (const form of formsFromBpmn(xml).values()) {
    for (const [name, schema] of Object.entries((form.properties as Record<string, unknown>) ?? {})) if (!(name in properties)) properties[name] = schema;
  }
  return { type: 'object', properties };
}
