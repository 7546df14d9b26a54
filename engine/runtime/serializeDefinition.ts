import * as Elements from 'bpmn-elements';
import serializer, { TypeResolver } from 'moddle-context-serializer';

/* eslint-disable @typescript-eslint/no-explicit-any */
const typeResolver = TypeResolver({ ...(Elements as any) });

/**
 * Turns a bpmn-moddle parse result into the serialisable context bpmn-engine
 * runs. Done once per deployed version and kept in memory: re-parsing the XML
 * for every dossier step is what makes a naive engine slow.
 */
export function serializeDefinition(moddleContext: unknown): any {
  return serializer(moddleContext as any, typeResolver);
}
