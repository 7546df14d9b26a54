import { parseClock, parseDurationMs, type Clock } from '../duration/isoDuration.js';
import type { JsonSchema } from '../forms/formValidator.js';
import { resolveDepartment } from '../bpmn/extensionReader/departments.js';
import { chooseExecutableProcess } from '../bpmn/executableProcess.js';

// The facts the engine needs from a deployed BPMN, extracted once at deploy
// and stored with the version as plain JSON: routing, allotments, forms.

export type SupplementPolicy = 'restart' | 'extend';

export interface StepModel {
  elementId: string;
  name: string;
  department: string;
  deadline: string | null;
  clock: Clock;
  /** Working (or calendar) milliseconds allotted to the step, null when unlimited. */
  allotmentMs: number | null;
  counted: boolean;
  form: JsonSchema | null;
}

export interface ProcedureModel {
  processId: string;
  procedureCode: string;
  name: string;
  deadline: string | null;
  clock: Clock;
  deadlineMs: number | null;
  supplementPolicy: SupplementPolicy;
  calendarId: string | null;
  startForm: JsonSchema | null;
  /** Department of the lane the start event is drawn in: it hands the first steps over. */
  startDepartment: string | null;
  steps: Record<string, StepModel>;
  /** Exclusive/inclusive gateways, for history entries of their decisions. */
  gateways: Record<string, { name: string; type: string }>;
  /** Every flow node's name, for readable history. */
  elementNames: Record<string, string>;
}

/* eslint-disable @typescript-eslint/no-explicit-any */
type ModdleElement = any;

function formOf(element: ModdleElement): JsonSchema | null {
  const values: ModdleElement[] = element.extensionElements?.values ?? [];
  const form = values.find((v) => v.$type === 'onestop:FormSchema');
  return form?.body ? (JSON.parse(form.body) as JsonSchema) : null;
}

/**
 * Builds the model of a definition that passed the lint rules. Throws only on
 * what lint cannot see. The procedure is the one process the lint rule
 * `executable-process` accepted; other pools are documentation.
 */
export function buildProcedureModel(definitions: ModdleElement): ProcedureModel {
  const choice = chooseExecutableProcess(definitions);
  if (choice.kind !== 'one') {
    throw new Error(`a procedure file must hold exactly one executable process, found ${choice.kind === 'none' ? 0 : choice.candidates.length}`);
  }
  const process = choice.process;
  const clock = parseClock(process.clock) ?? 'working';
  const steps: Record<string, StepModel> = {};
  const gateways: Record<string, { name: string; type: string }> = {};
  const elementNames: Record<string, string> = {};
  let startForm: JsonSchema | null = null;
  let startDepartment: string | null = null;

  const walk = (container: ModdleElement) => {
    for (const el of container.flowElements ?? []) {
      if (el.$type !== 'bpmn:SequenceFlow') elementNames[el.id] = el.name ?? el.id;
      if (el.$type === 'bpmn:UserTask') {
        const stepClock = parseClock(el.clock) ?? 'working';
        steps[el.id] = {
          elementId: el.id,
          name: el.name ?? el.id,
          // The same resolution the lint rule checks, so routing never disagrees with it.
          department: resolveDepartment(el)?.department ?? '',
          deadline: el.deadline ?? null,
          clock: stepClock,
          allotmentMs: el.deadline ? parseDurationMs(el.deadline, stepClock) : null,
          counted: el.counted !== false,
          form: formOf(el),
        };
      } else if (el.$type === 'bpmn:ExclusiveGateway' || el.$type === 'bpmn:InclusiveGateway') {
        gateways[el.id] = { name: el.name ?? el.id, type: el.$type };
      } else if (el.$type === 'bpmn:StartEvent' && container === process && !startForm) {
        startForm = formOf(el);
        startDepartment = resolveDepartment(el)?.department ?? null;
      } else if (el.$type === 'bpmn:SubProcess') {
        walk(el);
      }
    }
  };
  walk(process);

  return {
    processId: process.id,
    procedureCode: String(process.procedureCode).trim(),
    name: process.name ?? String(process.procedureCode).trim(),
    deadline: process.deadline ?? null,
    clock,
    deadlineMs: process.deadline ? parseDurationMs(process.deadline, clock) : null,
    supplementPolicy: process.supplementPolicy === 'extend' ? 'extend' : 'restart',
    calendarId: process.calendar ?? null,
    startForm,
    startDepartment,
    steps,
    gateways,
    elementNames,
  };
}
