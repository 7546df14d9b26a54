// The one client of the server API for the designer and the workspace:
// openapi-fetch over the types generated from the API's OpenAPI document
// (./schema.ts, `npm run gen:api-types`), so a path, a query or a body the
// server does not accept fails the type check. Every call carries the key as
// a bearer token (and, for a department's shared key, the officer's name in
// X-Onestop-User, percent-encoded UTF-8); a refusal arrives as an RFC 9457
// problem document and is thrown as ApiError with the problem attached.

import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema.js';
import { pathsApiReportsForm06DossiersGetParametersQueryColumnValues } from './schema.js';
import { problemText } from '../i18n/problemText.js';

type Schemas = components['schemas'];

export type Role = Schemas['Role'];
export type Timeliness = NonNullable<Schemas['Task']['timeliness']>;
export type Urgency = Schemas['InboxTask']['urgency'];
export type JsonSchema = Record<string, unknown>;
export type Problem = Schemas['Problem'];
export type ProblemItem = NonNullable<Problem['errors']>[number];
export type Me = Schemas['Me'];
export type DossierStatus = Schemas['DossierStatus'];
export type Department = Schemas['Department'];
export type ProcedureSummary = Schemas['ProcedureSummary'];
export type Procedure = Schemas['Procedure'];
export type ProcedureVersion = Schemas['ProcedureVersion'];
export type DeployResult = Schemas['DeployResult'];
export type Task = Schemas['Task'];
export type InboxTask = Schemas['InboxTask'];
export type Inbox = Schemas['Inbox'];
export type TaskDetail = Schemas['TaskDetail'];
export type RoutedTask = Schemas['RoutedTask'];
export type NewDossier = Schemas['NewDossier'];
export type SubmittedDossier = Schemas['SubmittedDossier'];
export type Dossier = Schemas['Dossier'];
export type DossierSummary = Schemas['DossierSummary'];
export type HistoryEvent = Schemas['HistoryEvent'];
export type ControlSlip = Schemas['ControlSlip'];
export type DossierProgress = Schemas['DossierProgress'];
export type OpenBreaches = Schemas['OpenBreaches'];
export type AtRisk = Schemas['AtRiskDossiers'];
export type Form06Report = Schemas['Form06Report'];
export type ServiceIndex = Schemas['ServiceIndex'];
export type PortalSync = Schemas['PortalSync'];
export type IndexGroup = Schemas['ServiceIndex']['online'];
export type Form06Row = Schemas['Form06Row'];
export type Form06Member = Schemas['Form06Member'];
export type Form06Members = Schemas['Form06Members'];
export type StepHeat = Schemas['StepHeat'];
export type Heatmap = Schemas['ProcedureHeatmap'];
export type Person = Schemas['Person'];
export type PersonRole = Schemas['PersonRole'];
export type Membership = Schemas['Membership'];
export type SignedIn = Schemas['Session'];
export type ImportReport = Schemas['PeopleImportReport'];
export type ApiKey = Schemas['ApiKey'];
export type AuditEntry = Schemas['AuditEntry'];
export type Calendar = Schemas['Calendar'];

/** The 16 counted columns of form 06, in the printed form's order, as the API publishes them. */
export const FORM06_COLUMNS = pathsApiReportsForm06DossiersGetParametersQueryColumnValues;
export type Form06Column = (typeof FORM06_COLUMNS)[number];

/**
 * A refusal: `message` is the sentence for the reader, in the chosen language
 * (from the problem's code, ../i18n/problemText.ts); `detail` is the server's
 * English one.
 */
export class ApiError extends Error {
  readonly detail: string;
  constructor(readonly status: number, readonly problem: Problem | null, detail: string) {
    super(problemText({ status, problem, message: detail }));
    this.detail = detail;
  }
}

type Query = Record<string, string | number | boolean | null | undefined>;
/** `{ a: 1, b: undefined, c: '' }` → `{ a: 1 }`. */
const present = <T extends Query>(params: T): T =>
  Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '')) as T;

/** What openapi-fetch answers, made into a value or an ApiError. */
async function answer<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch (err) {
    throw new ApiError(0, null, `the server cannot be reached (${(err as Error).message})`);
  }
  const { data, error, response } = result;
  if (response.ok) return data as T;
  const problem = typeof error === 'object' && error !== null ? (error as Problem) : null;
  const text = typeof error === 'string' ? error.trim() : '';
  throw new ApiError(response.status, problem, problem?.detail ?? (text || `HTTP ${response.status}`));
}

export class OnestopApi {
  private readonly http = createClient<paths>({ baseUrl: globalThis.location?.origin ?? '' });

  /**
   * `token`: the key in use; `user`: the officer's own name for a department's shared key;
   * `csrf`: the CSRF token of a personal session (its cookie goes by itself), sent with every change.
   */
  constructor(private readonly token: () => string | null, private readonly user: () => string | null = () => null, private readonly csrf: () => string | null = () => null) {
    const credentials: Middleware = {
      onRequest: ({ request }) => {
        const csrf = this.csrf();
        if (csrf && !['GET', 'HEAD'].includes(request.method) && !request.headers.has('X-CSRF-Token')) request.headers.set('X-CSRF-Token', csrf);
        const token = this.token();
        if (token && !request.headers.has('Authorization')) request.headers.set('Authorization', `Bearer ${token}`);
        const user = this.user();
        if (user && !request.headers.has('X-Onestop-User')) request.headers.set('X-Onestop-User', encodeURIComponent(user));
        if (!request.headers.has('Accept')) request.headers.set('Accept', 'application/json, application/problem+json');
        return request;
      },
    };
    this.http.use(credentials);
  }

  /** Checks a key (with the given token) and says whose it is. */
  me(token?: string): Promise<Me> {
    return answer(this.http.GET('/api/me', token ? { headers: { Authorization: `Bearer ${token}` } } : {}));
  }

  /** The department registry (any role may list it: the designer checks a key with it). */
  async departments(token?: string): Promise<Department[]> {
    const list = await answer(this.http.GET('/api/departments', token ? { headers: { Authorization: `Bearer ${token}` } } : {}));
    return list.items;
  }

  async procedures(): Promise<ProcedureSummary[]> {
    return (await answer(this.http.GET('/api/procedures'))).items;
  }

  procedure(code: string): Promise<Procedure> {
    return answer(this.http.GET('/api/procedures/{code}', { params: { path: { code } } }));
  }

  heatmap(code: string, version: number): Promise<Heatmap> {
    return answer(this.http.GET('/api/procedures/{code}/versions/{version}/heatmap', { params: { path: { code, version } } }));
  }

  /** A version's BPMN file. */
  bpmn(code: string, version: number): Promise<string> {
    return answer(this.http.GET('/api/procedures/{code}/versions/{version}/bpmn', {
      params: { path: { code, version } }, headers: { Accept: 'application/xml' }, parseAs: 'text',
    })) as Promise<string>;
  }

  private readonly xml = new Map<string, Promise<string>>();
  /** A version's BPMN file, kept for the tab's life (versions never change). */
  bpmnXml(code: string, version: number): Promise<string> {
    const key = `${code}@${version}`;
    let file = this.xml.get(key);
    if (!file) {
      file = this.bpmn(code, version);
      this.xml.set(key, file);
      file.catch(() => this.xml.delete(key));
    }
    return file;
  }

  /** 201 (new version) or 200 (identical to a deployed version); 422 throws with `problem.errors`. */
  async deploy(xml: string): Promise<{ status: number; result: DeployResult }> {
    let status = 0;
    const result = await answer(this.http.POST('/api/procedures', {
      body: xml as never,
      bodySerializer: (body: unknown) => body as string,
      headers: { 'Content-Type': 'application/xml; charset=utf-8' },
    }).then((r) => {
      status = r.response.status;
      return r;
    }));
    return { status, result: result as DeployResult };
  }

  inbox(params: { department?: string } = {}): Promise<Inbox> {
    return answer(this.http.GET('/api/inbox', { params: { query: present({ ...params, limit: 500 }) } }));
  }

  task(id: string): Promise<TaskDetail> {
    return answer(this.http.GET('/api/tasks/{id}', { params: { path: { id } } }));
  }

  claim(id: string): Promise<Task> {
    return answer(this.http.POST('/api/tasks/{id}/claim', { params: { path: { id } } }));
  }

  unclaim(id: string): Promise<Task> {
    return answer(this.http.POST('/api/tasks/{id}/unclaim', { params: { path: { id } } }));
  }

  /** `documents`: the ids of the papers uploaded for the step (its onestop:resultDocuments). */
  complete(id: string, data: Record<string, unknown>, documents?: string[]): Promise<Schemas['TaskCompleted']> {
    return answer(this.http.POST('/api/tasks/{id}/complete', { params: { path: { id } }, body: { data, ...(documents?.length ? { documents } : {}) } }));
  }

  dossier(code: string): Promise<Dossier> {
    return answer(this.http.GET('/api/dossiers/{code}', { params: { path: { code } } }));
  }

  history(code: string): Promise<Schemas['History']> {
    return answer(this.http.GET('/api/dossiers/{code}/history', { params: { path: { code } } }));
  }

  controlSlip(code: string): Promise<ControlSlip> {
    return answer(this.http.GET('/api/dossiers/{code}/control-slip', { params: { path: { code } } }));
  }

  /** A form of Circular 03/2025 (01..06) printed by the server as PDF. */
  async dossierForm(code: string, form: '01' | '02' | '03' | '04' | '05' | '06'): Promise<Blob> {
    const blob = await answer(this.http.GET('/api/dossiers/{code}/forms/{form}', { params: { path: { code, form } }, parseAs: 'blob' }));
    return blob as unknown as Blob;
  }

  progress(code: string): Promise<DossierProgress> {
    return answer(this.http.GET('/api/dossiers/{code}/progress', { params: { path: { code } } }));
  }

  dossiers(params: NonNullable<paths['/api/dossiers']['get']['parameters']['query']>): Promise<Schemas['DossierPage']> {
    return answer(this.http.GET('/api/dossiers', { params: { query: present(params) } }));
  }

  submit(body: NewDossier): Promise<SubmittedDossier> {
    return answer(this.http.POST('/api/dossiers', { body }));
  }

  requestSupplement(code: string, reason: string, items: string[]): Promise<Schemas['SupplementRequested']> {
    return answer(this.http.POST('/api/dossiers/{code}/supplement-request', { params: { path: { code } }, body: { reason, items } }));
  }

  recordSupplement(code: string, data?: Record<string, unknown>): Promise<Schemas['SupplementReceived']> {
    return answer(this.http.POST('/api/dossiers/{code}/supplement', { params: { path: { code } }, body: data && Object.keys(data).length ? { data } : {} }));
  }

  apology(code: string, body: Schemas['NewApology']): Promise<Schemas['ApologyRecorded']> {
    return answer(this.http.POST('/api/dossiers/{code}/apology', { params: { path: { code } }, body }));
  }

  returnResult(code: string): Promise<Schemas['ResultReturned']> {
    return answer(this.http.POST('/api/dossiers/{code}/return', { params: { path: { code } } }));
  }

  openBreaches(params: NonNullable<paths['/api/supervision/open-breaches']['get']['parameters']['query']> = {}): Promise<OpenBreaches> {
    return answer(this.http.GET('/api/supervision/open-breaches', { params: { query: present(params) } }));
  }

  atRisk(): Promise<AtRisk> {
    return answer(this.http.GET('/api/supervision/at-risk'));
  }

  form06(params: NonNullable<paths['/api/reports/form06']['get']['parameters']['query']>): Promise<Form06Report> {
    return answer(this.http.GET('/api/reports/form06', { params: { query: present(params) } })) as Promise<Form06Report>;
  }

  form06Members(params: paths['/api/reports/form06/dossiers']['get']['parameters']['query']): Promise<Form06Members> {
    return answer(this.http.GET('/api/reports/form06/dossiers', { params: { query: present(params) } }));
  }

  /** The report as CSV, byte for byte (UTF-8 with its BOM, for spreadsheets), with the file name the server gives. */
  async form06Csv(params: NonNullable<paths['/api/reports/form06']['get']['parameters']['query']>): Promise<{ blob: Blob; disposition: string | null }> {
    let disposition: string | null = null;
    const blob = await answer(this.http.GET('/api/reports/form06', { params: { query: present(params) }, headers: { Accept: 'text/csv' }, parseAs: 'blob' }).then((r) => {
      disposition = r.response.headers.get('Content-Disposition');
      return r;
    }));
    return { blob: blob as unknown as Blob, disposition };
  }

  /** The Decision 766 index groups for a period, each with its formula and the dossiers behind it. */
  serviceIndex(params: NonNullable<paths['/api/reports/service-index']['get']['parameters']['query']>): Promise<ServiceIndex> {
    return answer(this.http.GET('/api/reports/service-index', { params: { query: present(params) } }));
  }

  /** Biểu II.06a as a workbook, with the file name the server gives. */
  async ii06aXlsx(params: NonNullable<paths['/api/reports/ii06a']['get']['parameters']['query']>): Promise<{ blob: Blob; disposition: string | null }> {
    let disposition: string | null = null;
    const blob = await answer(this.http.GET('/api/reports/ii06a', { params: { query: present(params) }, headers: { Accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }, parseAs: 'blob' }).then((r) => {
      disposition = r.response.headers.get('Content-Disposition');
      return r;
    }));
    return { blob: blob as unknown as Blob, disposition };
  }

  // ---------------------------------------------------------------- dossier lifecycle (issue 14)

  /** Whether the national portal heard of every status change of the dossier, and why not. */
  portalSync(code: string): Promise<PortalSync> {
    return answer(this.http.GET('/api/dossiers/{code}/portal-sync', { params: { path: { code } } }));
  }

  acceptDossier(code: string) {
    return answer(this.http.POST('/api/dossiers/{code}/accept', { params: { path: { code } } }));
  }

  refuseDossier(code: string, reasons: string[]) {
    return answer(this.http.POST('/api/dossiers/{code}/refuse', { params: { path: { code } }, body: { reasons } }));
  }

  /** The citizen takes the dossier back (open steps are cancelled). */
  withdrawDossier(code: string, reason?: string) {
    return answer(this.http.POST('/api/dossiers/{code}/withdraw', { params: { path: { code } }, body: reason ? { reason } : {} }));
  }

  stopDossier(code: string, reason: string) {
    return answer(this.http.POST('/api/dossiers/{code}/stop', { params: { path: { code } }, body: { reason } }));
  }

  payFees(code: string, body: { amount: number; paidAt: string; online: boolean }) {
    return answer(this.http.POST('/api/dossiers/{code}/fees', { params: { path: { code } }, body }));
  }

  // ---------------------------------------------------------------- personal sign-in (issue 13)

  signInWithPassword(username: string, password: string): Promise<SignedIn> {
    return answer(this.http.POST('/api/session', { body: { username, password } }));
  }

  async signOutSession(everywhere = false): Promise<void> {
    await answer(this.http.DELETE('/api/session', { params: { query: { everywhere } } }));
  }

  async changePassword(currentPassword: string, newPassword: string): Promise<void> {
    await answer(this.http.POST('/api/session/password', { body: { currentPassword, newPassword } }));
  }

  ssoSettings(): Promise<Schemas['SsoSettings']> {
    return answer(this.http.GET('/api/session/sso'));
  }

  // ---------------------------------------------------------------- administration

  people(query: NonNullable<paths['/api/people']['get']['parameters']['query']> = {}): Promise<Schemas['PersonPage']> {
    return answer(this.http.GET('/api/people', { params: { query: present(query) } }));
  }

  createPerson(body: Schemas['NewPerson']): Promise<Person> {
    return answer(this.http.POST('/api/people', { body }));
  }

  updatePerson(id: string, body: Schemas['PersonChange']): Promise<Person> {
    return answer(this.http.PATCH('/api/people/{id}', { params: { path: { id } }, body }));
  }

  importPeople(csv: string, dryRun: boolean): Promise<ImportReport> {
    return answer(this.http.POST('/api/people/import', { params: { query: { dryRun } }, body: { csv } }));
  }

  async keys(includeRevoked = false): Promise<ApiKey[]> {
    return (await answer(this.http.GET('/api/keys', { params: { query: { includeRevoked } } }))).items;
  }

  createKey(body: Schemas['NewApiKey']): Promise<Schemas['CreatedApiKey']> {
    return answer(this.http.POST('/api/keys', { body }));
  }

  async revokeKey(id: string): Promise<void> {
    await answer(this.http.DELETE('/api/keys/{id}', { params: { path: { id } } }));
  }

  saveDepartment(body: Schemas['NewDepartment']): Promise<unknown> {
    return answer(this.http.POST('/api/departments', { body }));
  }

  setWebhook(code: string, body: Schemas['WebhookConfig']): Promise<unknown> {
    return answer(this.http.PUT('/api/departments/{code}/webhook', { params: { path: { code } }, body }));
  }

  async removeWebhook(code: string): Promise<void> {
    await answer(this.http.DELETE('/api/departments/{code}/webhook', { params: { path: { code } } }));
  }

  async calendars(): Promise<Calendar[]> {
    return (await answer(this.http.GET('/api/calendars'))).items;
  }

  setDaySwap(id: string, date: string, body: NonNullable<paths['/api/calendars/{id}/day-swaps/{date}']['put']['requestBody']>['content']['application/json']): Promise<unknown> {
    return answer(this.http.PUT('/api/calendars/{id}/day-swaps/{date}', { params: { path: { id, date } }, body }));
  }

  async removeDaySwap(id: string, date: string): Promise<void> {
    await answer(this.http.DELETE('/api/calendars/{id}/day-swaps/{date}', { params: { path: { id, date } } }));
  }

  tasks(query: NonNullable<paths['/api/tasks']['get']['parameters']['query']> = {}): Promise<Schemas['TaskPage']> {
    return answer(this.http.GET('/api/tasks', { params: { query: present(query) } }));
  }

  /** A lead hands a step of the department to a colleague. */
  assignTask(id: string, username: string): Promise<Task> {
    return answer(this.http.POST('/api/tasks/{id}/assign', { params: { path: { id } }, body: { username } }));
  }

  audit(query: NonNullable<paths['/api/audit']['get']['parameters']['query']> = {}): Promise<Schemas['AuditPage']> {
    return answer(this.http.GET('/api/audit', { params: { query: present(query) } }));
  }

  // ── procedure drafts, publication, approval, diff ──

  drafts(procedureCode?: string): Promise<Schemas['DraftList']> {
    return answer(this.http.GET('/api/procedure-drafts', { params: { query: present({ procedureCode }) } }));
  }

  draft(id: string): Promise<Schemas['Draft']> {
    return answer(this.http.GET('/api/procedure-drafts/{id}', { params: { path: { id } } }));
  }

  draftXml(id: string): Promise<string> {
    return answer(this.http.GET('/api/procedure-drafts/{id}/bpmn', {
      params: { path: { id } }, headers: { Accept: 'application/xml' }, parseAs: 'text',
    })) as Promise<string>;
  }

  /** Saves a new draft (`id` absent) or a new content of a draft; a file that does not parse is saved too. */
  saveDraft(xml: string, id: string | null, basedOnVersion?: number): Promise<Schemas['Draft']> {
    const xmlBody = { body: xml as never, bodySerializer: (body: unknown) => body as string, headers: { 'Content-Type': 'application/xml; charset=utf-8' } };
    const query = present({ basedOnVersion });
    return id
      ? answer(this.http.PUT('/api/procedure-drafts/{id}', { params: { path: { id }, query }, ...xmlBody }))
      : answer(this.http.POST('/api/procedure-drafts', { params: { query }, ...xmlBody }));
  }

  /** 201: published; 202: awaiting a second analyst; 422 throws with `problem.errors`. */
  async publishDraft(id: string, effectiveAt: string | null): Promise<{ status: number; result: Schemas['PublishResult'] }> {
    let status = 0;
    const result = await answer(this.http.POST('/api/procedure-drafts/{id}/publish', { params: { path: { id } }, body: effectiveAt ? { effectiveAt } : {} }).then((r) => {
      status = r.response.status;
      return r;
    }));
    return { status, result: result as Schemas['PublishResult'] };
  }

  approveDraft(id: string): Promise<Schemas['PublishResult']> {
    return answer(this.http.POST('/api/procedure-drafts/{id}/approve', { params: { path: { id } } }));
  }

  versionDiff(code: string, from: number, to: number): Promise<Schemas['VersionDiff']> {
    return answer(this.http.GET('/api/procedures/{code}/diff', { params: { path: { code }, query: { from, to } } }));
  }

  /** The citizen's lookup by dossier code (no sign-in, nothing personal). */
  publicDossier(code: string): Promise<Schemas['PublicDossier']> {
    return answer(this.http.GET('/api/public/dossiers/{code}', { params: { path: { code } } }));
  }

  /** The e-result's papers, given with the secret printed on the receipt. */
  publicResult(code: string, secret: string): Promise<paths['/api/public/dossiers/{code}/result']['get']['responses'][200]['content']['application/json']> {
    return answer(this.http.GET('/api/public/dossiers/{code}/result', { params: { path: { code }, query: { secret } } }));
  }

  noticeTemplates(): Promise<Schemas['NoticeTemplateList']> {
    return answer(this.http.GET('/api/notices/templates'));
  }

  saveNoticeTemplate(kind: Schemas['NoticeTemplate']['kind'], body: Schemas['NoticeTemplateInput']): Promise<Schemas['NoticeTemplate']> {
    return answer(this.http.PUT('/api/notices/templates/{kind}', { params: { path: { kind } }, body }));
  }

  resetNoticeTemplate(kind: Schemas['NoticeTemplate']['kind']): Promise<Schemas['NoticeTemplate']> {
    return answer(this.http.DELETE('/api/notices/templates/{kind}', { params: { path: { kind } } }));
  }

  noticeDeliveries(query: NonNullable<paths['/api/notices/deliveries']['get']['parameters']['query']> = {}): Promise<Schemas['NoticeDeliveryPage']> {
    return answer(this.http.GET('/api/notices/deliveries', { params: { query: present(query) } }));
  }
}
