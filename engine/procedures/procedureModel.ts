import { parseClock, parseDurationMs, type Clock } from '../duration/isoDuration.js';
import type { JsonSchema } from '../forms/formValidator.js';
import { resolveDepartment } from '../bpmn/extensionReader/departments.js';
import { chooseExecutableProcess } from '../bpmn/executableProcess.js';
import { papersOf, resultPapersOf, type PaperSpec, type ResultPaperSpec } from '../bpmn/extensionReader/documentLists.js';

export type { PaperSpec, ResultPaperSpec } from '../bpmn/extensionReader/documentLists.js';

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
  /** Papers the step must attach when it completes (onestop:resultDocuments). */
  resultDocuments: ResultPaperSpec[];
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
  /** onestop:fee, fees and charges in VND: the dossier awaits them (status 6) before it is resolved. Absent in models deployed before. */
  fee?: number | null;
  /** onestop:field, the field (lĩnh vực) the statistics group by. */
  field?: string | null;
  /** onestop:anyReceivingPoint: any receiving point may receive it, for the resolving agency (Circular 04 art. 23). */
  anyReceivingPoint?: boolean;
  startForm: JsonSchema | null;
  /** Department of the lane the start event is drawn in: it hands the first steps over. */
  startDepartment: string | null;
  /** The papers of the dossier (thành phần hồ sơ), the checklist at reception. */
  documents: PaperSpec[];
  steps: Record<string, StepModel>;
  /** Exclusive/inclusive gateways, for history entries of their decisions. */
  gateways: Record<string, { name: string; type: string }>;
  /** Every flow node's name, for readable history. */
  elementNames: Record<string, string>;
  /** Call activities and the procedure code each calls (calledElement). Absent in models deployed before. */
  calls?: Record<string, string>;
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
  const calls: Record<string, string> = {};
  let startForm: JsonSchema | null = null;
  let startDepartment: string | null = null;
  let documents: PaperSpec[] = [];

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
          resultDocuments: resultPapersOf(el),
        };
      } else if (el.$type === 'bpmn:ExclusiveGateway' || el.$type === 'bpmn:InclusiveGateway') {
        gateways[el.id] = { name: el.name ?? el.id, type: el.$type };
      } else if (el.$type === 'bpmn:StartEvent' && container === process && !startForm) {
        startForm = formOf(el);
        startDepartment = resolveDepartment(el)?.department ?? null;
        documents = papersOf(el);
      } else if (el.$type === 'bpmn:SubProcess') {
        walk(el);
      } else if (el.$type === 'bpmn:CallActivity' && typeof el.calledElement === 'string') {
        calls[el.id] = el.calledElement.trim();
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
    fee: feeOf(process.fee),
    field: typeof process.field === 'string' && process.field.trim() ? process.field.trim() : null,
    anyReceivingPoint: process.anyReceivingPoint === true,
    startForm,
    startDepartment,
    documents,
    steps,
    gateways,
    elementNames,
    calls,
  };
}

/** A fee in whole VND; anything else (absent, not a number, 0) means none. */
function feeOf(value: unknown): number | null {
  const n = typeof value === 'string' ? Number(value.trim()) : NaN;
  return Number.isFinite(n) && n > 0 ? Math.round(n) : null;
}
