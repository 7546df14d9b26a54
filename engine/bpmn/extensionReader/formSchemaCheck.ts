// Validation of the JSON Schema carried by an `onestop:formSchema`. The same
// schema later validates the citizen's / officer's form data, so it must not
// only be JSON but compile with the validator the engine uses (ajv 8).

import { Ajv, type AnySchemaObject, type ErrorObject } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { linearRegExp } from '../../forms/linearRegExp.js';
import { addFormKeywords, formRulesProblem } from '../../forms/formRules.js';
import * as ajvFormats from 'ajv-formats';

type AjvInstance = Ajv | Ajv2020;

// ajv-formats is CommonJS with `exports.default`; depending on the loader
// (Node, jest, a bundler) the plugin function is the namespace's `default`
// or that default's `default`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const formatsModule = ajvFormats as any;
const addFormats: (ajv: AjvInstance) => void =
  typeof formatsModule.default === 'function' ? formatsModule.default : formatsModule.default.default;

const DRAFT_2020 = 'https://json-schema.org/draft/2020-12/schema';

// Building an Ajv instance compiles the meta-schemas (several ms), so one of
// each dialect is made on first use and shared by all lint runs.
let draft07: Ajv | undefined;
let draft2020: Ajv2020 | undefined;

function validatorFor(schema: AnySchemaObject): AjvInstance {
  const options = {
    // Unknown keywords and formats are refused: in a hand-written form
    // schema they are nearly always typos ("minLenght", "fromat").
    strict: true,
    strictTypes: false,
    strictTuples: false,
    allErrors: false,
    logger: false as const,
    // The engine matches `pattern` with RE2 (linear time); compiling with it
    // here refuses at deploy a pattern RE2 cannot run.
    code: { regExp: linearRegExp },
  };
  const dialect = typeof schema.$schema === 'string' ? schema.$schema.replace(/#$/, '') : undefined;
  if (dialect === DRAFT_2020) {
    if (!draft2020) {
      draft2020 = new Ajv2020(options);
      addFormats(draft2020);
      addFormKeywords(draft2020);
    }
    return draft2020;
  }
  if (!draft07) {
    draft07 = new Ajv(options);
    addFormats(draft07);
    addFormKeywords(draft07);
  }
  return draft07;
}

// Results by schema text: the designer re-lints on every edit and a deploy
// re-lints what the designer already checked, and compiling costs ~1 ms.
const verdicts = new Map<string, string | null>();
const MAX_VERDICTS = 500;

/** Null when `text` is a usable form schema, else why it is not. */
export function formSchemaError(text: string | undefined): string | null {
  const key = text ?? '';
  const cached = verdicts.get(key);
  if (cached !== undefined) return cached;

  const verdict = judge(key);
  if (verdicts.size >= MAX_VERDICTS) verdicts.clear();
  verdicts.set(key, verdict);
  return verdict;
}

function judge(text: string): string | null {
  if (text.trim() === '') return 'it is empty';

  let schema: unknown;
  try {
    schema = JSON.parse(text);
  } catch (error) {
    return `it is not JSON (${(error as Error).message})`;
  }
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    return 'it is not a JSON object';
  }

  const object = schema as AnySchemaObject;
  const ajv = validatorFor(object);
  try {
    if (!ajv.validateSchema(object)) {
      return `it is not a valid JSON Schema (${firstError(ajv.errors)})`;
    }
    // validateSchema checks the shape only; compiling also catches bad regex
    // patterns, unresolvable $refs, unknown formats and keywords.
    ajv.compile(object);
  } catch (error) {
    return `it is not a valid JSON Schema (${(error as Error).message})`;
  } finally {
    // Ajv caches compiled schemas by object and registers their $id; remove
    // them so the shared instance neither grows nor rejects a re-lint with
    // "schema with key or id already exists".
    ajv.removeSchema(object);
  }

  if (object.type !== 'object') {
    return `its root must have "type": "object" (the form's fields), not ${JSON.stringify(object.type ?? null)}`;
  }
  // Cross-field rules (x-rules): FEEL that parses and runs in bounded time.
  return formRulesProblem(object);
}

function firstError(errors: ErrorObject[] | null | undefined): string {
  const error = errors?.[0];
  if (!error) return 'unknown error';
  const where = error.instancePath === '' ? 'the root' : error.instancePath;
  const allowed = Array.isArray(error.params?.allowedValues)
    ? ` (${(error.params.allowedValues as unknown[]).join(', ')})`
    : '';
  return `${where} ${error.message ?? 'is invalid'}${allowed}`;
}
