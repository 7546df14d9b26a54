// A form generated from a step's (or a procedure's start) JSON Schema,
// rendered by react-jsonschema-form (@rjsf/core, on Preact through
// preact/compat, see designer/build.mjs). RJSF owns the fields, their state
// and the typed JSON they produce; this module gives it the workspace's
// look (one `.ws-field` per field, its error under it), Vietnamese dates, and
// the server's rules: the data is checked in the browser with the very
// validator the server runs (engine/forms/formValidator.ts: ajv, same
// drafts, same formats, undeclared fields refused), never with RJSF's own,
// and the server's errors are shown on the fields they name.

import Form from '@rjsf/core';
import type { FieldTemplateProps, ObjectFieldTemplateProps, RJSFSchema, UiSchema, WidgetProps } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import { h, render, type ComponentChildren } from 'preact';
import { compileForm, type FormValidator } from '../../../engine/forms/formValidator.js';
import { el, fill } from '../../shared/dom.js';
import { fieldMessage } from '../../shared/forms/fieldMessage.js';
import { formFields, type FormField } from '../../shared/forms/formFields.js';
import { fieldForPointer, pointerToPath } from '../../shared/forms/formPaths.js';
import { formatDate, formatDateTime, parseVnDate, parseVnDateTime } from '../../shared/format.js';
import { tr } from '../../shared/i18n/i18n.js';

export interface FieldError {
  /** JSON pointer inside the form's data ('' for the whole form). */
  path: string;
  message: string;
}

export interface SchemaFormOptions {
  /** Prefix of the inputs' ids, unique on the page. */
  id: string;
  values?: Record<string, unknown>;
  disabled?: boolean;
}

type Data = Record<string, unknown>;

/** RJSF's path of a field (["items", 2, "name"]) as the form's field path ("items[].name"). */
function fieldPath(path: ReadonlyArray<string | number>): string {
  const out: string[] = [];
  for (const part of path) {
    if (typeof part === 'number') {
      if (out.length) out[out.length - 1] += '[]';
    } else out.push(part);
  }
  return out.join('.');
}

// Dates are typed as Vietnamese write them (dd/mm/yyyy, dd/mm/yyyy hh:mm),
// whatever the browser's locale, and kept as JSON Schema's formats want
// them; text that is no date is kept as typed, for the validator to flag.
function vnDateWidget(kind: 'date' | 'datetime') {
  const parse = kind === 'date' ? parseVnDate : parseVnDateTime;
  const show = (value: unknown): string => {
    if (typeof value !== 'string') return '';
    if (kind === 'date') return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : value;
    return Number.isNaN(Date.parse(value)) ? value : formatDateTime(value);
  };
  return function VnDateWidget(props: WidgetProps) {
    return h('input', {
      id: props.id,
      type: 'text',
      inputMode: 'numeric',
      placeholder: kind === 'date' ? 'dd/mm/yyyy' : 'dd/mm/yyyy hh:mm',
      'data-kind': kind,
      disabled: props.disabled || props.readonly,
      value: show(props.value),
      onInput: (event: Event) => {
        const text = (event.target as HTMLInputElement).value;
        props.onChange(text.trim() === '' ? undefined : parse(text) ?? text.trim());
      },
    });
  };
}

/** One field: its label, the control RJSF chose, the hint and the place for its errors. */
function FieldTemplate(props: FieldTemplateProps) {
  const path = fieldPath(props.fieldPathId.path);
  if (!path) return props.children as unknown as ComponentChildren; // the form itself
  if (props.hidden) return h('div', { hidden: true }, props.children as unknown as ComponentChildren);
  const group = props.schema.type === 'object';
  const label = props.displayLabel && !group
    ? h('label', { for: props.id }, props.label, props.required ? h('span', { class: 'ws-required', title: tr('form.required') }, ' *') : null)
    : null;
  return h(group ? 'fieldset' : 'div', {
    class: `ws-field${group ? ' ws-group' : ''}${props.schema.type === 'boolean' ? ' ws-checkbox' : ''}`,
    'data-field': path,
  },
  group ? h('legend', {}, props.label) : null,
  label,
  props.children as unknown as ComponentChildren,
  props.rawDescription ? h('div', { class: 'ws-hint' }, props.rawDescription) : null,
  // Filled by SchemaForm.showErrors (RJSF's own validation is off): Preact leaves what it did not render.
  h('div', { class: 'ws-field-error', role: 'alert' }));
}

/** An object's fields one after the other (the form's own title and description are the page's business). */
function ObjectFieldTemplate(props: ObjectFieldTemplateProps) {
  return props.properties.map((p) => p.content) as unknown as ComponentChildren;
}

/** Labels and descriptions are drawn by FieldTemplate; errors under each field, never in a list. */
const none = () => null;

/** The widgets the designer's preview promises (web/shared/forms/formFields.ts): long text in a box. */
function uiSchemaOf(fields: FormField[]): UiSchema {
  const ui: UiSchema = {};
  for (const field of fields) {
    const name = field.path.split('.').pop()!;
    if (field.kind === 'textarea') ui[name] = { 'ui:widget': 'textarea', 'ui:options': { rows: 3 } };
    else if (field.kind === 'select' && field.radio) ui[name] = { 'ui:widget': 'radio' };
    else if (field.kind === 'group') ui[name] = uiSchemaOf(field.children ?? []);
  }
  return ui;
}

/** Unticked boxes say false (not "no answer"): a required yes/no is answered by leaving it unticked. */
function withUntickedBoxes(fields: FormField[], values: Data): Data {
  const out: Data = { ...values };
  for (const field of fields) {
    const name = field.path.split('.').pop()!;
    if (field.kind === 'checkbox' && out[name] === undefined) out[name] = false;
    if (field.kind === 'group') out[name] = withUntickedBoxes(field.children ?? [], (out[name] as Data | undefined) ?? {});
  }
  return out;
}

const TEMPLATES = {
  FieldTemplate,
  ObjectFieldTemplate,
  ErrorListTemplate: none,
  DescriptionFieldTemplate: none,
  TitleFieldTemplate: none,
  FieldErrorTemplate: none,
  ButtonTemplates: { SubmitButton: none },
};
const WIDGETS = { DateWidget: vnDateWidget('date'), DateTimeWidget: vnDateWidget('datetime') };

export class SchemaForm {
  readonly element: HTMLElement;
  private readonly fields: FormField[];
  private readonly known = new Set<string>();
  private readonly validator: FormValidator;
  private readonly formError: HTMLElement;
  private data: Data;
  /** The rendered RJSF form: its state holds the data, defaults included. */
  private form: { state: { formData?: Data } } | null = null;

  constructor(private readonly schema: Record<string, unknown> | null, private readonly options: SchemaFormOptions) {
    this.fields = schema ? formFields(schema) : [];
    const collect = (fields: FormField[]) => fields.forEach((f) => {
      this.known.add(f.path);
      collect(f.children ?? []);
    });
    collect(this.fields);
    this.validator = compileForm(schema);
    this.data = withUntickedBoxes(this.fields, options.values ?? {});
    this.formError = el('div', { class: 'ws-form-error', role: 'alert', hidden: true });
    const host = el('div', { class: 'ws-schema-fields' });
    this.element = el('div', { class: 'ws-schema-form' },
      this.formError,
      this.fields.length ? host : el('p', { class: 'ws-muted' }, tr('form.noFields')));
    if (this.fields.length) this.render(host);
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

  /** Once: from then on RJSF keeps the data in its own state, as the user types. */
  private render(host: HTMLElement): void {
    render(h(Form as never, {
      tagName: 'div',
      schema: this.schema as RJSFSchema,
      uiSchema: { ...uiSchemaOf(this.fields), 'ui:submitButtonOptions': { norender: true } },
      formData: this.data,
      validator,
      noValidate: true,
      noHtml5Validate: true,
      // A choice of consts (oneOf) starts unchosen: the officer picks, no first option is picked for them.
      experimental_defaultFormStateBehavior: { constAsDefaults: 'never' },
      showErrorList: false,
      idPrefix: this.options.id,
      idSeparator: '-',
      disabled: this.options.disabled ?? false,
      templates: TEMPLATES,
      widgets: WIDGETS,
      onChange: (event: { formData?: Data }) => {
        if (event.formData) this.data = event.formData;
      },
      ref: (form: typeof this.form) => {
        this.form = form;
      },
    }), host);
    // The fields are the form element's children: `[data-form=…] > .ws-field`.
    host.firstElementChild?.setAttribute('data-form', this.options.id);
  }

  /** The data as typed JSON: empty fields left out, unticked boxes false. */
  values(): Data {
    const data = this.form?.state.formData ?? this.data;
    return JSON.parse(JSON.stringify(data ?? {})) as Data;
  }

  /** Validates in the browser (the server's rules); shows and returns the errors. */
  validate(): FieldError[] {
    const errors = this.validator(this.values());
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
      const wrapper = path ? this.element.querySelector(`[data-field="${CSS.escape(path)}"]`) : null;
      const box = wrapper?.querySelector(':scope > .ws-field-error');
      if (!wrapper || !box) {
        general.push(pointer && !path ? `${pointerToPath(pointer)}: ${message}` : message);
        continue;
      }
      wrapper.classList.add('ws-invalid');
      wrapper.querySelector(`#${CSS.escape(`${this.options.id}-${path!.replace(/\[\]/g, '').replace(/\./g, '-')}`)}`)?.setAttribute('aria-invalid', 'true');
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
