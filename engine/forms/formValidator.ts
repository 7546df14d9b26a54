import { Ajv2020, type ValidateFunction, type ErrorObject } from 'ajv/dist/2020.js';
import AjvDraft7 from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FieldError } from '../errors.js';
import { linearRegExp } from './linearRegExp.js';
import { withDefaultStringLimit } from './defaultStringLimit.js';
import { addFormKeywords, checkFormRules, fieldMessageOf, formRulesOf } from './formRules.js';

export type JsonSchema = Record<string, unknown>;
export type FormValidator = (data: unknown) => FieldError[];

// ajv-formats ships CommonJS with a default export; under ESM interop the
// function can sit on `.default`.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: unknown) => void;

function makeAjv(draft2020: boolean) {
  const Ctor = (draft2020 ? Ajv2020 : ((AjvDraft7 as unknown as { default?: unknown }).default ?? AjvDraft7)) as new (o: object) => {
    compile(schema: object): ValidateFunction;
  };
  // verbose: an error carries its schema, where the form's own message (x-message) is.
  const ajv = new Ctor({ allErrors: true, strict: false, verbose: true, coerceTypes: false, code: { regExp: linearRegExp } });
  addFormats(ajv);
  addFormKeywords(ajv as unknown as Parameters<typeof addFormKeywords>[0]);
  return ajv;
}

const ajv2020 = makeAjv(true);
const ajv7 = makeAjv(false);

function pickAjv(schema: JsonSchema) {
  const declared = typeof schema.$schema === 'string' ? schema.$schema : '';
  return declared.includes('2020-12') ? ajv2020 : ajv7;
}

export function describeAjvError(error: ErrorObject): FieldError {
  let path = error.instancePath || '';
  let message = error.message ?? 'is invalid';
  if (error.keyword === 'required') {
    const missing = (error.params as { missingProperty: string }).missingProperty;
    path = `${path}/${missing}`;
    message = 'is required';
  } else if (error.keyword === 'additionalProperties') {
    const extra = (error.params as { additionalProperty: string }).additionalProperty;
    path = `${path}/${extra}`;
    message = 'is not a field of this form';
  } else if (error.keyword === 'anyOf' || error.keyword === 'oneOf') {
    message = 'must satisfy one of the alternatives of the form (see the other errors)';
  } else if (error.keyword === 'enum') {
    const allowed = (error.params as { allowedValues: unknown[] }).allowedValues;
    message = `must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  // A field's own sentence ("Số định danh cá nhân gồm 12 chữ số") replaces
  // what the validator says about its value; "is required" stays as it is.
  const own = error.keyword === 'required' || error.keyword === 'additionalProperties' ? null : fieldMessageOf(error.parentSchema);
  return { path, message: own ?? message };
}

/** Compiles a form's JSON Schema once; the validator returns every problem, or []. */
export function compileForm(schema: JsonSchema | null | undefined): FormValidator {
  if (!schema) {
    return (data) =>
      data === undefined || data === null || (typeof data === 'object' && !Array.isArray(data))
        ? []
        : [{ path: '', message: 'must be an object' }];
  }
  const validate = pickAjv(schema).compile(withDefaultStringLimit(schema));
  // Step data is merged into the dossier: a field the form does not declare
  // would silently overwrite what the citizen filed, so it is refused.
  const declared = schema.properties && typeof schema.properties === 'object' ? new Set(Object.keys(schema.properties)) : null;
  const rules = formRulesOf(schema);
  return (data) => {
    const undeclared: FieldError[] = declared && data && typeof data === 'object' && !Array.isArray(data)
      ? Object.keys(data).filter((k) => !declared.has(k)).map((k) => ({ path: `/${k}`, message: 'is not a field of this form' }))
      : [];
    const crossField = checkFormRules(rules, data);
    // 'if' only says a 'then' failed, which is reported on its own fields.
    const errors = validate(data ?? {}) ? [] : (validate.errors ?? []).filter((e) => e.keyword !== 'if').map(describeAjvError);
    // One field's own message stands for several failed keywords: said once.
    const seen = new Set<string>();
    return [...errors, ...undeclared, ...crossField].filter((e) => {
      const key = `${e.path}\u0000${e.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  };
}

export function formatFieldErrors(errors: FieldError[]): string {
  return errors.map((e) => `${e.path || '(form)'} ${e.message}`).join('; ');
}
