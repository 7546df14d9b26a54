import * as Elements from 'bpmn-elements';
import serializer, { TypeResolver } from 'moddle-context-serializer';
import { DurableTimerEventDefinition } from './durableTimers.js';
import { InclusiveGateway } from './elements/InclusiveGateway.js';
import { FeelLoopCharacteristics } from './elements/FeelLoopCharacteristics.js';
import { RepeatingMessageEventDefinition } from './repeatingMessages.js';
import { RefusedConditionalEventDefinition } from './refusedConditionalEvents.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
const typeResolver = TypeResolver({
  ...(Elements as any),
  // Timers never arm in-process: their due times live on our rows.
  TimerEventDefinition: DurableTimerEventDefinition,
  // Its join waits for every branch that can still arrive (bpmn-elements' own passes each through).
  InclusiveGateway,
  // Collection, cardinality and completion condition as FEEL over the dossier data.
  MultiInstanceLoopCharacteristics: FeelLoopCharacteristics,
  // A non-interrupting boundary message fires once per delivery while its step is open.
  MessageEventDefinition: RepeatingMessageEventDefinition,
  // Refused at deploy; never passed through as true at run time either.
  ConditionalEventDefinition: RefusedConditionalEventDefinition,
  // A service or send task is an external job: it waits, like a user task,
  // until the job is completed through the API. Nothing is called in-process.
  ServiceTask: (Elements as any).SignalTask,
  SendTask: (Elements as any).SignalTask,
  BusinessRuleTask: (Elements as any).SignalTask,
});

/**
 * Turns a bpmn-moddle parse result into the serialisable context bpmn-engine
 * runs. Done once per deployed version and kept in memory: re-parsing the XML
 * for every dossier step is what makes a naive engine slow.
 */
export function serializeDefinition(moddleContext: unknown): any {
  return serializer(moddleContext as any, typeResolver);
}
