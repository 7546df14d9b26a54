// The form builder's model of a form and its one-to-one conversion to and
// from the JSON Schema the workspace draws (RJSF) and the server validates
// (engine/forms/formValidator.ts). The builder edits a BuilderForm and writes
// its schema; nobody types JSON. Fields the builder does not edit (nested
// groups, lists, anything unusual) are kept as they are, in place, so opening
// and saving a hand-written schema never loses a part of it. Pure: unit-tested
// in node (test/forms/formModel.test.ts).

import { MESSAGE_KEYWORD, RULES_KEYWORD, WIDGET_KEYWORD, type FormRule } from '../../../../engine/forms/formRules.js';

export type BuilderFieldType = 'text' | 'textarea' | 'number' | 'integer' | 'date' | 'select' | 'radio' | 'checkbox';

export const BUILDER_FIELD_TYPES: readonly BuilderFieldType[] = ['text', 'textarea', 'number', 'integer', 'date', 'select', 'radio', 'checkbox'];

export interface BuilderOption {
  value: string;
  label: string;
}

export interface BuilderField {
  /** The data's property name: what FEEL conditions and rules refer to. */
  key: string;
  type: BuilderFieldType;
  label: string;
  required: boolean;
  description?: string;
  /** The form's own sentence when the value is wrong (x-message). */
  message?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  options?: BuilderOption[];
}

/** A property the builder shows but does not edit: kept verbatim. */
export interface KeptField {
  key: string;
  type: 'kept';
  label: string;
  required: boolean;
  schema: Record<string, unknown>;
}

export type FormItem = BuilderField | KeptField;

export interface BuilderForm {
  title?: string;
  items: FormItem[];
  rules: FormRule[];
  /** Root keywords other than the ones the builder writes ($schema, description, allOf …). */
  rest: Record<string, unknown>;
}

type Schema = Record<string, unknown>;

const isObject = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Keywords the builder understands on each field type; a field with any other keyword is kept verbatim. */
const COMMON = ['type', 'title', 'description', MESSAGE_KEYWORD];
const UNDERSTOOD: Record<BuilderFieldType, string[]> = {
  text: [...COMMON, 'pattern', 'minLength', 'maxLength'],
  textarea: [...COMMON, 'pattern', 'minLength', 'maxLength', WIDGET_KEYWORD],
  number: [...COMMON, 'minimum', 'maximum'],
  integer: [...COMMON, 'minimum', 'maximum'],
  date: [...COMMON, 'format'],
  select: [...COMMON, 'oneOf', 'enum'],
  radio: [...COMMON, 'oneOf', 'enum', WIDGET_KEYWORD],
  checkbox: [...COMMON],
};

// Above this length a text is a paragraph (what web/shared/forms/formFields.ts draws as a text box).
const TEXTAREA_LENGTH = 200;

function optionsOf(schema: Schema): BuilderOption[] | null {
  if (Array.isArray(schema.enum) && schema.enum.every((v) => typeof v === 'string')) {
    return (schema.enum as string[]).map((v) => ({ value: v, label: v }));
  }
  if (Array.isArray(schema.oneOf) && schema.oneOf.every((a) => isObject(a) && typeof a.const === 'string' && Object.keys(a).every((k) => k === 'const' || k === 'title'))) {
    return (schema.oneOf as Schema[]).map((a) => ({ value: a.const as string, label: typeof a.title === 'string' ? a.title : (a.const as string) }));
  }
  return null;
}

function typeOf(schema: Schema): BuilderFieldType | null {
  switch (schema.type) {
    case 'string':
      if (optionsOf(schema)) return schema[WIDGET_KEYWORD] === 'radio' ? 'radio' : 'select';
      if (schema.format === 'date') return 'date';
      if (schema.format !== undefined) return null;
      if (schema[WIDGET_KEYWORD] === 'textarea' || (typeof schema.maxLength === 'number' && schema.maxLength > TEXTAREA_LENGTH)) return 'textarea';
      return schema[WIDGET_KEYWORD] === undefined ? 'text' : null;
    case 'number':
      return 'number';
    case 'integer':
      return 'integer';
    case 'boolean':
      return 'checkbox';
    default:
      return null;
  }
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function itemOf(key: string, schema: unknown, required: boolean): FormItem {
  const label = isObject(schema) && typeof schema.title === 'string' && schema.title ? schema.title : key;
  if (!isObject(schema)) return { key, type: 'kept', label, required, schema: {} };
  const type = typeOf(schema);
  if (!type || Object.keys(schema).some((k) => !UNDERSTOOD[type].includes(k))) return { key, type: 'kept', label, required, schema };
  const field: BuilderField = { key, type, label, required };
  const description = str(schema.description);
  if (description) field.description = description;
  const message = str(schema[MESSAGE_KEYWORD]);
  if (message) field.message = message;
  if (type === 'text' || type === 'textarea') {
    if (str(schema.pattern)) field.pattern = schema.pattern as string;
    if (num(schema.minLength) !== undefined) field.minLength = schema.minLength as number;
    if (num(schema.maxLength) !== undefined) field.maxLength = schema.maxLength as number;
  }
  if (type === 'number' || type === 'integer') {
    if (num(schema.minimum) !== undefined) field.minimum = schema.minimum as number;
    if (num(schema.maximum) !== undefined) field.maximum = schema.maximum as number;
  }
  if (type === 'select' || type === 'radio') field.options = optionsOf(schema) ?? [];
  return field;
}

/** The builder's form of a schema (null or not an object schema: an empty form). */
export function schemaToForm(schema: unknown): BuilderForm {
  if (!isObject(schema)) return { items: [], rules: [], rest: {} };
  const { title, properties, required, type: _type, [RULES_KEYWORD]: rules, ...rest } = schema;
  void _type;
  const requiredSet = new Set(Array.isArray(required) ? required.map(String) : []);
  const items = isObject(properties) ? Object.entries(properties).map(([key, value]) => itemOf(key, value, requiredSet.has(key))) : [];
  return {
    ...(typeof title === 'string' && title ? { title } : {}),
    items,
    rules: Array.isArray(rules) ? (rules as unknown[]).filter(isObject).map((r) => ({
      when: String(r.when ?? ''),
      message: String(r.message ?? ''),
      ...(typeof r.field === 'string' && r.field ? { field: r.field } : {}),
    })) : [],
    rest,
  };
}

function fieldSchema(field: BuilderField): Schema {
  const out: Schema = {};
  const type = field.type;
  out.type = type === 'number' ? 'number' : type === 'integer' ? 'integer' : type === 'checkbox' ? 'boolean' : 'string';
  out.title = field.label;
  if (field.description) out.description = field.description;
  if (type === 'date') out.format = 'date';
  if (type === 'textarea') out[WIDGET_KEYWORD] = 'textarea';
  if (type === 'text' || type === 'textarea') {
    if (field.pattern) out.pattern = field.pattern;
    if (field.minLength !== undefined) out.minLength = field.minLength;
    if (field.maxLength !== undefined) out.maxLength = field.maxLength;
  }
  if (type === 'number' || type === 'integer') {
    if (field.minimum !== undefined) out.minimum = field.minimum;
    if (field.maximum !== undefined) out.maximum = field.maximum;
  }
  if (type === 'select' || type === 'radio') {
    out.oneOf = (field.options ?? []).map((o) => ({ const: o.value, title: o.label || o.value }));
    if (type === 'radio') out[WIDGET_KEYWORD] = 'radio';
  }
  if (field.message) out[MESSAGE_KEYWORD] = field.message;
  return out;
}

/** The JSON Schema of a builder form: what is stored in onestop:formSchema. */
export function formToSchema(form: BuilderForm): Schema {
  const properties: Schema = {};
  for (const item of form.items) properties[item.key] = item.type === 'kept' ? item.schema : fieldSchema(item);
  const required = form.items.filter((i) => i.required).map((i) => i.key);
  const rules = form.rules.filter((r) => r.when.trim() || r.message.trim()).map((r) => ({
    when: r.when.trim(),
    ...(r.field ? { field: r.field } : {}),
    message: r.message.trim(),
  }));
  return {
    ...form.rest,
    type: 'object',
    ...(form.title ? { title: form.title } : {}),
    properties,
    ...(required.length ? { required } : {}),
    ...(rules.length ? { [RULES_KEYWORD]: rules } : {}),
  };
}

/** How a structured rule compares two fields (the builder writes the FEEL for the analyst). */
export type Comparison = 'after' | 'notBefore' | 'before' | 'notAfter' | 'equal' | 'different';

// The FEEL of the mistake: "A must be after B" is broken when A <= B.
const BROKEN_WHEN: Record<Comparison, string> = {
  after: '<=', notBefore: '<', before: '>=', notAfter: '>', equal: '!=', different: '=',
};

/** The rule "field must be <comparison> other", as a FEEL condition of the mistake. */
export function comparisonRule(field: string, comparison: Comparison, other: string): string {
  return `${field} ${BROKEN_WHEN[comparison]} ${other}`;
}

/** The structured reading of a rule written by comparisonRule, or null for a hand-written condition. */
export function readComparison(when: string): { field: string; comparison: Comparison; other: string } | null {
  const match = /^\s*=?\s*([A-Za-z_][\w]*)\s*(<=|>=|!=|<|>|=)\s*([A-Za-z_][\w]*)\s*$/.exec(when);
  if (!match) return null;
  const comparison = (Object.entries(BROKEN_WHEN) as Array<[Comparison, string]>).find(([, op]) => op === match[2])?.[0];
  return comparison ? { field: match[1]!, comparison, other: match[3]! } : null;
}

/** A key for a new field from its label: ASCII letters and digits in camelCase ("Ngày cấp" → "ngayCap"). */
export function keyFromLabel(label: string, taken: ReadonlySet<string>): string {
  const words = label.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd')
    .split(/[^A-Za-z0-9]+/).filter(Boolean);
  let base = words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase())).join('') || 'truong';
  if (/^[0-9]/.test(base)) base = `f${base}`;
  let key = base;
  for (let n = 2; taken.has(key); n += 1) key = `${base}${n}`;
  return key;
}

/** Why a field key cannot be used, or null (keys are FEEL names: letters, digits, underscore). */
export function keyProblem(key: string, others: ReadonlySet<string>): 'empty' | 'invalid' | 'taken' | null {
  if (!key) return 'empty';
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) return 'invalid';
  return others.has(key) ? 'taken' : null;
}
