import type { JsonSchema } from '../http/route.js';
import { AGENCY_IDENTIFIER_PATTERN, API_ROLES, DEPARTMENT_CODE_PATTERN, DOSSIER_STATUSES, PROCEDURE_CODE_MAX_LENGTH, PROCEDURE_CODE_PATTERN } from '../../engine/index.js';

// Component schemas of the OpenAPI document (JSON Schema 2020-12, as OpenAPI
// 3.1 uses). Request schemas refuse unknown fields; response schemas do too,
// so the response check in the tests catches any field leaking out (e.g.
// personal data in the public lookup).

export const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });
export const dateTime: JsonSchema = { type: 'string', format: 'date-time' };
export const nullableDateTime: JsonSchema = { type: ['string', 'null'], format: 'date-time' };
const text = (maxLength: number, description?: string): JsonSchema => ({ type: 'string', minLength: 1, maxLength, ...(description ? { description } : {}) });
export const closed = (properties: Record<string, JsonSchema>, required: string[] = Object.keys(properties), extra: JsonSchema = {}): JsonSchema => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
  ...extra,
});
const page = (item: string): JsonSchema =>
  closed({
    items: { type: 'array', items: ref(item) },
    total: { type: 'integer', minimum: 0, description: 'Rows matching the filter, over all pages.' },
    limit: { type: 'integer' },
    offset: { type: 'integer' },
  });
const list = (item: string): JsonSchema => closed({ items: { type: 'array', items: ref(item) } });

export const DEPARTMENT_CODE: JsonSchema = { type: 'string', pattern: DEPARTMENT_CODE_PATTERN, description: 'Department code: letters, digits, dots, hyphens, underscores, e.g. CONGAN_XA, HO-QLDT or an agency identifier 000.00.12.H26.' };
// The very pattern deploy checks onestop:procedureCode with.
export const PROCEDURE_CODE: JsonSchema = { type: 'string', minLength: 1, maxLength: PROCEDURE_CODE_MAX_LENGTH, pattern: PROCEDURE_CODE_PATTERN, description: 'National procedure code (mã TTHC), e.g. 2.002621.' };
export const DOSSIER_CODE: JsonSchema = { type: 'string', maxLength: 60, description: 'Dossier code `<agency>-<YYMMDD>-<NNNN…>` (Circular 03/2025 art. 13: at least 4 digits, more past 9999), e.g. 000.00.12.H26-260302-0001.' };
export const UUID: JsonSchema = { type: 'string', format: 'uuid' };
const TIMELINESS: JsonSchema = { type: 'string', enum: ['early', 'on_time', 'late'] };
const STATUS_NAMES = Object.keys(DOSSIER_STATUSES);
export const STATUS_CODE: JsonSchema = { type: 'integer', minimum: 1, maximum: 10, description: 'Status code of the National Public Service Portal (1 new … 10 returned).' };

/** A dossier in a list: what the dossier list and the dossiers behind a report cell both show. */
export const DOSSIER_SUMMARY_PROPERTIES: Record<string, JsonSchema> = {
  code: { type: 'string' },
  procedureCode: { type: 'string' },
  procedureName: { type: 'string' },
  status: ref('DossierStatus'),
  channel: { type: 'string' },
  applicantName: { type: ['string', 'null'] },
  receivedAt: dateTime,
  dueAt: nullableDateTime,
  resolvedAt: nullableDateTime,
  returnedAt: nullableDateTime,
};

export const TASK_PROPERTIES: Record<string, JsonSchema> = {
  id: UUID,
  dossierCode: { type: 'string' },
  procedureCode: { type: 'string' },
  elementId: { type: 'string' },
  name: { type: 'string' },
  department: { type: 'string' },
  fromDepartment: { type: ['string', 'null'] },
  status: { type: 'string', enum: ['open', 'claimed', 'completed', 'cancelled'] },
  assignee: { type: ['string', 'null'] },
  createdAt: dateTime,
  dueAt: nullableDateTime,
  completedAt: nullableDateTime,
  completedBy: { type: ['string', 'null'] },
  timeliness: { type: ['string', 'null'], enum: ['early', 'on_time', 'late', null] },
  form: { type: ['object', 'null'], description: "JSON Schema of the step's data." },
};

export const SCHEMAS: Record<string, JsonSchema> = {
  Problem: {
    type: 'object',
    description: 'RFC 9457 problem details. `errors` lists every field (or BPMN element) at fault.',
    properties: {
      type: { type: 'string', format: 'uri' },
      title: { type: 'string' },
      status: { type: 'integer', minimum: 400, maximum: 599 },
      detail: { type: 'string' },
      instance: { type: 'string' },
      code: { type: 'string', description: 'What happened, stable (e.g. `dossier-not-found`, `period-reversed`, `process-stuck`): a client words its own sentence from it and `params`, in its language; `detail` is the English one.' },
      params: { type: 'object', additionalProperties: { type: ['string', 'number'] }, description: 'The values the sentence of `code` names (a dossier code, a date, a count).' },
      errors: {
        type: 'array',
        items: closed(
          {
            in: { type: 'string', enum: ['body', 'query', 'path', 'header'] },
            path: { type: 'string', description: 'JSON pointer inside `in`.' },
            elementId: { type: ['string', 'null'], description: 'BPMN element at fault.' },
            rule: { type: 'string' },
            severity: { type: 'string' },
            message: { type: 'string' },
            code: { type: 'string', description: 'What is wrong with the field (a JSON Schema keyword such as `required`, `maxLength`, `pattern`, or a rule’s code).' },
            params: { type: 'object', additionalProperties: { type: ['string', 'number'] } },
          },
          ['message'],
        ),
      },
    },
    required: ['type', 'title', 'status', 'detail'],
    additionalProperties: false,
  },

  Health: {
    type: 'object',
    properties: {
      status: { type: 'string', enum: ['ok', 'degraded'] },
      database: { type: 'object', properties: { state: { type: 'string' }, detail: { type: 'string' } }, required: ['state'] },
      scheduler: { type: 'object', properties: { state: { type: 'string' }, detail: { type: 'string' } }, required: ['state'] },
    },
    required: ['status', 'database', 'scheduler'],
  },

  // ── keys ──
  Role: { type: 'string', enum: [...API_ROLES] },
  NewApiKey: closed(
    {
      name: text(200, 'Who or what uses the key, e.g. "CONGAN_XA residence software".'),
      role: ref('Role'),
      department: { ...DEPARTMENT_CODE, description: 'Required for the officer role (the one department it acts for); refused for the others.' },
    },
    ['name', 'role'],
  ),
  ApiKey: closed({
    id: UUID,
    name: { type: 'string' },
    role: ref('Role'),
    department: { type: ['string', 'null'] },
    tokenHint: { type: 'string', description: 'The last characters of the token.' },
    bootstrap: { type: 'boolean', description: 'The administrator key of ONESTOP_ADMIN_TOKEN (cannot be revoked here).' },
    createdAt: dateTime,
    createdBy: { type: ['string', 'null'] },
    revokedAt: nullableDateTime,
    revokedBy: { type: ['string', 'null'] },
    lastUsedAt: { ...nullableDateTime, description: 'When the key was last used (to the minute); null if never.' },
  }),
  CreatedApiKey: closed({
    id: UUID,
    token: { type: 'string', description: 'Shown once: only its hash is stored.' },
    name: { type: 'string' },
    role: ref('Role'),
    department: { type: ['string', 'null'] },
  }),
  ApiKeyList: list('ApiKey'),

  // ── departments and webhooks ──
  NewDepartment: closed({ code: DEPARTMENT_CODE, name: text(300), agency: text(300) }),
  Department: closed({
    code: { type: 'string' },
    name: { type: 'string' },
    agency: { type: 'string' },
    webhook: nullable(closed({ url: { type: 'string' }, updatedAt: dateTime })),
  }, ['code', 'name', 'agency']),
  DepartmentList: list('Department'),
  WebhookConfig: closed({
    url: { type: 'string', format: 'uri', pattern: '^https?://', maxLength: 2000 },
    secret: { type: 'string', minLength: 16, maxLength: 200, description: 'Key of the HMAC-SHA256 signature sent in X-Onestop-Signature.' },
  }),
  Webhook: closed({ department: { type: 'string' }, url: { type: 'string' }, createdAt: dateTime, updatedAt: dateTime }),
  WebhookDelivery: closed({
    id: { type: 'integer' },
    department: { type: 'string' },
    event: { type: 'string' },
    dossierCode: { type: 'string' },
    taskId: { type: ['string', 'null'] },
    status: { type: 'string', enum: ['pending', 'retrying', 'delivered', 'failed', 'cancelled'] },
    attempts: { type: 'integer' },
    url: { type: ['string', 'null'] },
    lastStatusCode: { type: ['integer', 'null'] },
    lastError: { type: ['string', 'null'] },
    createdAt: dateTime,
    lastAttemptAt: nullableDateTime,
    nextAttemptAt: nullableDateTime,
    deliveredAt: nullableDateTime,
  }),
  WebhookDeliveryPage: page('WebhookDelivery'),

  // ── procedures ──
  ProcedureSummary: closed({ code: { type: 'string' }, name: { type: 'string' }, latestVersion: { type: 'integer' }, updatedAt: dateTime }),
  ProcedureList: list('ProcedureSummary'),
  ProcedureVersion: closed({
    version: { type: 'integer' },
    name: { type: 'string' },
    sha256: { type: 'string' },
    deployedAt: dateTime,
    deployedBy: { type: ['string', 'null'], description: 'Who published it (or the file it was loaded from).' },
    effectiveAt: { ...dateTime, description: 'Dossiers received from this instant on get this version, until a later version takes effect.' },
    approvedBy: { type: ['string', 'null'], description: 'The second analyst who approved it, when approval is required.' },
    approvedAt: nullableDateTime,
    deadline: { type: ['string', 'null'], description: 'onestop:deadline of the process (ISO 8601 duration).' },
    clock: { type: 'string', enum: ['working', 'calendar'] },
    supplementPolicy: { type: 'string', enum: ['restart', 'extend'] },
    startForm: { type: ['object', 'null'], description: 'JSON Schema of the dossier data.' },
    steps: {
      type: 'array',
      items: closed({
        elementId: { type: 'string' },
        name: { type: 'string' },
        department: { type: 'string' },
        deadline: { type: ['string', 'null'] },
        clock: { type: 'string', enum: ['working', 'calendar'] },
        counted: { type: 'boolean' },
        form: { type: ['object', 'null'] },
      }),
    },
  }),
  Procedure: closed({
    code: { type: 'string' },
    name: { type: 'string' },
    latestVersion: { type: 'integer' },
    versionInForce: { type: ['integer', 'null'], description: 'The version a dossier received now gets; a later version may be published to take effect later.' },
    updatedAt: dateTime,
    versions: { type: 'array', items: ref('ProcedureVersion') },
  }),
  DeployResult: closed({
    code: { type: 'string' },
    version: { type: 'integer' },
    name: { type: 'string' },
    created: { type: 'boolean', description: 'false when this exact file was already deployed.' },
    effectiveAt: { ...dateTime, description: 'From this instant on, new dossiers get this version.' },
    warnings: { type: 'array', items: closed({ elementId: { type: ['string', 'null'] }, message: { type: 'string' }, rule: { type: 'string' }, severity: { type: 'string' } }, ['elementId', 'message']) },
  }),

  // ── dossiers ──
  DossierStatus: closed({
    name: { type: 'string', enum: STATUS_NAMES },
    code: { type: 'integer', minimum: 1, maximum: 10, description: 'Status code of the National Public Service Portal.' },
    label: { type: 'string' },
  }),
  Applicant: closed(
    {
      name: text(200),
      idNumber: { type: 'string', minLength: 1, maxLength: 20, description: 'Personal identification number (số định danh cá nhân).' },
      phone: { type: 'string', minLength: 1, maxLength: 20 },
      email: { type: 'string', format: 'email', maxLength: 200 },
    },
    ['name', 'idNumber'],
  ),
  NewDossier: closed(
    {
      procedureCode: PROCEDURE_CODE,
      applicant: ref('Applicant'),
      data: { type: 'object', description: "The procedure's start form (see GET /api/procedures/{code})." },
      channel: { type: 'string', enum: ['online', 'direct', 'post'] },
      receivingAgency: { type: 'string', pattern: AGENCY_IDENTIFIER_PATTERN, description: 'The receiving agency’s electronic identifier, which starts the dossier code; by default the receiving point’s (its agencyId) or the server’s RECEIVING_AGENCY.' },
      receivingPoint: { ...DEPARTMENT_CODE, description: 'The receiving point (department code) where the dossier was received: its agency identifier, when configured (departments.json agencyId), starts the dossier code.' },
      resolvingAgency: { type: 'string', pattern: AGENCY_IDENTIFIER_PATTERN, description: 'The agency that resolves it, for a procedure any receiving point may receive (onestop:anyReceivingPoint); the dossier code carries its identifier (Circular 04/2025 art. 23).' },
      check: { type: 'boolean', description: 'Filed online for the desk to check: the dossier starts in status 1 (new) until POST /api/dossiers/{code}/accept or /refuse.' },
      receivedAt: { ...dateTime, description: 'When a paper dossier was received, if entered later; never in the future. Deadlines count from it.' },
      papers: {
        type: 'array',
        maxItems: 100,
        description: 'Papers without a file: only shown at the desk (`shown`), or required papers missing with a note saying why (`excused`). A JSON-only submission must excuse every required paper of the procedure, else 422 names them; files come with multipart/form-data.',
        items: closed(
          {
            code: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$', description: 'Paper code, as the procedure lists it' },
            mark: { enum: ['shown', 'excused'] },
            note: { type: ['string', 'null'], maxLength: 2000 },
          },
          ['code', 'mark'],
        ),
      },
    },
    ['procedureCode', 'applicant', 'data', 'channel'],
  ),
  RoutedTask: closed({
    id: UUID,
    elementId: { type: 'string' },
    name: { type: 'string' },
    department: { type: 'string' },
    fromDepartment: { type: ['string', 'null'] },
    handedOverAt: dateTime,
    dueAt: nullableDateTime,
  }),
  SubmittedDossier: closed({
    code: { type: 'string' },
    procedureCode: { type: 'string' },
    version: { type: 'integer' },
    status: ref('DossierStatus'),
    statusCode: STATUS_CODE,
    receivedAt: dateTime,
    clockStartedAt: dateTime,
    dueAt: nullableDateTime,
    tasks: { type: 'array', items: ref('RoutedTask') },
    resultSecret: { type: 'string', description: 'Printed on the receipt: the citizen downloads the e-result with it (GET /api/public/dossiers/{code}/result?secret=). Shown once, stored hashed.' },
    documents: { type: 'array', items: { type: 'object' }, description: 'The papers received with the dossier (as POST /api/dossiers/{code}/documents answers)' },
  }),
  DossierSummary: closed({
    ...DOSSIER_SUMMARY_PROPERTIES,
    statusCode: STATUS_CODE,
    overdue: { type: 'boolean', description: 'Pending after its promised date.' },
  }),
  DossierPage: page('DossierSummary'),
  Apology: closed({
    reason: { type: 'string' },
    responsibleDepartment: { type: 'string' },
    previousDueAt: nullableDateTime,
    newDueAt: dateTime,
    issuedAt: dateTime,
    issuedBy: { type: 'string' },
  }),
  Supplement: closed({
    department: { type: ['string', 'null'] },
    reason: { type: 'string' },
    items: { type: 'array', items: { type: 'string' } },
    requestedAt: dateTime,
    requestedBy: { type: 'string' },
    receivedAt: nullableDateTime,
    receivedBy: { type: ['string', 'null'] },
    dueBefore: nullableDateTime,
    dueAfter: nullableDateTime,
  }),
  Dossier: closed({
    code: { type: 'string' },
    procedureCode: { type: 'string' },
    procedureName: { type: 'string' },
    procedureVersion: { type: 'integer' },
    status: ref('DossierStatus'),
    statusCode: STATUS_CODE,
    channel: { type: 'string' },
    receivingAgency: { type: 'string' },
    resolvingAgency: { type: ['string', 'null'], description: 'The agency that resolves it when not the receiving one (reception regardless of administrative boundary).' },
    applicant: { type: 'object' },
    data: { type: 'object' },
    submittedAt: dateTime,
    receivedAt: dateTime,
    clockStartedAt: dateTime,
    dueAt: nullableDateTime,
    originalDueAt: nullableDateTime,
    resolvedAt: nullableDateTime,
    returnedAt: nullableDateTime,
    refusedAt: nullableDateTime,
    withdrawnAt: nullableDateTime,
    stoppedAt: nullableDateTime,
    refusalReasons: { type: ['array', 'null'], items: { type: 'string' }, description: 'Why it was not received (status 3, Form 03).' },
    ruleSet: {
      oneOf: [closed({ id: { type: 'string' }, name: { type: 'string' } }), { type: 'null' }],
      description: 'The rules in force at reception (holidays, day swaps, cut-off, supplement and scoring rules with their effective dates) the dossier is pinned to; null before it was received.',
    },
    returnChannel: { type: ['string', 'null'], enum: ['in_person', 'post', null] },
    trackingNumber: { type: ['string', 'null'], description: 'Postal tracking number of a result returned by post.' },
    timeliness: { type: ['string', 'null'], enum: ['early', 'on_time', 'late', 'overdue', 'within_deadline', null], description: 'Against the promised date: final once resolved, provisional while pending.' },
    openTasks: { type: 'array', items: ref('Task') },
    waitingOn: ref('WaitingOn'),
    apology: nullable(ref('Apology')),
    supplements: { type: 'array', items: ref('Supplement') },
  }),
  HistoryEvent: closed({ id: { type: 'integer' }, type: { type: 'string' }, at: dateTime, actor: { type: ['string', 'null'] }, payload: { type: 'object' } }),
  History: closed({ dossierCode: { type: 'string' }, items: { type: 'array', items: ref('HistoryEvent') } }),
  ControlSlipRow: closed({
    step: { type: 'string' },
    elementId: { type: 'string' },
    taskId: { type: 'string' },
    fromDepartment: { type: ['string', 'null'] },
    toDepartment: { type: 'string' },
    handedOverAt: dateTime,
    dueAt: nullableDateTime,
    completedAt: nullableDateTime,
    completedBy: { type: ['string', 'null'] },
    timeliness: { type: ['string', 'null'], enum: ['early', 'on_time', 'late', null] },
  }),
  ControlSlip: closed({
    dossierCode: { type: 'string' },
    procedureName: { type: 'string' },
    applicantName: { type: ['string', 'null'] },
    receivedAt: dateTime,
    dueAt: nullableDateTime,
    departments: { type: 'array', items: { type: 'string' }, description: 'Every department that received a handover, in order.' },
    rows: { type: 'array', items: ref('ControlSlipRow') },
  }),

  // ── dossier lifecycle (desk, departments) ──
  SupplementRequest: closed({
    reason: text(2000),
    items: { type: 'array', minItems: 1, maxItems: 100, items: text(500), description: 'Every missing or wrong paper, listed once and in full.' },
  }),
  SupplementRequested: closed({ dossierCode: { type: 'string' }, status: ref('DossierStatus'), requestedAt: dateTime }),
  SupplementReceipt: closed({ data: { type: 'object', description: 'Corrected or added dossier data, checked against the start form.' } }, []),
  SupplementReceived: closed({ dossierCode: { type: 'string' }, status: ref('DossierStatus'), dueAt: nullableDateTime, openTasks: { type: 'array', items: ref('RoutedTask') } }),
  NewApology: closed({ reason: text(2000), responsibleDepartment: DEPARTMENT_CODE, newDueAt: dateTime }),
  ApologyRecorded: closed({
    dossierCode: { type: 'string' },
    previousDueAt: nullableDateTime,
    dueAt: dateTime,
    issuedInTime: { type: 'boolean', description: 'Issued at least one working day before the previous promised date, as the law asks.' },
  }),
  EmptyBody: closed({}, []),
  Withdrawal: closed({ reason: text(2000) }, []),
  ResultReturned: closed({
    dossierCode: { type: 'string' },
    status: ref('DossierStatus'),
    statusCode: STATUS_CODE,
    returnedAt: dateTime,
    channel: { type: 'string', enum: ['in_person', 'post'] },
    trackingNumber: { type: ['string', 'null'] },
  }),
  Withdrawn: closed({ dossierCode: { type: 'string' }, status: ref('DossierStatus') }),

  // ── tasks ──
  Task: closed(TASK_PROPERTIES),
  TaskPage: page('Task'),
  TaskDetail: closed({
    ...TASK_PROPERTIES,
    data: { type: ['object', 'null'], description: 'What the department entered when completing the step.' },
    dossier: closed({
      code: { type: 'string' },
      status: ref('DossierStatus'),
      applicant: { type: 'object' },
      data: { type: 'object' },
      receivedAt: dateTime,
      dueAt: nullableDateTime,
    }),
  }),
  TaskCompletion: closed({
    data: { type: 'object', description: "The step's form data." },
    documents: { type: 'array', maxItems: 50, items: { type: 'string', format: 'uuid' }, description: 'Ids of the papers uploaded for this step (POST /api/tasks/{id}/documents); they must cover the step’s onestop:resultDocuments.' },
  }, []),
  TaskCompleted: closed({
    dossierCode: { type: 'string' },
    status: ref('DossierStatus'),
    timeliness: TIMELINESS,
    openTasks: { type: 'array', items: ref('RoutedTask'), description: "The dossier's open tasks after this step." },
  }),

  // ── supervision ──
  Breach: closed({
    id: { type: 'integer' },
    dossierCode: { type: 'string' },
    procedureCode: { type: 'string' },
    taskId: { type: ['string', 'null'], description: "null: the dossier's promised date was missed." },
    elementId: { type: ['string', 'null'] },
    step: { type: ['string', 'null'] },
    department: { type: ['string', 'null'] },
    dueAt: dateTime,
    detectedAt: dateTime,
    closedAt: nullableDateTime,
  }),
  BreachPage: page('Breach'),
  Form06Row: closed({
    key: { type: 'string', description: 'Procedure code or department code; TOTAL for the total row.' },
    name: { type: 'string' },
    receivedTotal: { type: 'integer', description: 'carriedOver + receivedOnline + receivedDirect + receivedPost' },
    receivedOnline: { type: 'integer' },
    receivedDirect: { type: 'integer' },
    receivedPost: { type: 'integer' },
    carriedOver: { type: 'integer', description: 'Received before the period and still pending at its start.' },
    resolvedTotal: { type: 'integer' },
    resolvedEarly: { type: 'integer' },
    resolvedOnTime: { type: 'integer' },
    resolvedLate: { type: 'integer' },
    lateWithApology: { type: 'integer' },
    lateWithoutApology: { type: 'integer' },
    pendingTotal: { type: 'integer' },
    pendingWithinDeadline: { type: 'integer' },
    pendingOverdue: { type: 'integer' },
    withdrawn: { type: 'integer' },
    awaitingSupplement: { type: 'integer', description: 'Pending dossiers waiting for the citizen’s supplement.' },
    progressRatio: { type: ['number', 'null'], minimum: 0, maximum: 1, description: '(resolved early or on time + pending within deadline) ÷ (resolved + pending); null when both are 0.' },
  }),
  Form06Report: closed({
    groupBy: { type: 'string', enum: ['procedure', 'department'] },
    from: { type: 'string', format: 'date' },
    to: { type: 'string', format: 'date' },
    asOf: { ...dateTime, description: 'Pending counts are taken at the end of the period, or now if the period is not over.' },
    rows: { type: 'array', items: ref('Form06Row') },
    total: ref('Form06Row'),
  }),

  // ── public ──
  PublicDossier: closed({
    code: { type: 'string' },
    status: ref('DossierStatus'),
    procedureName: { type: 'string' },
    receivedAt: dateTime,
    dueAt: nullableDateTime,
    resolvedAt: nullableDateTime,
    returnedAt: nullableDateTime,
    eResultAvailable: { type: 'boolean', description: 'Whether an e-result exists (downloaded with the secret of the receipt)' },
    heldBy: {
      type: 'array',
      description: 'The departments holding the dossier now (several for parallel steps); the one-stop desk once the result is ready.',
      items: closed({ code: { type: 'string' }, name: { type: 'string' } }),
    },
    supplement: nullable(closed({
      requestedAt: dateTime,
      reason: { type: 'string' },
      items: { type: 'array', items: { type: 'string' }, description: 'The papers to bring' },
      bringTo: closed({ code: { type: 'string' }, name: { type: 'string' } }, ['code', 'name'], { description: 'Where to bring them: the one-stop desk' }),
    })),
    apology: nullable(closed({
      issuedAt: dateTime,
      reason: { type: 'string' },
      previousDueAt: nullableDateTime,
      newDueAt: dateTime,
    })),
  }),
};

export const DOSSIER_STATUS_NAME: JsonSchema = { type: 'string', enum: STATUS_NAMES };
