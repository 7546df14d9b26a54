// What this engine runs, element by element: the one table behind the
// `supported-elements` lint rule (deploy and designer alike) and the README's
// table of the supported BPMN subset. An element is supported only when a
// dossier that reaches it goes on as drawn; anything else is refused at
// deploy with a sentence naming what to use instead, never accepted and then
// left waiting forever.

export type Support = 'supported' | 'refused';

export interface SupportEntry {
  /** bpmn-moddle type, e.g. `bpmn:UserTask`; for event definitions the definition type. */
  type: string;
  /** How the README names it. */
  label: string;
  support: Support;
  /** Supported: what the engine does with it. Refused: why, and what to use instead. One sentence. */
  why: string;
  /** Another rule reports this refusal (so one mistake yields one message). */
  reportedBy?: string;
  /** Supported only with this one-stop attribute set; without it, refused with `why`. */
  requires?: { attribute: string; why: string };
  /** Event definitions: the event types it is supported on; elsewhere it is refused. */
  supportedOn?: readonly string[];
  /** A refusal with its own sentence in the reader's language (engine/lint/lintMessages.ts). */
  code?: string;
}

const CATCHING = ['bpmn:IntermediateCatchEvent', 'bpmn:BoundaryEvent'];
/** The start event of an event sub-process (the lint rule names it so). */
const EVENT_SUB_PROCESS_START = 'bpmn:StartEvent#event';

const NOT_YET = 'is not run by this engine yet';

/** Flow elements, artifacts and containers inside the procedure's process. */
export const ELEMENT_SUPPORT: readonly SupportEntry[] = [
  { type: 'bpmn:StartEvent', label: 'Start event (none)', support: 'supported', why: 'The dossier starts here when the desk receives it; its form is the reception form.' },
  { type: 'bpmn:EndEvent', label: 'End event (none, terminate)', support: 'supported', why: 'The branch ends; the dossier is finished when every branch has ended (terminate ends all of them).' },
  { type: 'bpmn:IntermediateThrowEvent', label: 'Intermediate throw event (none)', support: 'supported', why: 'A milestone drawn on the path; the token passes through it.' },
  { type: 'bpmn:IntermediateCatchEvent', label: 'Intermediate catch event', support: 'refused', why: `An intermediate catch event ${NOT_YET} (timers and messages come with the events work); draw a user task in which an officer records what arrived.` },
  { type: 'bpmn:BoundaryEvent', label: 'Boundary event', support: 'refused', why: `A boundary event ${NOT_YET} (timers and messages come with the events work): use the step's deadline (onestop:deadline), which the late-dossier reports watch.` },
  { type: 'bpmn:UserTask', label: 'User task', support: 'supported', why: 'A step of a department (onestop:department or its lane), with its own deadline and form.' },
  { type: 'bpmn:Task', label: 'Task (without a type)', support: 'refused', why: 'A task without a type would be passed over without anyone doing it: make it a user task of the department that does the work.' },
  { type: 'bpmn:ManualTask', label: 'Manual task', support: 'refused', why: 'A manual task has no one to report its completion: use a user task, which the officer completes once the manual work is done.' },
  { type: 'bpmn:BusinessRuleTask', label: 'Business-rule task', support: 'refused', why: 'Business-rule tasks are refused until decision tables exist: decide with an exclusive gateway whose conditions are FEEL expressions over the dossier data.' },
  { type: 'bpmn:ScriptTask', label: 'Script task', support: 'refused', why: 'Uploaded BPMN never runs code: replace the script task with a user task.', reportedBy: 'no-script' },
  { type: 'bpmn:ServiceTask', requires: { attribute: 'jobType', why: 'An external job needs onestop:jobType, the kind of job the department’s software fetches (e.g. onestop:jobType="tax-lookup"): without it nothing would ever do it.' }, label: 'Service task (external job)', support: 'supported', why: 'With onestop:jobType and onestop:department: an external job the department’s software fetches, locks and completes through /api/jobs, with a deadline like a step.' },
  { type: 'bpmn:SendTask', requires: { attribute: 'jobType', why: 'An external job needs onestop:jobType, the kind of job the department’s software fetches (e.g. onestop:jobType="tax-lookup"): without it nothing would ever do it.' }, label: 'Send task (external job)', support: 'supported', why: 'With onestop:jobType and onestop:department: an external job, like a service task (the department’s software sends and completes it).' },
  { type: 'bpmn:ReceiveTask', label: 'Receive task', support: 'supported', why: 'Waits for its message, delivered through POST /api/messages; with onestop:department and onestop:deadline the reply has a deadline and a breach like a step.' },
  { type: 'bpmn:CallActivity', label: 'Call activity', support: 'supported', why: 'calledElement is the code of another deployed procedure (refused at deploy when it is not deployed): its version in force when the call starts runs inside the same dossier (one code, one history, one control slip) with its own departments, deadlines and forms, and the whole dossier data goes in and comes back.' },
  { type: 'bpmn:SubProcess', label: 'Embedded sub-process', support: 'supported', why: 'Runs its steps as drawn, nested to any depth within the limit; its user tasks are routed like top-level ones, with their own or their lane\'s department.' },
  { type: 'bpmn:SubProcess#event', label: 'Event sub-process (timer, message or error start)', support: 'supported', why: 'Runs while its scope (the process, or the embedded sub-process it is drawn in) runs, when its start happens: a timer, a message delivered through POST /api/messages, or a BPMN error thrown in that scope; an interrupting start withdraws the rest of the scope, a non-interrupting one runs beside it, and its user tasks are routed like any others.' },
  { type: 'bpmn:StartEvent#event', code: 'event-sub-process-start', label: 'None start event of an event sub-process', support: 'refused', why: 'An event sub-process with a none start event would never start: draw its start event with a timer, a message or an error.' },
  { type: 'bpmn:Transaction', label: 'Transaction sub-process', support: 'refused', why: 'Transaction sub-processes (with cancel and compensation) are not run: draw the undoing of a step as a further user task.' },
  { type: 'bpmn:AdHocSubProcess', label: 'Ad-hoc sub-process', support: 'refused', why: 'Ad-hoc sub-processes have no order the engine could follow: draw the steps with a parallel gateway (all of them) or an exclusive gateway (one of them).' },
  { type: 'bpmn:ExclusiveGateway', label: 'Exclusive gateway', support: 'supported', why: 'Takes the first outgoing flow whose FEEL condition holds, else the default flow; joins pass each arriving branch on.' },
  { type: 'bpmn:ParallelGateway', label: 'Parallel gateway', support: 'supported', why: 'Splits into every outgoing flow; the join waits for every incoming branch.' },
  { type: 'bpmn:InclusiveGateway', label: 'Inclusive gateway', support: 'supported', why: 'Splits into every outgoing flow whose FEEL condition holds, else the default flow; the join waits for every branch that can still arrive and runs the next step once.' },
  { type: 'bpmn:EventBasedGateway', label: 'Event-based gateway', support: 'supported', why: 'Waits on the message and timer catch events after it; the first that happens wins and the others are withdrawn.' },
  { type: 'bpmn:ComplexGateway', label: 'Complex gateway', support: 'refused', why: 'A complex gateway has no condition the engine can evaluate: use an exclusive gateway (one branch) or a parallel gateway (every branch).' },
  { type: 'bpmn:SequenceFlow', label: 'Sequence flow (with a FEEL condition or default)', support: 'supported', why: 'Conditions are FEEL expressions over the dossier data.' },
  { type: 'bpmn:DataObject', label: 'Data object, data store, data associations', support: 'supported', why: 'Documentation only: the dossier data is what the forms collect.' },
  { type: 'bpmn:Lane', label: 'Pool, lane', support: 'supported', why: 'A lane with onestop:department routes the user tasks drawn in it; other pools document other agencies.' },
  { type: 'bpmn:TextAnnotation', label: 'Text annotation, association, group', support: 'supported', why: 'Documentation only.' },
];

/** Loop markers on activities. */
export const LOOP_SUPPORT: readonly SupportEntry[] = [
  { type: 'bpmn:MultiInstanceLoopCharacteristics', label: 'Multi-instance (parallel or sequential) on a user task or embedded sub-process', support: 'supported', why: 'One instance per item of onestop:collection (a FEEL list of the dossier data, the item named by onestop:elementVariable) or per loop cardinality; each instance is its own step with its own department (onestop:department may be FEEL, e.g. = agency.department), deadline and control-slip leg; its data is listed in <element id>_outputs; an optional FEEL completion condition ends the round early. Other activities, and collections not in FEEL, are refused (multi-instance).' },
  { type: 'bpmn:StandardLoopCharacteristics', label: 'Standard loop', support: 'refused', why: 'Loop markers are not run: draw the repetition as an exclusive gateway that leads back to the user task.' },
];

/** Event definitions; an event without one is a "none" event. */
export const EVENT_DEFINITION_SUPPORT: readonly SupportEntry[] = [
  { type: 'bpmn:TerminateEventDefinition', label: 'Terminate end event', support: 'supported', supportedOn: ['bpmn:EndEvent'], why: 'Ends every branch of the dossier at once.' },
  { type: 'bpmn:TimerEventDefinition', supportedOn: [...CATCHING, EVENT_SUB_PROCESS_START], label: 'Timer event (intermediate catch, boundary interrupting or not, start of an event sub-process)', support: 'supported', why: 'timeDuration, timeDate or timeCycle (R/…); durations count working time like a step deadline unless the event says onestop:clock="calendar"; the due time is stored and fired durably.' },
  { type: 'bpmn:MessageEventDefinition', supportedOn: [...CATCHING, EVENT_SUB_PROCESS_START], label: 'Message event (intermediate catch, boundary, start of an event sub-process)', support: 'supported', why: 'Waits for the message of that name, delivered through POST /api/messages, once per wait; a non-interrupting boundary message fires once per delivery while its step is open.' },
  { type: 'bpmn:SignalEventDefinition', label: 'Signal event', support: 'refused', why: `A signal event ${NOT_YET}: dossiers do not broadcast to each other; draw a user task instead.` },
  { type: 'bpmn:EscalationEventDefinition', label: 'Escalation event', support: 'refused', why: `An escalation event ${NOT_YET}: use the step's deadline, whose warnings and reports escalate a late step.` },
  { type: 'bpmn:ErrorEventDefinition', supportedOn: ['bpmn:EndEvent', EVENT_SUB_PROCESS_START], label: 'Error event (end event, start of an event sub-process)', support: 'supported', why: 'An error end event throws the error; the event sub-process with that error start in an enclosing scope catches it, and an error nothing catches becomes an incident of the dossier.' },
  { type: 'bpmn:ConditionalEventDefinition', code: 'conditional-event', label: 'Conditional event', support: 'refused', why: 'A conditional event is refused (its condition, FEEL or not, would have to be watched on every change of the dossier data, and it is never taken as true): decide with an exclusive gateway whose condition is FEEL over the dossier data.' },
  { type: 'bpmn:LinkEventDefinition', label: 'Link event', support: 'refused', why: `A link event ${NOT_YET}: draw the sequence flow directly.` },
  { type: 'bpmn:CompensateEventDefinition', label: 'Compensation event', support: 'refused', why: 'Compensation is not run (it would be silently ignored): draw the undoing work as user tasks on the path that needs it.' },
  { type: 'bpmn:CancelEventDefinition', label: 'Cancel event', support: 'refused', why: 'Cancel events belong to transaction sub-processes, which are not run: draw the cancellation as a path of user tasks.' },
  { type: 'multiple', label: 'Multiple / parallel-multiple event', support: 'refused', why: 'An event with several event definitions (multiple or parallel multiple) is not run: draw one event per trigger.' },
];

export const ALL_SUPPORT: readonly SupportEntry[] = [...ELEMENT_SUPPORT, ...LOOP_SUPPORT, ...EVENT_DEFINITION_SUPPORT];

const byType = new Map(ALL_SUPPORT.map((entry) => [entry.type, entry]));

export function supportEntry(type: string): SupportEntry | undefined {
  return byType.get(type);
}

/** Types that are documentation or structure only and need no entry of their own. */
export const PASSIVE_TYPES: readonly string[] = [
  'bpmn:DataObjectReference', 'bpmn:DataStoreReference', 'bpmn:Association', 'bpmn:Group', 'bpmn:LaneSet',
];

