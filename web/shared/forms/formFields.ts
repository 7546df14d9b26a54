// The form a JSON Schema generates, as a list of fields: what the preview in
// the properties panel draws. Pure (unit-tested in node); the rendering is in
// FormPreview.tsx.

export type FieldKind =
  | 'text' | 'textarea' | 'email' | 'url' | 'tel' | 'date' | 'datetime' | 'time'
  | 'number' | 'integer' | 'checkbox' | 'select' | 'group' | 'list' | 'other';

export interface FieldOption {
  value: string;
  label: string;
}

export interface FormField {
  /** JSON pointer-ish path, e.g. "applicant.name". */
  path: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  description?: string;
  options?: FieldOption[];
  min?: number;
  max?: number;
  minItems?: number;
  pattern?: string;
  /** For `group` and `list` (fields of one item). */
  children?: FormField[];
  /** For `other`: the declared type. */
  type?: string;
  /** For `select`: drawn as radio buttons (the schema's x-widget). */
  radio?: boolean;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Schema = Record<string, any>;

const MAX_DEPTH = 6;

function isObject(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follows a local `$ref` ("#/definitions/x", "#/$defs/x") once; anything else stays as it is. */
function deref(schema: Schema, root: Schema): Schema {
  const ref = schema.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return schema;
  let target: unknown = root;
  for (const part of ref.slice(2).split('/')) {
    target = isObject(target) ? target[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  }
  return isObject(target) ? { ...target, ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$ref')) } : schema;
}

function typeOf(schema: Schema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((t: unknown) => t !== 'null');
  if (typeof schema.type === 'string') return schema.type;
  if (Array.isArray(schema.enum) || schema.const !== undefined) return 'string';
  if (isObject(schema.properties)) return 'object';
  return undefined;
}

function optionsOf(schema: Schema): FieldOption[] | undefined {
  if (Array.isArray(schema.enum)) {
    const titles = Array.isArray(schema.enumNames) ? schema.enumNames : [];
    return schema.enum.map((value: unknown, i: number) => ({ value: String(value), label: String(titles[i] ?? value) }));
  }
  const alternatives = Array.isArray(schema.oneOf) ? schema.oneOf : Array.isArray(schema.anyOf) ? schema.anyOf : null;
  if (alternatives && alternatives.length && alternatives.every((a: unknown) => isObject(a) && a.const !== undefined)) {
    return alternatives.map((a: Schema) => ({ value: String(a.const), label: String(a.title ?? a.const) }));
  }
  return undefined;
}

function stringKind(schema: Schema): FieldKind {
  switch (schema.format) {
    case 'date': return 'date';
    case 'date-time': return 'datetime';
    case 'time': return 'time';
    case 'email': return 'email';
    case 'uri': case 'url': case 'iri': return 'url';
    default: break;
  }
  if (schema['x-widget'] === 'textarea') return 'textarea';
  if (typeof schema.maxLength === 'number' ? schema.maxLength > 200 : schema.multiline === true) return 'textarea';
  if (/phone|điện thoại/i.test(String(schema.title ?? ''))) return 'tel';
  return 'text';
}

function fieldFor(name: string, path: string, schema: Schema, required: boolean, root: Schema, depth: number): FormField {
  const s = deref(schema, root);
  const label = typeof s.title === 'string' && s.title.trim() ? s.title : name;
  const base = { path, label, required, ...(typeof s.description === 'string' ? { description: s.description } : {}) };
  const options = optionsOf(s);
  if (options) return { ...base, kind: 'select', options, ...(s['x-widget'] === 'radio' ? { radio: true } : {}) };
  const type = typeOf(s);
  switch (type) {
    case 'string':
      return { ...base, kind: stringKind(s), ...(typeof s.pattern === 'string' ? { pattern: s.pattern } : {}) };
    case 'number':
    case 'integer':
      return {
        ...base,
        kind: type,
        ...(typeof s.minimum === 'number' ? { min: s.minimum } : typeof s.exclusiveMinimum === 'number' ? { min: s.exclusiveMinimum } : {}),
        ...(typeof s.maximum === 'number' ? { max: s.maximum } : typeof s.exclusiveMaximum === 'number' ? { max: s.exclusiveMaximum } : {}),
      };
    case 'boolean':
      return { ...base, kind: 'checkbox' };
    case 'object':
      return { ...base, kind: 'group', children: depth < MAX_DEPTH ? fieldsOfObject(s, path, root, depth + 1) : [] };
    case 'array': {
      const items = isObject(s.items) ? deref(s.items, root) : {};
      const itemOptions = optionsOf(items);
      if (itemOptions) return { ...base, kind: 'select', options: itemOptions };
      const child = depth < MAX_DEPTH ? fieldFor(name, `${path}[]`, items, false, root, depth + 1) : undefined;
      return {
        ...base,
        kind: 'list',
        minItems: typeof s.minItems === 'number' ? s.minItems : 0,
        children: child ? (child.kind === 'group' ? child.children ?? [] : [child]) : [],
      };
    }
    default:
      return { ...base, kind: 'other', type: type ?? 'any' };
  }
}

function fieldsOfObject(schema: Schema, prefix: string, root: Schema, depth: number): FormField[] {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
  return Object.entries(properties)
    .filter(([, value]) => isObject(value))
    .map(([name, value]) => fieldFor(name, prefix ? `${prefix}.${name}` : name, value as Schema, required.has(name), root, depth));
}

/** The fields of a form schema (its root object's properties), in declaration order. */
export function formFields(schema: unknown): FormField[] {
  if (!isObject(schema)) return [];
  return fieldsOfObject(deref(schema, schema), '', schema, 0);
}

/** Number of leaf fields, counting inside groups and list items. */
export function countFields(fields: FormField[]): number {
  return fields.reduce((n, f) => n + (f.children && (f.kind === 'group' || f.kind === 'list') ? countFields(f.children) : 1), 0);
}

/** A starting point for a new form, in the style of the sample procedures. */
export function exampleFormSchema(start: boolean): string {
  const schema = start
    ? {
      type: 'object',
      title: 'Tờ khai',
      properties: {
        applicantFullName: { type: 'string', title: 'Họ, chữ đệm và tên người nộp hồ sơ', minLength: 1 },
        applicantIdNumber: { type: 'string', title: 'Số định danh cá nhân', pattern: '^[0-9]{12}$', 'x-message': 'Số định danh cá nhân gồm 12 chữ số' },
        resultDeliveryMethod: { type: 'string', title: 'Hình thức nhận kết quả', enum: ['Trực tiếp', 'Qua bưu chính', 'Bản điện tử'] },
      },
      required: ['applicantFullName', 'applicantIdNumber'],
    }
    : {
      type: 'object',
      title: 'Kết quả xử lý',
      properties: {
        decision: { type: 'string', title: 'Kết quả', oneOf: [{ const: 'approve', title: 'Đồng ý' }, { const: 'reject', title: 'Không đồng ý' }] },
        note: { type: 'string', title: 'Ý kiến', maxLength: 2000 },
      },
      required: ['decision'],
    };
  return JSON.stringify(schema, null, 2);
}
