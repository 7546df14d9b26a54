import type { JsonSchema } from '../http/route.js';
import { closed, dateTime, DOSSIER_SUMMARY_PROPERTIES, nullableDateTime, ref, TASK_PROPERTIES, UUID } from './schemas.js';

// Component schemas of the endpoints the browser workspace (supervisor
// dashboard, department inbox, desk, dossier page, heat map) reads. Closed
// like the others, so the response check catches any field leaking out.

const workingMs = (description: string): JsonSchema => ({ type: ['integer', 'null'], description: `${description} In working milliseconds on the procedure’s business calendar (8 working hours a working day).` });
const ASOF: JsonSchema = { ...dateTime, description: 'The server’s time the answer was computed at: the page measures everything against it, not the browser’s clock.' };
const HOLDER = closed({ code: { type: 'string' }, name: { type: 'string' } });

export const URGENCIES = ['late', 'due_today', 'on_track', 'paused', 'no_deadline'] as const;

// A step in an inbox: the form only when asked for (`forms=true`): the work list
// does not show it, and every step's form made a department's inbox 89 KB.
const INBOX_TASK_PROPERTIES: Record<string, JsonSchema> = {
  ...TASK_PROPERTIES,
  form: { type: ['object', 'null'], description: "JSON Schema of the step's data: only with `forms=true` (GET /api/tasks/{id} always has it)." },
  procedureName: { type: 'string' },
  applicantName: { type: ['string', 'null'] },
  dossierStatus: ref('DossierStatus'),
  workingMsLeft: workingMs('Until the due time; negative once it has passed. null without a due time.'),
  urgency: {
    type: 'string',
    enum: [...URGENCIES],
    description: 'late: past its due time; due_today: due on the current day (Vietnam); on_track: later; paused: the dossier waits for the citizen’s supplement (its clocks stand still); no_deadline.',
  },
  breached: { type: 'boolean', description: 'A breach of this step is recorded and open.' },
};

export const WORKSPACE_SCHEMAS: Record<string, JsonSchema> = {
  Me: closed({
    id: UUID,
    name: { type: 'string', description: 'The key’s name.' },
    role: ref('Role'),
    department: { type: ['string', 'null'], description: 'The department an officer key acts for.' },
    departmentName: { type: ['string', 'null'] },
    actor: { type: 'string', description: 'What history records for this caller (with X-Onestop-User, the person and the key).' },
    kind: { type: 'string', enum: ['person', 'system'], description: 'A signed-in person, or a system’s API key.' },
    fullName: { type: 'string' },
    memberships: { type: 'array', items: ref('Membership') },
    csrfToken: { type: 'string', description: 'Of the session: send it as X-CSRF-Token on every change.' },
    mustChangePassword: { type: 'boolean' },
    leadOf: { type: 'array', items: { type: 'string' }, description: 'The departments the person leads.' },
  }, ['id', 'name', 'role', 'department', 'departmentName', 'actor', 'kind']),

  InboxTask: closed(INBOX_TASK_PROPERTIES, Object.keys(INBOX_TASK_PROPERTIES).filter((k) => k !== 'form')),
  Inbox: closed({
    asOf: ASOF,
    department: { type: ['string', 'null'], description: 'The department listed (null: every department, supervisors only).' },
    counts: closed({ late: { type: 'integer' }, dueToday: { type: 'integer' }, onTrack: { type: 'integer' }, other: { type: 'integer' } }),
    items: { type: 'array', items: ref('InboxTask') },
    total: { type: 'integer', minimum: 0 },
    limit: { type: 'integer' },
    offset: { type: 'integer' },
  }),

  OpenBreachGroup: closed({
    department: { type: ['string', 'null'], description: 'null: the dossier’s promised return date was missed.' },
    departmentName: { type: ['string', 'null'] },
    procedureCode: { type: 'string' },
    procedureName: { type: 'string' },
    count: { type: 'integer', description: 'Open breaches.' },
    dossiers: { type: 'integer', description: 'Distinct dossiers among them.' },
    oldestDueAt: dateTime,
    overdueWorkingMs: workingMs('How long the oldest one has been overdue.'),
  }),
  OpenBreach: closed({
    id: { type: 'integer' },
    dossierCode: { type: 'string' },
    procedureCode: { type: 'string' },
    procedureName: { type: 'string' },
    taskId: { type: ['string', 'null'] },
    elementId: { type: ['string', 'null'] },
    step: { type: ['string', 'null'] },
    department: { type: ['string', 'null'] },
    departmentName: { type: ['string', 'null'] },
    dueAt: dateTime,
    detectedAt: dateTime,
    overdueWorkingMs: workingMs('Overdue by.'),
  }),
  OpenBreaches: closed({
    asOf: ASOF,
    total: { type: 'integer', description: 'Open breaches matching the filter (items stop at `limit`).' },
    groupsTotal: { type: 'integer', description: 'Groups matching the filter (`groups` is the page asked for by `groupLimit` and `groupOffset`).' },
    groups: { type: 'array', items: ref('OpenBreachGroup'), description: 'By department and procedure, oldest due time first: one page of them.' },
    items: { type: 'array', items: ref('OpenBreach'), description: 'Oldest due time first.' },
  }),

  AtRiskDossier: closed({
    code: { type: 'string' },
    procedureCode: { type: 'string' },
    procedureName: { type: 'string' },
    applicantName: { type: ['string', 'null'] },
    status: ref('DossierStatus'),
    receivedAt: dateTime,
    dueAt: dateTime,
    workingMsLeft: workingMs('Until the promised date.'),
    heldBy: { type: 'array', items: HOLDER },
  }),
  AtRiskDossiers: closed({
    asOf: ASOF,
    horizonWorkingMs: { type: 'integer', description: 'The look-ahead: one working day.' },
    items: { type: 'array', items: ref('AtRiskDossier'), description: 'Soonest promised date first.' },
  }),

  Form06Member: closed({
    ...DOSSIER_SUMMARY_PROPERTIES,
    step: {
      anyOf: [
        { type: 'null' },
        closed({
          taskId: UUID,
          elementId: { type: 'string' },
          name: { type: 'string' },
          department: { type: 'string' },
          dueAt: nullableDateTime,
          completedAt: nullableDateTime,
          timeliness: { type: ['string', 'null'], enum: ['early', 'on_time', 'late', null] },
        }),
      ],
      description: 'Per department: the step that was counted (a dossier can count once per step).',
    },
  }),
  Form06Members: closed({
    groupBy: { type: 'string', enum: ['procedure', 'department'] },
    key: { type: ['string', 'null'], description: 'The row (procedure or department code); null for the total row.' },
    column: { type: 'string' },
    from: { type: 'string', format: 'date' },
    to: { type: 'string', format: 'date' },
    asOf: dateTime,
    items: { type: 'array', items: ref('Form06Member') },
    total: { type: 'integer', minimum: 0, description: 'Equals the cell of the report.' },
    limit: { type: 'integer' },
    offset: { type: 'integer' },
  }),

  StepHeat: closed({
    elementId: { type: 'string' },
    name: { type: 'string' },
    department: { type: 'string' },
    departmentName: { type: ['string', 'null'] },
    clock: { type: 'string', enum: ['working', 'calendar'] },
    deadline: { type: ['string', 'null'] },
    openTasks: { type: 'integer' },
    lateOpenTasks: { type: 'integer' },
    completedTasks: { type: 'integer' },
    lateCompletedTasks: { type: 'integer' },
    medianWorkingMs: workingMs('Median time taken (handover to completion) over the most recent completed steps; null when none is completed.'),
    medianElapsedMs: { type: ['integer', 'null'], description: 'The same median in plain elapsed time.' },
    breaches: { type: 'integer' },
    openBreaches: { type: 'integer' },
  }),
  ProcedureHeatmap: closed({
    code: { type: 'string' },
    version: { type: 'integer' },
    name: { type: 'string' },
    asOf: ASOF,
    dossiers: { type: 'integer', description: 'Dossiers received on this version.' },
    steps: { type: 'array', items: ref('StepHeat'), description: 'Every step of the version, in the order of the model.' },
  }),

  DossierStepState: closed({
    elementId: { type: 'string' },
    name: { type: 'string' },
    department: { type: 'string' },
    state: { type: 'string', enum: ['current', 'done', 'cancelled'], description: 'current: an open step; done: completed; cancelled (withdrawal, stop).' },
    late: { type: 'boolean', description: 'Completed late, breached, or open past its due time.' },
    timeliness: { type: ['string', 'null'], enum: ['early', 'on_time', 'late', null] },
    handedOverAt: dateTime,
    dueAt: nullableDateTime,
    completedAt: nullableDateTime,
    workingMsLeft: workingMs('For an open step: until its due time (negative: overdue).'),
    times: { type: 'integer', description: 'How many times the dossier reached this step.' },
  }),
  DossierProgress: closed({
    dossierCode: { type: 'string' },
    procedureCode: { type: 'string' },
    version: { type: 'integer' },
    asOf: ASOF,
    status: ref('DossierStatus'),
    dueAt: nullableDateTime,
    workingMsLeft: workingMs('Until the promised date while the dossier is pending (negative: overdue).'),
    elements: { type: 'array', items: ref('DossierStepState'), description: 'One entry per step reached, by BPMN element.' },
  }),
};
