// The public BPMN MIWG reference models (../shared/bpmn-miwg beside the
// repository) and the one-stop attributes an analyst adds before deploying
// one: the procedure code on one process (the others become documentation),
// a department on each user task, a job type on each service or send task, a FEEL condition on each undecided
// gateway branch, and a type on abstract tasks (a one-stop step is a user
// task of a department). Nothing else of the file is touched.

import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';
import { moddleExtensions } from '../../../engine/bpmn/onestopModdle.js';
import { decodeXml } from '../../../engine/bpmn/xmlEncoding.js';
import { resolveDepartment } from '../../../engine/bpmn/extensionReader/departments.js';
import { ROOT } from '../../support/engineHarness.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

export const MIWG_DIR = path.resolve(ROOT, '../shared/bpmn-miwg');

export function miwgFiles(): string[] {
  return readdirSync(MIWG_DIR).filter((file) => file.endsWith('.bpmn')).sort();
}

export function miwgBytes(file: string): Buffer {
  return readFileSync(path.join(MIWG_DIR, file));
}

export const procedureCodeOf = (file: string) => `MIWG.${file.replace(/\.bpmn$/, '')}`;

const moddle = new BpmnModdle(moddleExtensions) as any;

const is = (element: any, type: string) => typeof element?.$instanceOf === 'function' && element.$instanceOf(type);

/** The process an analyst would make the procedure: the executable one, else the first pool's, else the first. */
function pickProcess(definitions: any): any {
  const processes = (definitions.rootElements ?? []).filter((root: any) => is(root, 'bpmn:Process'));
  const withFlow = processes.filter((process: any) => (process.flowElements ?? []).length > 0);
  const executable = withFlow.find((process: any) => process.isExecutable === true);
  if (executable) return executable;
  for (const root of definitions.rootElements ?? []) {
    if (!is(root, 'bpmn:Collaboration')) continue;
    for (const participant of root.participants ?? []) {
      if (participant.processRef && (participant.processRef.flowElements ?? []).length > 0) return participant.processRef;
    }
  }
  return withFlow[0] ?? processes[0];
}

function* containers(process: any): Generator<any> {
  const pending = [process];
  while (pending.length) {
    const container = pending.pop();
    yield container;
    for (const element of container.flowElements ?? []) if (is(element, 'bpmn:SubProcess')) pending.push(element);
  }
}

/** The file with the one-stop attributes added, as UTF-8 XML. */
export async function adaptForOnestop(file: string, department = 'MOTCUA_XA'): Promise<string> {
  // Abstract tasks become user tasks: the only rename, done on the tag.
  const text = decodeXml(miwgBytes(file)).replace(/<(\/?)([A-Za-z0-9_]+:)?task(?=[\s>/])/g, '<$1$2userTask');
  const { rootElement: definitions } = await moddle.fromXML(text);
  const procedure = pickProcess(definitions);
  for (const root of definitions.rootElements ?? []) {
    if (is(root, 'bpmn:Process')) root.isExecutable = root === procedure;
  }
  procedure.set('onestop:procedureCode', procedureCodeOf(file));
  for (const container of containers(procedure)) {
    for (const element of container.flowElements ?? []) {
      if (is(element, 'bpmn:UserTask') && !resolveDepartment(element)) element.set('onestop:department', department);
      // An external job names the kind of job the department's software fetches.
      if ((is(element, 'bpmn:ServiceTask') || is(element, 'bpmn:SendTask')) && !element.get('onestop:jobType')) element.set('onestop:jobType', 'miwg-job');
      if (is(element, 'bpmn:ExclusiveGateway') || is(element, 'bpmn:InclusiveGateway')) {
        const outgoing = (container.flowElements ?? []).filter((flow: any) => is(flow, 'bpmn:SequenceFlow') && flow.sourceRef === element);
        if (outgoing.length < 2) continue;
        for (const flow of outgoing) {
          if (flow === element.default || flow.conditionExpression) continue;
          flow.conditionExpression = moddle.create('bpmn:FormalExpression', { body: `route = "${flow.id}"` });
        }
      }
    }
  }
  const { xml } = await moddle.toXML(definitions, { format: true });
  return xml;
}
