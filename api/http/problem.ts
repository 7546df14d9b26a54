import type { ErrorRequestHandler, Response } from 'express';
import {
  ConflictError,
  DeploymentError,
  DomainError,
  ForbiddenError,
  NotFoundError,
  ProcessError,
  ValidationError,
  type ProblemCode,
  type ProblemParams,
} from '../../engine/index.js';
import { classifyDatabaseError } from '../../engine/index.js';

// Every refusal is an RFC 9457 problem document, so a department's software can
// show `detail` to its user as is and act on `type` without parsing prose.

export const PROBLEM_TYPES = {
  badRequest: 'urn:onestop:problem:bad-request',
  unauthorized: 'urn:onestop:problem:unauthorized',
  forbidden: 'urn:onestop:problem:forbidden',
  notFound: 'urn:onestop:problem:not-found',
  methodNotAllowed: 'urn:onestop:problem:method-not-allowed',
  conflict: 'urn:onestop:problem:conflict',
  tooLarge: 'urn:onestop:problem:body-too-large',
  unsupportedMediaType: 'urn:onestop:problem:unsupported-media-type',
  invalidData: 'urn:onestop:problem:invalid-data',
  invalidBpmn: 'urn:onestop:problem:invalid-bpmn',
  processError: 'urn:onestop:problem:process-error',
  notImplemented: 'urn:onestop:problem:not-implemented',
  serviceUnavailable: 'urn:onestop:problem:service-unavailable',
  insufficientStorage: 'urn:onestop:problem:insufficient-storage',
  tooManyRequests: 'urn:onestop:problem:too-many-requests',
  internal: 'urn:onestop:problem:internal-error',
} as const;

export interface ProblemError {
  /** For request or form validation: where, as a JSON pointer inside `in`. */
  path?: string;
  in?: 'body' | 'query' | 'path' | 'header';
  /** For BPMN problems: the element concerned (null for the whole file). */
  elementId?: string | null;
  rule?: string;
  severity?: string;
  message: string;
  /** What is wrong with the field, for a client to word it (an ajv keyword such as 'required', 'maxLength', or a rule's own code). */
  code?: string;
  params?: ProblemParams;
}

/** Refusals of the HTTP layer a client words itself, beside the engine's (ProblemCode). */
export type HttpProblemCode =
  | 'session-ended' | 'password-change' | 'wrong-password' | 'account-inactive' | 'key-revoked' | 'role-required'
  | 'request-invalid' | 'no-endpoint' | 'service-unavailable' | 'internal';

/**
 * `code` and `params` say what happened in words-free form: the workspace
 * writes its own Vietnamese or English sentence from them, `detail` stays the
 * English one for other systems and logs.
 */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code?: ProblemCode | HttpProblemCode;
  params?: ProblemParams;
  errors?: ProblemError[];
}

/** A refusal decided by the HTTP layer itself (authentication, request shape, size). */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly title: string,
    detail: string,
    readonly errors?: ProblemError[],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }

  code?: HttpProblemCode | ProblemCode;
  params?: ProblemParams;
  /** Names the refusal for clients (see Problem.code). */
  because(code: HttpProblemCode | ProblemCode, params: ProblemParams = {}): this {
    this.code = code;
    this.params = params;
    return this;
  }
}

export const badRequest = (detail: string, errors?: ProblemError[]) =>
  new HttpProblem(400, PROBLEM_TYPES.badRequest, 'The request is malformed', detail, errors);
export const unauthorized = (detail: string) =>
  new HttpProblem(401, PROBLEM_TYPES.unauthorized, 'Authentication required', detail, undefined, { 'WWW-Authenticate': 'Bearer realm="onestop"' });
export const forbidden = (detail: string) => new HttpProblem(403, PROBLEM_TYPES.forbidden, 'Not allowed', detail);
export const notFound = (detail: string) => new HttpProblem(404, PROBLEM_TYPES.notFound, 'Not found', detail);
export const conflict = (detail: string) => new HttpProblem(409, PROBLEM_TYPES.conflict, 'Conflict with the current state', detail);
export const invalidData = (detail: string, errors: ProblemError[]) =>
  new HttpProblem(422, PROBLEM_TYPES.invalidData, 'The data is invalid', detail, errors);
/** A report or list period whose start is after its end (`from`, `to` as given). */
export const periodReversed = (from: string, to: string) =>
  badRequest(`the period is empty: query/from (${from}) is after query/to (${to})`, [{ in: 'query', path: '/from', message: 'must not be after to', code: 'period-reversed', params: { from, to } }])
    .because('period-reversed', { from, to });

/** The code and parameters of a refusal, when it has them. */
const named = (err: { code?: string; params?: ProblemParams }) => (err.code ? { code: err.code as Problem['code'], params: err.params ?? {} } : {});

/** Maps an error to its problem; unknown errors become a bare 500 (details go to the log, never to the caller). */
export function toProblem(err: unknown): Problem & { headers?: Record<string, string>; unexpected?: boolean } {
  if (err instanceof HttpProblem) {
    return { type: err.type, title: err.title, status: err.status, detail: err.message, ...named(err), ...(err.errors ? { errors: err.errors } : {}), headers: err.headers };
  }
  const domain = err instanceof DomainError ? domainProblem(err) : null;
  if (domain) return { ...domain, ...named(err as DomainError) };

  const bodyError = bodyParserProblem(err);
  if (bodyError) return bodyError;
  const fault = classifyDatabaseError(err);
  if (fault?.kind === 'disk-full') {
    return { type: PROBLEM_TYPES.insufficientStorage, title: 'The database cannot store this', status: 507, detail: fault.message };
  }
  if (fault) {
    return {
      type: PROBLEM_TYPES.serviceUnavailable,
      title: 'The service is temporarily unavailable',
      status: 503,
      detail: `${fault.message}; nothing was saved, try again in a few seconds`,
      code: 'service-unavailable',
      params: {},
      headers: { 'Retry-After': '5' },
    };
  }
  return { type: PROBLEM_TYPES.internal, title: 'Internal error', status: 500, detail: 'the server failed to handle this request; it was logged', code: 'internal', params: {}, unexpected: true };
}

function domainProblem(err: DomainError): Problem | null {
  if (err instanceof NotFoundError) return { type: PROBLEM_TYPES.notFound, title: 'Not found', status: 404, detail: err.message };
  if (err instanceof ConflictError) return { type: PROBLEM_TYPES.conflict, title: 'Conflict with the current state', status: 409, detail: err.message };
  if (err instanceof ForbiddenError) return { type: PROBLEM_TYPES.forbidden, title: 'Not allowed', status: 403, detail: err.message };
  if (err instanceof DeploymentError) {
    return {
      type: PROBLEM_TYPES.invalidBpmn,
      title: 'The BPMN file was refused',
      status: 422,
      detail: err.message,
      errors: err.problems.map((p) => ({
        elementId: p.elementId,
        message: p.message,
        ...(p.rule ? { rule: p.rule } : {}),
        ...(p.severity ? { severity: p.severity } : {}),
        // The rule and its parameters: a client words the problem in its reader's language (engine/lint/lintMessages.ts).
        ...(p.code ? { code: p.code } : {}),
        ...(p.params ? { params: p.params } : {}),
      })),
    };
  }
  if (err instanceof ValidationError) {
    return {
      type: PROBLEM_TYPES.invalidData,
      title: 'The data is invalid',
      status: 422,
      detail: err.message,
      code: 'invalid-data',
      params: {},
      errors: err.errors.map((e) => ({ in: 'body' as const, path: e.path, message: e.message, ...named(e) })),
    };
  }
  if (err instanceof ProcessError) {
    return {
      type: PROBLEM_TYPES.processError,
      title: 'The procedure cannot continue with this data',
      status: 422,
      detail: err.message,
      ...(err.elementId ? { errors: [{ elementId: err.elementId, message: err.message }] } : {}),
    };
  }
  // Other domain errors (documents' size and type) are mapped by their routes; one that escapes is a bug (500).
  return null;
}

/** body-parser signals its refusals with `type` and `status` on the error. */
function bodyParserProblem(err: unknown): Problem | null {
  const e = err as { type?: string; status?: number; limit?: number; message?: string };
  if (!e || typeof e !== 'object' || typeof e.type !== 'string') return null;
  switch (e.type) {
    case 'entity.too.large':
      return {
        type: PROBLEM_TYPES.tooLarge,
        title: 'The body is too large',
        status: 413,
        detail: `the request body is larger than the limit of ${formatBytes(e.limit)} for this endpoint`,
      };
    case 'entity.parse.failed':
      return { type: PROBLEM_TYPES.badRequest, title: 'The request is malformed', status: 400, detail: `the request body is not valid JSON: ${e.message}` };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return { type: PROBLEM_TYPES.unsupportedMediaType, title: 'Unsupported media type', status: 415, detail: e.message ?? 'unsupported body encoding' };
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
      return { type: PROBLEM_TYPES.badRequest, title: 'The request is malformed', status: 400, detail: e.message ?? 'the request body could not be read' };
    default:
      return null;
  }
}

function formatBytes(n: number | undefined): string {
  if (!n) return 'the configured size';
  if (n >= 1024 * 1024) return `${+(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} kB`;
  return `${n} bytes`;
}

export function sendProblem(res: Response, problem: Problem & { headers?: Record<string, string> }, instance?: string): void {
  const { headers, ...body } = problem as Problem & { headers?: Record<string, string>; unexpected?: boolean };
  delete (body as { unexpected?: boolean }).unexpected;
  for (const [k, v] of Object.entries(headers ?? {})) res.setHeader(k, v);
  res.status(problem.status).type('application/problem+json').send(JSON.stringify({ ...body, ...(instance ? { instance } : {}) }));
}

/** The last handler of the API: nothing escapes as HTML or a stack trace. */
export function problemHandler(log: (line: string) => void): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const problem = toProblem(err);
    if (problem.unexpected) log(`${req.method} ${instanceOf(req.originalUrl)} failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    if (res.headersSent) {
      res.end();
      return;
    }
    sendProblem(res, problem, instanceOf(req.originalUrl));
  };
}

/**
 * The request's path and its harmless query parameters: a token or key passed
 * in the query string must never come back in a response (or a log line).
 */
export function instanceOf(originalUrl: string): string {
  const [pathPart, query] = originalUrl.split('?', 2);
  if (!query) return pathPart;
  const kept = new URLSearchParams(query);
  for (const name of [...kept.keys()]) if (/token|key|secret|pass|auth|sig/i.test(name)) kept.delete(name);
  const rest = kept.toString();
  return rest ? `${pathPart}?${rest}` : pathPart;
}
