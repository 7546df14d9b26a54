// The workspace's slice of the API, on the designer's client (../api.ts):
// the same bearer key, the same problem handling. Shared department keys may
// name the officer with X-Onestop-User (percent-encoded UTF-8).

import { ApiClient, ApiError } from '../api.js';

export { ApiError };

export type Role = 'admin' | 'analyst' | 'desk' | 'officer' | 'supervisor';
export type Timeliness = 'early' | 'on_time' | 'late';
export type Urgency = 'late' | 'due_today' | 'on_track' | 'paused' | 'no_deadline';
export type JsonSchema = Record<string, unknown>;

export interface Me { id: string; name: string; role: Role; department: string | null; departmentName: string | null; actor: string }
export interface DossierStatus { name: string; code: number; label: string }
export interface Page<T> { items: T[]; total: number; limit: number; offset: number }

export interface Task {
  id: string; dossierCode: string; procedureCode: string; elementId: string; name: string; department: string;
  fromDepartment: string | null; status: 'open' | 'claimed' | 'completed' | 'cancelled'; assignee: string | null;
  createdAt: string; dueAt: string | null; completedAt: string | null; completedBy: string | null; timeliness: Timeliness | null; form: JsonSchema | null;
}
export interface InboxTask extends Task {
  procedureName: string; applicantName: string | null; dossierStatus: DossierStatus; workingMsLeft: number | null; urgency: Urgency; breached: boolean;
}
export interface Inbox extends Page<InboxTask> { asOf: string; department: string | null; counts: { late: number; dueToday: number; onTrack: number; other: number } }
export interface TaskDetail extends Task {
  data: Record<string, unknown> | null;
  dossier: { code: string; status: DossierStatus; applicant: Record<string, unknown>; data: Record<string, unknown>; receivedAt: string; dueAt: string | null };
}

export interface Department { code: string; name: string; agency: string }
export interface ProcedureSummary { code: string; name: string; latestVersion: number; updatedAt: string }
export interface ProcedureStep { elementId: string; name: string; department: string; deadline: string | null; clock: 'working' | 'calendar'; counted: boolean; form: JsonSchema | null }
export interface ProcedureVersion { version: number; name: string; deadline: string | null; clock: string; supplementPolicy: string; startForm: JsonSchema | null; steps: ProcedureStep[]; deployedAt: string }
export interface Procedure { code: string; name: string; latestVersion: number; versions: ProcedureVersion[] }

export interface RoutedTask { id: string; elementId: string; name: string; department: string; fromDepartment: string | null; handedOverAt: string; dueAt: string | null }
export interface SubmittedDossier { code: string; procedureCode: string; version: number; status: DossierStatus; receivedAt: string; clockStartedAt: string; dueAt: string | null; tasks: RoutedTask[] }
export interface NewDossier {
  procedureCode: string;
  applicant: { name: string; idNumber: string; phone?: string; email?: string };
  data: Record<string, unknown>;
  channel: 'online' | 'direct' | 'post';
}

export interface Apology { reason: string; responsibleDepartment: string; previousDueAt: string | null; newDueAt: string; issuedAt: string; issuedBy: string }
export interface Supplement { department: string | null; reason: string; items: string[]; requestedAt: string; requestedBy: string; receivedAt: string | null; receivedBy: string | null; dueBefore: string | null; dueAfter: string | null }
export interface Dossier {
  code: string; procedureCode: string; procedureName: string; procedureVersion: number; status: DossierStatus; channel: string; receivingAgency: string;
  applicant: Record<string, unknown>; data: Record<string, unknown>; submittedAt: string; receivedAt: string; clockStartedAt: string;
  dueAt: string | null; originalDueAt: string | null; resolvedAt: string | null; returnedAt: string | null; refusedAt: string | null; withdrawnAt: string | null;
  timeliness: 'early' | 'on_time' | 'late' | 'overdue' | 'within_deadline' | null; openTasks: Task[]; apology: Apology | null; supplements: Supplement[];
}
export interface DossierSummary {
  code: string; procedureCode: string; procedureName: string; status: DossierStatus; channel: string; applicantName: string | null;
  receivedAt: string; dueAt: string | null; resolvedAt: string | null; returnedAt: string | null; overdue?: boolean;
}
export interface HistoryEvent { id: number; type: string; at: string; actor: string | null; payload: Record<string, unknown> }
export interface ControlSlipRow {
  step: string; elementId: string; taskId: string; fromDepartment: string | null; toDepartment: string; handedOverAt: string; dueAt: string | null;
  completedAt: string | null; completedBy: string | null; timeliness: Timeliness | null;
}
export interface ControlSlip { dossierCode: string; procedureName: string; applicantName: string | null; receivedAt: string; dueAt: string | null; departments: string[]; rows: ControlSlipRow[] }
export interface StepState {
  elementId: string; name: string; department: string; state: 'current' | 'done' | 'cancelled'; late: boolean; timeliness: Timeliness | null;
  handedOverAt: string; dueAt: string | null; completedAt: string | null; workingMsLeft: number | null; times: number;
}
export interface DossierProgress { dossierCode: string; procedureCode: string; version: number; asOf: string; status: DossierStatus; dueAt: string | null; workingMsLeft: number | null; elements: StepState[] }

export interface OpenBreachGroup { department: string | null; departmentName: string | null; procedureCode: string; procedureName: string; count: number; dossiers: number; oldestDueAt: string; overdueWorkingMs: number | null }
export interface OpenBreach {
  id: number; dossierCode: string; procedureCode: string; procedureName: string; taskId: string | null; elementId: string | null; step: string | null;
  department: string | null; departmentName: string | null; dueAt: string; detectedAt: string; overdueWorkingMs: number | null;
}
export interface OpenBreaches { asOf: string; total: number; groups: OpenBreachGroup[]; items: OpenBreach[] }
export interface AtRiskDossier {
  code: string; procedureCode: string; procedureName: string; applicantName: string | null; status: DossierStatus; receivedAt: string; dueAt: string;
  workingMsLeft: number | null; heldBy: Array<{ code: string; name: string }>;
}
export interface AtRisk { asOf: string; horizonWorkingMs: number; items: AtRiskDossier[] }

export const FORM06_COLUMNS = [
  'receivedTotal', 'receivedOnline', 'receivedDirect', 'receivedPost', 'carriedOver',
  'resolvedTotal', 'resolvedEarly', 'resolvedOnTime', 'resolvedLate', 'lateWithApology', 'lateWithoutApology',
  'pendingTotal', 'pendingWithinDeadline', 'pendingOverdue', 'withdrawn', 'awaitingSupplement',
] as const;
export type Form06Column = (typeof FORM06_COLUMNS)[number];
export type Form06Row = { key: string; name: string; progressRatio: number | null } & Record<Form06Column, number>;
export interface Form06Report { groupBy: 'procedure' | 'department'; from: string; to: string; asOf: string; rows: Form06Row[]; total: Form06Row }
export interface Form06Member extends DossierSummary {
  step: null | { taskId: string; elementId: string; name: string; department: string; dueAt: string | null; completedAt: string | null; timeliness: Timeliness | null };
}
export interface Form06Members extends Page<Form06Member> { groupBy: string; key: string | null; column: string; from: string; to: string; asOf: string }

export interface StepHeat {
  elementId: string; name: string; department: string; departmentName: string | null; clock: 'working' | 'calendar'; deadline: string | null;
  openTasks: number; lateOpenTasks: number; completedTasks: number; lateCompletedTasks: number; medianWorkingMs: number | null; medianElapsedMs: number | null;
  breaches: number; openBreaches: number;
}
export interface Heatmap { code: string; version: number; name: string; asOf: string; dossiers: number; steps: StepHeat[] }

/** `{ a: 1, b: undefined }` → `?a=1`. */
export function query(params: Record<string, string | number | boolean | null | undefined>): string {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '');
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}` : '';
}

const enc = encodeURIComponent;

export class WorkspaceApi extends ApiClient {
  constructor(token: () => string | null, private readonly user: () => string | null) {
    super(token);
  }

  protected override async call(path: string, init: RequestInit = {}, token?: string | null): Promise<Response> {
    const headers = new Headers(init.headers);
    const user = this.user();
    if (user && !headers.has('X-Onestop-User')) headers.set('X-Onestop-User', encodeURIComponent(user));
    return token === undefined ? super.call(path, { ...init, headers }) : super.call(path, { ...init, headers }, token);
  }

  private async json<T>(path: string, init: RequestInit = {}, token?: string | null): Promise<T> {
    const res = await this.call(path, init, token);
    return (await res.json()) as T;
  }

  private send<T>(method: string, path: string, body?: unknown): Promise<T> {
    return this.json<T>(path, body === undefined ? { method } : { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  }

  /** Checks a key (with the given token) and says whose it is. */
  me(token?: string): Promise<Me> {
    return this.json<Me>('/api/me', {}, token);
  }

  departmentList(): Promise<{ items: Department[] }> { return this.json('/api/departments'); }
  procedureList(): Promise<{ items: ProcedureSummary[] }> { return this.json('/api/procedures'); }
  procedureDetail(code: string): Promise<Procedure> { return this.json(`/api/procedures/${enc(code)}`); }
  heatmap(code: string, version: number): Promise<Heatmap> { return this.json(`/api/procedures/${enc(code)}/versions/${version}/heatmap`); }

  inbox(params: { department?: string } = {}): Promise<Inbox> { return this.json(`/api/inbox${query({ ...params, limit: 500 })}`); }
  task(id: string): Promise<TaskDetail> { return this.json(`/api/tasks/${enc(id)}`); }
  claim(id: string): Promise<Task> { return this.send('POST', `/api/tasks/${enc(id)}/claim`); }
  unclaim(id: string): Promise<Task> { return this.send('POST', `/api/tasks/${enc(id)}/unclaim`); }
  complete(id: string, data: Record<string, unknown>): Promise<{ dossierCode: string; status: DossierStatus; timeliness: Timeliness; openTasks: RoutedTask[] }> {
    return this.send('POST', `/api/tasks/${enc(id)}/complete`, { data });
  }

  dossier(code: string): Promise<Dossier> { return this.json(`/api/dossiers/${enc(code)}`); }
  history(code: string): Promise<{ items: HistoryEvent[] }> { return this.json(`/api/dossiers/${enc(code)}/history`); }
  controlSlip(code: string): Promise<ControlSlip> { return this.json(`/api/dossiers/${enc(code)}/control-slip`); }
  progress(code: string): Promise<DossierProgress> { return this.json(`/api/dossiers/${enc(code)}/progress`); }
  dossiers(params: Record<string, string | number | boolean | undefined>): Promise<Page<DossierSummary>> { return this.json(`/api/dossiers${query(params)}`); }
  submit(body: NewDossier): Promise<SubmittedDossier> { return this.send('POST', '/api/dossiers', body); }
  requestSupplement(code: string, reason: string, items: string[]): Promise<unknown> { return this.send('POST', `/api/dossiers/${enc(code)}/supplement-request`, { reason, items }); }
  recordSupplement(code: string, data?: Record<string, unknown>): Promise<{ dueAt: string | null }> {
    return this.send('POST', `/api/dossiers/${enc(code)}/supplement`, data && Object.keys(data).length ? { data } : {});
  }
  apology(code: string, body: { reason: string; responsibleDepartment: string; newDueAt: string }): Promise<{ dueAt: string; issuedInTime: boolean }> {
    return this.send('POST', `/api/dossiers/${enc(code)}/apology`, body);
  }
  returnResult(code: string): Promise<unknown> { return this.send('POST', `/api/dossiers/${enc(code)}/return`); }

  openBreaches(params: { department?: string; procedureCode?: string; dossierLevel?: boolean } = {}): Promise<OpenBreaches> {
    return this.json(`/api/supervision/open-breaches${query(params)}`);
  }
  atRisk(): Promise<AtRisk> { return this.json('/api/supervision/at-risk'); }
  form06(params: { from?: string; to?: string; groupBy: 'procedure' | 'department' }): Promise<Form06Report> { return this.json(`/api/reports/form06${query(params)}`); }
  form06Members(params: { groupBy: string; key?: string; column: string; from?: string; to?: string; limit?: number; offset?: number }): Promise<Form06Members> {
    return this.json(`/api/reports/form06/dossiers${query(params)}`);
  }
  /** The report as CSV, byte for byte (UTF-8 with its BOM, for spreadsheets), with the file name the server gives. */
  async form06Csv(params: { from?: string; to?: string; groupBy: 'procedure' | 'department' }): Promise<{ blob: Blob; disposition: string | null }> {
    const res = await this.call(`/api/reports/form06${query(params)}`, { headers: { Accept: 'text/csv' } });
    return { blob: await res.blob(), disposition: res.headers.get('Content-Disposition') };
  }
  private readonly xml = new Map<string, Promise<string>>();
  /** A version's BPMN file (versions never change: kept for the tab's life). */
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
}
