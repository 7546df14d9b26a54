import { BpmnModdle } from 'bpmn-moddle';
import { moddleExtensions } from './onestopModdle.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
export interface ParsedBpmn {
  rootElement: any;
  references: any[];
  warnings: Array<{ message: string; element?: any; property?: string }>;
  elementsById: Record<string, any>;
}

/** bpmn-moddle with the onestop extension; one parser for every caller. */
export function parseBpmn(xml: string): Promise<ParsedBpmn> {
  return new BpmnModdle(moddleExtensions).fromXML(xml.trim());
}
