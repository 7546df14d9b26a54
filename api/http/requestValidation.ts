import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { OpenApiDocument } from '../openapi/openapiDocument.js';
import type { JsonSchema, RouteSpec } from './route.js';
import { badRequest, type ProblemError } from './problem.js';

// ajv-formats is CommonJS; under ESM interop the function can sit on `.default`.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: unknown) => void;

export const DOCUMENT_ID = 'urn:onestop:openapi';

/** `#/a/b` pointer segment escaping (RFC 6901). */
export const pointerSegment = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** An ajv that knows the whole OpenAPI document, so schemas are compiled by pointer into it. */
export function ajvForDocument(document: OpenApiDocument, options: { coerceTypes?: boolean } = {}): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: false, coerceTypes: options.coerceTypes ?? false, validateSchema: false });
  addFormats(ajv);
  // Deadlines are counted on calendars (the lunar one covers 1800–2199): a
  // date the calendars cannot place is refused at the door, not in the middle
  // of a computation.
  for (const format of ['date', 'date-time'] as const) {
    const standard = (ajv.formats[format] as { validate: (s: string) => boolean }).validate;
    ajv.addFormat(format, { type: 'string', validate: (s: string) => standard(s) && withinCalendars(s) });
  }
  ajv.addSchema(document as object, DOCUMENT_ID);
  return ajv;
}

export function describeError(where: 'body' | 'query' | 'path', error: ErrorObject): ProblemError {
  let path = error.instancePath || '';
  let message = error.message ?? 'is invalid';
  if (error.keyword === 'required') {
    path = `${path}/${(error.params as { missingProperty: string }).missingProperty}`;
    message = 'is required';
  } else if (error.keyword === 'additionalProperties') {
    path = `${path}/${(error.params as { additionalProperty: string }).additionalProperty}`;
    message = where === 'query' ? 'is not a known query parameter' : 'is not a known field';
  } else if (error.keyword === 'enum') {
    message = `must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  } else if (error.keyword === 'format') {
    const format = (error.params as { format: string }).format;
    message = format === 'date' || format === 'date-time'
      ? `must be a valid ${format} between ${FIRST_YEAR} and ${LAST_YEAR} (the years the calendars cover)`
      : `must be a valid ${format}`;
  }
  return { in: where, path, message, code: error.keyword, params: fieldParams(error) };
}

/** The limits a client names in its own sentence ("at most 20 characters"): ajv's params, scalars only. */
function fieldParams(error: ErrorObject): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(error.params ?? {})) {
    if (typeof v === 'string' || typeof v === 'number') out[k] = v;
    else if (typeof v === 'boolean') out[k] = String(v);
    else if (Array.isArray(v)) out[k] = v.map((x) => String(x)).join(', ');
  }
  return out;
}

/** "body/applicant/idNumber is required; query/limit must be integer" */
export function formatErrors(errors: ProblemError[]): string {
  return errors.map((e) => `${e.in}${e.path ?? ''} ${e.message}`).join('; ');
}

// `anyOf` / `if` errors repeat what their branches said; keep what a person can act on.
function usefulErrors(errors: ErrorObject[]): ErrorObject[] {
  const useful = errors.filter((e) => !['anyOf', 'oneOf', 'if', 'allOf'].includes(e.keyword));
  return useful.length ? useful : errors;
}

export interface RouteValidators {
  body?: ValidateFunction;
  query?: ValidateFunction;
  path?: ValidateFunction;
}

/** Compiles the request checks of one route from its place in the document. */
export function compileRouteValidators(route: RouteSpec, strictAjv: Ajv2020, coercingAjv: Ajv2020): RouteValidators {
  const op = `${DOCUMENT_ID}#/paths/${pointerSegment(route.path)}/${route.method}`;
  const validators: RouteValidators = {};
  if (route.body && route.body.kind !== 'xml' && route.body.kind !== 'multipart') {
    validators.body = strictAjv.compile({ $ref: `${op}/requestBody/content/${pointerSegment('application/json')}/schema` });
  }
  const params = (where: 'path' | 'query', specs: Record<string, { required?: boolean }> | undefined, offset: number): JsonSchema | null => {
    if (!specs) return null;
    const names = Object.keys(specs);
    return {
      type: 'object',
      properties: Object.fromEntries(names.map((name, i) => [name, { $ref: `${op}/parameters/${offset + i}/schema` }])),
      required: names.filter((n) => where === 'path' || specs[n].required),
      additionalProperties: false,
    };
  };
  const pathCount = Object.keys(route.pathParams ?? {}).length;
  const pathSchema = params('path', route.pathParams, 0);
  if (pathSchema) validators.path = withSafeNumbers(coercingAjv.compile(pathSchema));
  // Unknown query parameters are refused like unknown body fields: a typo
  // (`?departmnet=`) must not silently widen a list.
  validators.query = coercingAjv.compile(params('query', route.query, pathCount) ?? { type: 'object', additionalProperties: false });
  return validators;
}

/** Checks and coerces one part of the request; a 400 problem listing every error. */
export function check(where: 'body' | 'query', validate: ValidateFunction | undefined, value: unknown): void {
  const unsafe = hygieneProblem(value);
  if (unsafe) throw badRequest(`${where === 'body' ? 'the request body' : 'the query'} is refused: ${unsafe.message}`, [{ in: where, ...unsafe }]);
  if (!validate) return;
  if (validate(value)) {
    const number = where === 'query' ? unsafeNumber(value) : null;
    if (number) throw badRequest(`the query is invalid: query${number.path} ${number.message}`, [{ in: where, ...number }]);
    return;
  }
  const errors = usefulErrors(validate.errors ?? []).map((e) => describeError(where, e));
  const what = where === 'body' ? 'the request body is invalid' : 'the query is invalid';
  throw badRequest(`${what}: ${formatErrors(errors)}`, errors).because('request-invalid');
}

const FIRST_YEAR = 1900;
const LAST_YEAR = 2199;

function withinCalendars(value: string): boolean {
  const year = Number(value.slice(0, 4));
  return year >= FIRST_YEAR && year <= LAST_YEAR;
}

/** Deeper than this, a JSON document is an attack, not a form. */
export const MAX_JSON_DEPTH = 64;

/**
 * What no field may hold, whatever its schema: NUL (PostgreSQL text cannot
 * store it), lone UTF-16 surrogates (not text at all), and nesting deeper
 * than MAX_JSON_DEPTH. Walked without recursion, so depth cannot overflow
 * the stack here either.
 */
export function hygieneProblem(value: unknown): { path: string; message: string } | null {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value, path: '', depth: 0 }];
  while (stack.length) {
    const { value: v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      const problem = textProblem(v);
      if (problem) return { path, message: problem };
    } else if (v && typeof v === 'object') {
      if (depth >= MAX_JSON_DEPTH) return { path, message: `nests deeper than ${MAX_JSON_DEPTH} levels` };
      for (const [key, child] of Object.entries(v)) {
        const here = `${path}/${pointerSegment(key)}`;
        const problem = textProblem(key);
        if (problem) return { path: here, message: `has a field name that ${problem}` };
        stack.push({ value: child, path: here, depth: depth + 1 });
      }
    }
  }
  return null;
}

function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'contains a NUL character (\\u0000), which text may not hold';
  if (!(text as string & { isWellFormed(): boolean }).isWellFormed()) return 'contains a lone UTF-16 surrogate, which is not a character';
  return null;
}

/** A number beyond what a double holds exactly (offset=1e308, a 20-digit version) names nothing. */
function unsafeNumber(value: unknown): { path: string; message: string } | null {
  if (!value || typeof value !== 'object') return null;
  for (const [key, v] of Object.entries(value)) {
    if (typeof v === 'number' && (!Number.isFinite(v) || Math.abs(v) > Number.MAX_SAFE_INTEGER)) {
      return { path: `/${pointerSegment(key)}`, message: `must be a finite number of at most ${Number.MAX_SAFE_INTEGER}` };
    }
  }
  return null;
}

function withSafeNumbers(validate: ValidateFunction): ValidateFunction {
  const wrapped = ((data: unknown) => {
    if (!validate(data)) {
      wrapped.errors = validate.errors;
      return false;
    }
    const problem = unsafeNumber(data);
    wrapped.errors = problem ? [{ instancePath: problem.path, keyword: 'maximum', params: {}, schemaPath: '', message: problem.message }] : null;
    return !problem;
  }) as ValidateFunction;
  return Object.assign(wrapped, { schema: validate.schema, schemaEnv: validate.schemaEnv });
}
