// A form generated from a step's (or a procedure's start) JSON Schema: the
// fields the designer's preview draws (../onestop/formFields.ts), filled in,
// read back as typed JSON, validated in the browser with the very validator
// the server runs (engine/forms/formValidator.ts: ajv, same drafts, same
// formats, undeclared fields refused), and the server's errors shown on the
// fields they name.

import { compileForm, type FormValidator } from '../../../engine/forms/formValidator.js';
import { formFields, type FormField } from '../../shared/forms/formFields.js';
import { el, fill } from '../../shared/dom.js';
import { formatDate, formatDateTime, parseVnDate, parseVnDateTime } from '../../shared/format.js';
import { fieldMessage } from '../../shared/forms/fieldMessage.js';
import { tr } from '../../shared/i18n/i18n.js';

export interface FieldError {
  /** JSON pointer inside the form's data ('' for the whole form). */
  path: string;
  message: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Schema = Record<string, any>;

const isObject = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The subschema of a field path ("a.b", list items "a[].b"), following local $refs once. */
export function schemaAt(root: Schema, path: string): Schema {
  const deref = (s: Schema): Schema => {
    if (typeof s.$ref !== 'string' || !s.$ref.startsWith('#/')) return s;
    let target: unknown = root;
    for (const part of s.$ref.slice(2).split('/')) target = isObject(target) ? target[part] : undefined;
    return isObject(target) ? { ...target, ...s, $ref: undefined } : s;
  };
  let node: Schema = deref(root);
  for (const part of path.split('.')) {
    const list = part.endsWith('[]');
    const name = list ? part.slice(0, -2) : part;
    node = deref(isObject(node.properties) && isObject(node.properties[name]) ? node.properties[name] : {});
    if (list) node = deref(isObject(node.items) ? node.items : {});
  }
  return node;
}

/** "/applicant/email" → "applicant.email"; "/items/2/name" → "items[].name". */
export function pointerToPath(pointer: string): string {
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const out: string[] = [];
  for (const part of parts) {
    if (/^\d+$/.test(part) && out.length) out[out.length - 1] += '[]';
    else out.push(part);
  }
  return out.join('.');
}

/** The field an error belongs to: the path itself, else its nearest ancestor that is a field; null for the form. */
export function fieldForPointer(pointer: string, known: ReadonlySet<string>): string | null {
  let path = pointerToPath(pointer);
  while (path) {
    if (known.has(path)) return path;
    if (path.endsWith('[]')) {
      path = path.slice(0, -2);
      continue;
    }
    const dot = path.lastIndexOf('.');
    path = dot > 0 ? path.slice(0, dot) : '';
  }
  return null;
}

/** A list of scalars is typed one item a line; anything else as JSON. */
function listOfScalars(field: FormField): boolean {
  const child = field.children?.[0];
  return field.children?.length === 1 && !!child && !['group', 'list', 'other'].includes(child.kind);
}

function typedOption(schema: Schema, value: string): unknown {
  const options: unknown[] = Array.isArray(schema.enum)
    ? schema.enum
    : (schema.oneOf ?? schema.anyOf ?? []).map((a: Schema) => a.const);
  return options.find((o) => String(o) === value) ?? value;
}

// Dates are typed as Vietnamese write them (dd/mm/yyyy, dd/mm/yyyy hh:mm),
// whatever the browser's locale, and sent as JSON Schema's formats want
// them; text that is no date is sent as typed, for the validator to flag.
function scalar(kind: FormField['kind'], text: string): unknown {
  if (text.trim() === '') return undefined;
  if (kind === 'number' || kind === 'integer') return Number(text.replace(',', '.'));
  if (kind === 'date') return parseVnDate(text) ?? text.trim();
  if (kind === 'datetime') return parseVnDateTime(text) ?? text.trim();
  return text;
}

function toInputValue(kind: FormField['kind'], value: unknown): string {
  if (value === undefined || value === null) return '';
  if (kind === 'date' && typeof value === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : value;
  if (kind === 'datetime' && typeof value === 'string') return Number.isNaN(Date.parse(value)) ? value : formatDateTime(value);
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

const INPUT_TYPES: Partial<Record<FormField['kind'], string>> = {
  text: 'text', email: 'email', url: 'url', tel: 'tel', date: 'text', datetime: 'text', time: 'time', number: 'number', integer: 'number',
};
const PLACEHOLDERS: Partial<Record<FormField['kind'], string>> = { date: 'dd/mm/yyyy', datetime: 'dd/mm/yyyy hh:mm' };

export interface SchemaFormOptions {
  /** Prefix of the inputs' ids, unique on the page. */
  id: string;
  values?: Record<string, unknown>;
  disabled?: boolean;
}

export class SchemaForm {
  readonly element: HTMLElement;
  private readonly fields: FormField[];
  private readonly known = new Set<string>();
  private readonly validator: FormValidator;
  private readonly formError: HTMLElement;
  /** Errors found while reading (a JSON field that does not parse). */
  private readErrors: FieldError[] = [];

  constructor(private readonly schema: Schema | null, private readonly options: SchemaFormOptions) {
    this.fields = schema ? formFields(schema) : [];
    this.validator = compileForm(schema);
    this.formError = el('div', { class: 'ws-form-error', role: 'alert', hidden: true });
    this.element = el('div', { class: 'ws-schema-form', 'data-form': options.id },
      this.formError,
      ...this.fields.map((f) => this.render(f, options.values ?? {})),
      this.fields.length ? null : el('p', { class: 'ws-muted' }, tr('form.noFields')));
    // A field being corrected loses its error; the next check says whether it is right now.
    const clearField = (event: Event) => {
      const wrapper = (event.target as HTMLElement).closest('.ws-invalid');
      if (!wrapper) return;
      wrapper.classList.remove('ws-invalid');
      const box = wrapper.querySelector(':scope > .ws-field-error');
      if (box) fill(box);
      (event.target as HTMLElement).removeAttribute('aria-invalid');
    };
    this.element.addEventListener('input', clearField);
    this.element.addEventListener('change', clearField);
  }

  private inputId(path: string): string {
    return `${this.options.id}-${path.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  }

  private render(field: FormField, values: Record<string, unknown>): HTMLElement {
    this.known.add(field.path);
    const name = field.path.split('.').pop()!;
    const sub = this.schema ? schemaAt(this.schema, field.path) : {};
    const value = name in values ? values[name] : sub.default;
    const id = this.inputId(field.path);
    const label = el('label', { for: id }, field.label, field.required ? el('span', { class: 'ws-required', title: tr('form.required') }, ' *') : null);
    const hint = field.description ? el('div', { class: 'ws-hint' }, field.description) : null;
    const error = el('div', { class: 'ws-field-error', role: 'alert' });
    const disabled = this.options.disabled ?? false;
    let control: HTMLElement;
    switch (field.kind) {
      case 'group':
        return el('fieldset', { class: 'ws-field ws-group', 'data-field': field.path },
          el('legend', {}, field.label), hint, error,
          ...(field.children ?? []).map((c) => this.render(c, isObject(value) ? value : {})));
      case 'checkbox':
        control = el('input', { id, type: 'checkbox', checked: value === true, disabled });
        return el('div', { class: 'ws-field ws-checkbox', 'data-field': field.path }, control, label, hint, error);
      case 'select': {
        const multiple = sub.type === 'array';
        const chosen = new Set((Array.isArray(value) ? value : value === undefined ? [] : [value]).map(String));
        control = el('select', { id, multiple, disabled },
          multiple ? null : el('option', { value: '' }, tr('form.choose')),
          ...(field.options ?? []).map((o) => el('option', { value: o.value, selected: chosen.has(o.value) }, o.label)));
        break;
      }
      case 'textarea':
        control = el('textarea', { id, rows: 3, disabled });
        (control as HTMLTextAreaElement).value = toInputValue('text', value);
        break;
      case 'list': {
        const lines = listOfScalars(field);
        control = el('textarea', { id, rows: 3, disabled, 'data-list': lines ? 'lines' : 'json', placeholder: lines ? tr('form.onePerLine') : '[ … ]' });
        (control as HTMLTextAreaElement).value = Array.isArray(value) ? (lines ? value.map(String).join('\n') : JSON.stringify(value, null, 1)) : '';
        break;
      }
      case 'other':
        control = el('textarea', { id, rows: 2, disabled, 'data-list': 'json' });
        (control as HTMLTextAreaElement).value = value === undefined ? '' : JSON.stringify(value);
        break;
      default: {
        control = el('input', {
          id, type: INPUT_TYPES[field.kind] ?? 'text', disabled,
          ...(PLACEHOLDERS[field.kind] ? { placeholder: PLACEHOLDERS[field.kind], inputmode: 'numeric', 'data-kind': field.kind } : {}),
          ...(field.kind === 'number' ? { step: 'any' } : {}),
          ...(field.min !== undefined ? { min: field.min } : {}),
          ...(field.max !== undefined ? { max: field.max } : {}),
        });
        (control as HTMLInputElement).value = toInputValue(field.kind, value);
      }
    }
    return el('div', { class: 'ws-field', 'data-field': field.path }, label, control, hint, error);
  }

  private control(path: string): HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null {
    return this.element.querySelector(`#${CSS.escape(this.inputId(path))}`);
  }

  private readField(field: FormField): unknown {
    if (field.kind === 'group') {
      const out: Record<string, unknown> = {};
      for (const child of field.children ?? []) {
        const v = this.readField(child);
        if (v !== undefined) out[child.path.split('.').pop()!] = v;
      }
      return Object.keys(out).length ? out : undefined;
    }
    const control = this.control(field.path);
    if (!control) return undefined;
    const sub = this.schema ? schemaAt(this.schema, field.path) : {};
    if (field.kind === 'checkbox') return (control as HTMLInputElement).checked;
    if (field.kind === 'select') {
      const select = control as HTMLSelectElement;
      if (select.multiple) {
        const items = isObject(sub.items) ? sub.items : {};
        const picked = [...select.selectedOptions].map((o) => typedOption(items, o.value));
        return picked.length ? picked : undefined;
      }
      return select.value === '' ? undefined : typedOption(sub, select.value);
    }
    const text = control.value;
    if (control.dataset.list === 'lines') {
      const kind = field.children?.[0]?.kind ?? 'text';
      const items = text.split('\n').map((l) => l.trim()).filter(Boolean).map((l) => scalar(kind, l));
      return items.length ? items : undefined;
    }
    if (control.dataset.list === 'json') {
      if (!text.trim()) return undefined;
      try {
        return JSON.parse(text);
      } catch {
        this.readErrors.push({ path: `/${field.path.replace(/\./g, '/')}`, message: tr('form.notJson') });
        return undefined;
      }
    }
    return scalar(field.kind, text);
  }

  /** The data as typed JSON: empty fields left out, unticked boxes false. */
  values(): Record<string, unknown> {
    this.readErrors = [];
    const out: Record<string, unknown> = {};
    for (const field of this.fields) {
      const v = this.readField(field);
      if (v !== undefined) out[field.path] = v;
    }
    return out;
  }

  /** Validates in the browser (the server's rules); shows and returns the errors. */
  validate(): FieldError[] {
    const data = this.values();
    const errors = [...this.readErrors, ...this.validator(data)];
    this.showErrors(errors);
    return errors;
  }

  clearErrors(): void {
    this.formError.hidden = true;
    fill(this.formError);
    for (const node of this.element.querySelectorAll('.ws-field-error')) fill(node);
    for (const node of this.element.querySelectorAll('.ws-invalid')) node.classList.remove('ws-invalid');
    for (const node of this.element.querySelectorAll('[aria-invalid]')) node.removeAttribute('aria-invalid');
  }

  /**
   * Shows errors on their fields (`strip`: the pointer prefix of the form
   * inside a request body, e.g. "/data"). Errors of no field of this form
   * are shown above it; those of other forms are returned untouched.
   */
  showErrors(errors: Array<FieldError & { in?: string }>, strip = ''): Array<FieldError & { in?: string }> {
    this.clearErrors();
    const rest: Array<FieldError & { in?: string }> = [];
    const general: string[] = [];
    for (const e of errors) {
      let pointer = e.path ?? '';
      if (strip) {
        if (pointer !== strip && !pointer.startsWith(`${strip}/`)) {
          rest.push(e);
          continue;
        }
        pointer = pointer.slice(strip.length);
      }
      const path = fieldForPointer(pointer, this.known);
      const message = fieldMessage(e.message);
      if (!path) {
        general.push(pointer ? `${pointerToPath(pointer)}: ${message}` : message);
        continue;
      }
      const wrapper = this.element.querySelector(`[data-field="${CSS.escape(path)}"]`);
      const box = wrapper?.querySelector(':scope > .ws-field-error');
      if (!wrapper || !box) {
        general.push(message);
        continue;
      }
      wrapper.classList.add('ws-invalid');
      this.control(path)?.setAttribute('aria-invalid', 'true');
      box.append(el('div', {}, message));
    }
    if (general.length) {
      this.formError.hidden = false;
      fill(this.formError, ...general.map((g) => el('div', {}, g)));
    }
    return rest;
  }

  focusFirstError(): void {
    (this.element.querySelector('[aria-invalid="true"]') as HTMLElement | null)?.focus();
  }
}
