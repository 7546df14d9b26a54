import { parseClock, parseDurationMs, type Clock } from '../duration/isoDuration.js';
import { resolveDepartment } from '../bpmn/extensionReader/departments.js';
import type { JsonSchema } from '../forms/formValidator.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

// What the engine needs to know of a version's waiting elements (timers,
// messages, external jobs), read once from the parsed BPMN when the version
// is loaded into the definition cache.

export interface TimerModel {
  elementId: string;
  name: string;
  /** Durations count working time unless the event says `onestop:clock="calendar"`. */
  clock: Clock;
}

export interface MessageWaitModel {
  elementId: string;
  name: string;
  /** The BPMN message's id (what the engine is signalled with) and its name (what callers send). */
  messageId: string;
  messageName: string;
  department: string | null;
  form: JsonSchema | null;
  /** Reply deadline of a receive task, like a step's. */
  deadline: string | null;
  allotmentMs: number | null;
  clock: Clock;
}

export interface JobModel {
  elementId: string;
  name: string;
  jobType: string;
  department: string;
  form: JsonSchema | null;
  deadline: string | null;
  allotmentMs: number | null;
  clock: Clock;
}

export interface WaitModel {
  timers: Record<string, TimerModel>;
  messages: Record<string, MessageWaitModel>;
  jobs: Record<string, JobModel>;
  /** Whether any element of the version waits on something else than a user task. */
  any: boolean;
}

function formOf(element: any): JsonSchema | null {
  const values: any[] = element.extensionElements?.values ?? [];
  const form = values.find((v) => v.$type === 'onestop:FormSchema');
  return form?.body ? (JSON.parse(form.body) as JsonSchema) : null;
}

const clockOf = (el: any): Clock => parseClock(el.clock) ?? 'working';

function deadlineOf(el: any) {
  const deadline: string | null = el.deadline ?? null;
  const clock = clockOf(el);
  return { deadline, clock, allotmentMs: deadline ? parseDurationMs(deadline, clock) : null };
}

export function buildWaitModel(definitions: any): WaitModel {
  const model: WaitModel = { timers: {}, messages: {}, jobs: {}, any: false };
  const walk = (container: any) => {
    for (const el of container.flowElements ?? []) {
      const name = el.name ?? el.id;
      const definitionsOf: any[] = el.eventDefinitions ?? [];
      if (definitionsOf.some((d) => d.$type === 'bpmn:TimerEventDefinition')) {
        model.timers[el.id] = { elementId: el.id, name, clock: clockOf(el) };
      }
      const messageRef = el.$type === 'bpmn:ReceiveTask' ? el.messageRef : definitionsOf.find((d) => d.$type === 'bpmn:MessageEventDefinition')?.messageRef;
      // The message start of an event sub-process waits while its scope runs.
      const startsEventSubProcess = el.$type === 'bpmn:StartEvent' && container.triggeredByEvent === true;
      const catches = el.$type === 'bpmn:ReceiveTask' || el.$type === 'bpmn:IntermediateCatchEvent' || el.$type === 'bpmn:BoundaryEvent' || startsEventSubProcess;
      if (messageRef && catches) {
        model.messages[el.id] = {
          elementId: el.id,
          name,
          messageId: messageRef.id,
          messageName: messageRef.name ?? messageRef.id,
          department: resolveDepartment(el)?.department ?? null,
          form: formOf(el),
          ...(el.$type === 'bpmn:ReceiveTask' ? deadlineOf(el) : { deadline: null, allotmentMs: null, clock: clockOf(el) }),
        };
      }
      if ((el.$type === 'bpmn:ServiceTask' || el.$type === 'bpmn:SendTask') && el.jobType) {
        model.jobs[el.id] = { elementId: el.id, name, jobType: el.jobType, department: resolveDepartment(el)?.department ?? '', form: formOf(el), ...deadlineOf(el) };
      }
      if (el.$type === 'bpmn:SubProcess') walk(el);
    }
  };
  for (const root of definitions.rootElements ?? []) if (root.$type === 'bpmn:Process') walk(root);
  model.any = Object.keys(model.timers).length + Object.keys(model.messages).length + Object.keys(model.jobs).length > 0;
  return model;
}
