// The slice of the server API the designer uses. Every call carries the
// analyst's key as a bearer token; refusals arrive as RFC 9457 problem
// documents and are thrown as ApiError with the problem attached.

export interface Department {
  code: string;
  name: string;
  agency: string;
}

export interface ProcedureSummary {
  code: string;
  name: string;
  latestVersion: number;
  updatedAt: string | null;
}

export interface ProcedureVersion {
  version: number;
  name: string;
  deployedAt: string | null;
  deployedBy: string | null;
}

export interface ProcedureDetail {
  code: string;
  name: string;
  latestVersion: number;
  versions: ProcedureVersion[];
}

export interface ProblemItem {
  elementId?: string | null;
  message: string;
  rule?: string;
  severity?: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: ProblemItem[];
}

export interface DeployResult {
  code: string;
  version: number;
  name: string;
  created?: boolean;
  warnings?: ProblemItem[];
}

export class ApiError extends Error {
  constructor(readonly status: number, readonly problem: Problem | null, message: string) {
    super(message);
  }
}

export class ApiClient {
  constructor(private readonly token: () => string | null, private readonly base = '') {}

  /** Every request; the workspace's client (workspace/client.ts) extends it. */
  protected async call(path: string, init: RequestInit = {}, token = this.token()): Promise<Response> {
    const headers = new Headers(init.headers);
    if (token) headers.set('Authorization', `Bearer ${token}`);
    if (!headers.has('Accept')) headers.set('Accept', 'application/json, application/problem+json, application/xml;q=0.9');
    let res: Response;
    try {
      res = await fetch(`${this.base}${path}`, { ...init, headers });
    } catch (err) {
      throw new ApiError(0, null, `the server cannot be reached (${(err as Error).message})`);
    }
    if (res.ok) return res;
    let problem: Problem | null = null;
    const text = await res.text();
    try {
      problem = JSON.parse(text) as Problem;
    } catch {
      problem = null;
    }
    throw new ApiError(res.status, problem, problem?.detail ?? (text.trim() || `HTTP ${res.status}`));
  }

  /** Checks a key (any role may list departments) and returns the registry. */
  async departments(token?: string): Promise<Department[]> {
    const res = await this.call('/api/departments', {}, token ?? this.token());
    const body = (await res.json()) as { items: Department[] };
    return body.items.map(({ code, name, agency }) => ({ code, name, agency }));
  }

  async procedures(): Promise<ProcedureSummary[]> {
    const body = (await (await this.call('/api/procedures')).json()) as { items: ProcedureSummary[] };
    return body.items;
  }

  async procedure(code: string): Promise<ProcedureDetail> {
    return (await (await this.call(`/api/procedures/${encodeURIComponent(code)}`)).json()) as ProcedureDetail;
  }

  async bpmn(code: string, version: number): Promise<string> {
    const res = await this.call(`/api/procedures/${encodeURIComponent(code)}/versions/${version}/bpmn`, { headers: { Accept: 'application/xml' } });
    return res.text();
  }

  /** 201 (new version) or 200 (identical to a deployed version); 422 throws with `problem.errors`. */
  async deploy(xml: string): Promise<{ status: number; result: DeployResult }> {
    const res = await this.call('/api/procedures', {
      method: 'POST',
      headers: { 'Content-Type': 'application/xml; charset=utf-8' },
      body: xml,
    });
    return { status: res.status, result: (await res.json()) as DeployResult };
  }
}
