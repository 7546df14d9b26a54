// What each entry of bpmn-js' palette and context pad makes, and whether the
// engine runs it (engine/bpmn/supportedElements.ts, read live): the designer
// never offers what the deploy would refuse. Pure, so the unit tests run it in
// node.

import { supportEntry } from '../../../../engine/bpmn/supportedElements.js';

export interface Made {
  /** bpmn-moddle type of the new element. */
  type: string;
  /** The event definition it is made with (or, for a compensation activity, the one it serves). */
  eventDefinitionType?: string;
}

/**
 * bpmn-js 18's built-in entries that make an element (lib/features/palette
 * and lib/features/context-pad). Entries not listed (tools, connect, delete,
 * change type, lanes) make nothing and are kept.
 */
export const MADE_BY_ENTRY: Readonly<Record<string, Made>> = {
  'create.start-event': { type: 'bpmn:StartEvent' },
  'create.intermediate-event': { type: 'bpmn:IntermediateThrowEvent' },
  'create.end-event': { type: 'bpmn:EndEvent' },
  'create.exclusive-gateway': { type: 'bpmn:ExclusiveGateway' },
  'create.task': { type: 'bpmn:Task' },
  'create.data-object': { type: 'bpmn:DataObjectReference' },
  'create.data-store': { type: 'bpmn:DataStoreReference' },
  'create.subprocess-expanded': { type: 'bpmn:SubProcess' },
  'create.participant-expanded': { type: 'bpmn:Participant' },
  'create.group': { type: 'bpmn:Group' },
  'append.end-event': { type: 'bpmn:EndEvent' },
  'append.gateway': { type: 'bpmn:ExclusiveGateway' },
  'append.append-task': { type: 'bpmn:Task' },
  'append.intermediate-event': { type: 'bpmn:IntermediateThrowEvent' },
  'append.receive-task': { type: 'bpmn:ReceiveTask' },
  'append.message-intermediate-event': { type: 'bpmn:IntermediateCatchEvent', eventDefinitionType: 'bpmn:MessageEventDefinition' },
  'append.timer-intermediate-event': { type: 'bpmn:IntermediateCatchEvent', eventDefinitionType: 'bpmn:TimerEventDefinition' },
  'append.condition-intermediate-event': { type: 'bpmn:IntermediateCatchEvent', eventDefinitionType: 'bpmn:ConditionalEventDefinition' },
  'append.signal-intermediate-event': { type: 'bpmn:IntermediateCatchEvent', eventDefinitionType: 'bpmn:SignalEventDefinition' },
  'append.compensation-activity': { type: 'bpmn:Task', eventDefinitionType: 'bpmn:CompensateEventDefinition' },
  'append.text-annotation': { type: 'bpmn:TextAnnotation' },
};

/** True when a dossier reaching the element goes on as drawn (an event by its definition, anything else by its type). */
export function engineRuns(made: Made): boolean {
  if (made.eventDefinitionType) {
    const definition = supportEntry(made.eventDefinitionType);
    return definition?.support === 'supported' && (!definition.supportedOn || definition.supportedOn.includes(made.type));
  }
  // Types without an entry are documentation or structure (pools, groups, data stores).
  return supportEntry(made.type)?.support !== 'refused';
}

/** The type a step is: a task without a type is refused, and what a person does is a user task. */
export const STEP_TYPE = 'bpmn:UserTask';

export type EntryFate = 'keep' | 'hide' | 'step';

/** What the designer does with a built-in entry: keep it, hide it, or make it create a user task instead. */
export function entryFate(id: string): EntryFate {
  const made = MADE_BY_ENTRY[id];
  if (!made || engineRuns(made)) return 'keep';
  // A plain task is a step whose kind was not chosen: it becomes the step the engine runs.
  return made.type === 'bpmn:Task' && !made.eventDefinitionType ? 'step' : 'hide';
}
