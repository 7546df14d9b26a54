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
    message = `must be a valid ${(error.params as { format: string }).format}`;
  }
  return { in: where, path, message };
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
  if (route.body && route.body.kind !== 'xml') {
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
  if (pathSchema) validators.path = coercingAjv.compile(pathSchema);
  // Unknown query parameters are refused like unknown body fields: a typo
  // (`?departmnet=`) must not silently widen a list.
  validators.query = coercingAjv.compile(params('query', route.query, pathCount) ?? { type: 'object', additionalProperties: false });
  return validators;
}

/** Checks and coerces one part of the request; a 400 problem listing every error. */
export function check(where: 'body' | 'query', validate: ValidateFunction | undefined, value: unknown): void {
  if (!validate || validate(value)) return;
  const errors = usefulErrors(validate.errors ?? []).map((e) => describeError(where, e));
  const what = where === 'body' ? 'the request body is invalid' : 'the query is invalid';
  throw badRequest(`${what}: ${formatErrors(errors)}`, errors);
}
