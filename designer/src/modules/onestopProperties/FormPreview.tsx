// Draws the form a JSON Schema generates (see formFields.ts), roughly as the
// citizen portal or the department's software would: labels, required marks,
// hints, the right input for each type. A preview only: nothing is sent.

import { t } from '../../../../web/shared/i18n/i18n.js';
import type { FormField } from '../../../../web/shared/forms/formFields.js';

const INPUT_TYPES: Partial<Record<FormField['kind'], string>> = {
  text: 'text',
  email: 'email',
  url: 'url',
  tel: 'tel',
  // Dates as the workspace's form takes them (dd/mm/yyyy), never the browser's own picker and its locale's order.
  date: 'text',
  datetime: 'text',
  time: 'time',
  number: 'number',
  integer: 'number',
};

/** The workspace's date fields say the same (web/workspace/widgets/schemaForm.ts). */
const DATE_PLACEHOLDERS: Partial<Record<FormField['kind'], string>> = {
  date: 'dd/mm/yyyy',
  datetime: 'dd/mm/yyyy hh:mm',
};

function Label({ field, forId }: { field: FormField; forId: string }) {
  return (
    <label for={forId} class="onestop-preview-label">
      {field.label}
      {field.required ? <span class="onestop-preview-required" title={t('form.required')}> *</span> : null}
    </label>
  );
}

function Field({ field }: { field: FormField }) {
  const id = `onestop-preview-${field.path.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const hint = field.description ? <div class="onestop-preview-hint">{field.description}</div> : null;

  switch (field.kind) {
    case 'group':
      return (
        <fieldset class="onestop-preview-group" data-field={field.path}>
          <legend>{field.label}</legend>
          {hint}
          {(field.children ?? []).map((child) => <Field key={child.path} field={child} />)}
        </fieldset>
      );
    case 'list':
      return (
        <fieldset class="onestop-preview-group onestop-preview-list" data-field={field.path}>
          <legend>{field.label}{field.required ? <span class="onestop-preview-required"> *</span> : null}</legend>
          <div class="onestop-preview-hint">{t('preview.list', { count: field.minItems ?? 0 })}</div>
          {hint}
          {(field.children ?? []).map((child) => <Field key={child.path} field={child} />)}
        </fieldset>
      );
    case 'checkbox':
      return (
        <div class="onestop-preview-field onestop-preview-checkbox" data-field={field.path}>
          <input id={id} type="checkbox" />
          <Label field={field} forId={id} />
          {hint}
        </div>
      );
    case 'select':
      return (
        <div class="onestop-preview-field" data-field={field.path}>
          <Label field={field} forId={id} />
          <select id={id}>
            <option value="">{t('form.choose')}</option>
            {(field.options ?? []).map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>
          {hint}
        </div>
      );
    case 'textarea':
      return (
        <div class="onestop-preview-field" data-field={field.path}>
          <Label field={field} forId={id} />
          <textarea id={id} rows={3} />
          {hint}
        </div>
      );
    case 'other':
      return (
        <div class="onestop-preview-field" data-field={field.path}>
          <Label field={field} forId={id} />
          <div class="onestop-preview-hint">{t('preview.unsupported', { type: field.type ?? 'any' })}</div>
          {hint}
        </div>
      );
    default:
      return (
        <div class="onestop-preview-field" data-field={field.path}>
          <Label field={field} forId={id} />
          <input
            id={id}
            type={INPUT_TYPES[field.kind] ?? 'text'}
            {...(DATE_PLACEHOLDERS[field.kind] ? { placeholder: DATE_PLACEHOLDERS[field.kind], inputMode: 'numeric' } : {})}
            {...(field.kind === 'integer' ? { step: 1 } : field.kind === 'number' ? { step: 'any' } : {})}
            {...(field.min !== undefined ? { min: field.min } : {})}
            {...(field.max !== undefined ? { max: field.max } : {})}
            {...(field.pattern ? { pattern: field.pattern } : {})}
          />
          {hint}
        </div>
      );
  }
}

export function FormPreview({ fields }: { fields: FormField[] }) {
  return (
    <form class="onestop-form-preview" onSubmit={(e) => e.preventDefault()} noValidate>
      {fields.map((field) => <Field key={field.path} field={field} />)}
    </form>
  );
}
