// The form builder: a dialog where an analyst adds, orders and describes the
// fields of a step's (or the reception's) form and its cross-field rules,
// with a live preview, and saves it as the JSON Schema the workspace and the
// server use (formModel.ts does the conversion). No JSON is typed.
//
// Why not bpmn-io's form-js editor: its palette and its properties panel
// write their English labels directly (no translate service to hook), so the
// analyst would read English in a Vietnamese page, and its form format would
// need a second conversion to the JSON Schema the server validates.

import { h, render } from '@bpmn-io/properties-panel/preact';
import { formSchemaError } from '../../../../engine/bpmn/extensionReader/formSchemaCheck.js';
import { nonLinearPattern } from '../../../../engine/forms/linearRegExp.js';
import { ruleExpressionProblem } from '../../../../engine/forms/formRules.js';
import { el } from '../../../../web/shared/dom.js';
import { formFields } from '../../../../web/shared/forms/formFields.js';
import { t, type DesignerKey } from '../../../../web/shared/i18n/i18n.js';
import { FormPreview } from '../onestopProperties/FormPreview.js';
import './formBuilder.css';
import {
  BUILDER_FIELD_TYPES,
  comparisonRule,
  formToSchema,
  keyFromLabel,
  keyProblem,
  readComparison,
  schemaToForm,
  type BuilderField,
  type BuilderFieldType,
  type BuilderForm,
  type Comparison,
  type FormItem,
} from './formModel.js';

const COMPARISONS: Comparison[] = ['after', 'notBefore', 'before', 'notAfter', 'equal', 'different'];

export interface BuilderOptions {
  /** The element's name, for the dialog's title. */
  name: string;
  /** The stored schema text ('' for none). */
  schemaText: string;
  /** Writes the new schema text (one undoable command). */
  save(text: string): void;
}

const typeLabel = (type: FormItem['type']) => t(`builder.type.${type}` as DesignerKey);

function numberOrUndefined(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const value = Number(text.replace(',', '.'));
  return Number.isFinite(value) ? value : undefined;
}

export class FormBuilder {
  readonly dialog: HTMLDialogElement;
  private form: BuilderForm;
  private selected = 0;
  /** Fields whose key still follows their label (new fields, until the key is edited by hand). */
  private readonly autoKeys = new Set<FormItem>();
  private readonly list: HTMLElement;
  private readonly editor: HTMLElement;
  private readonly rules: HTMLElement;
  private readonly preview: HTMLElement;
  private readonly problems: HTMLElement;
  private readonly saveButton: HTMLButtonElement;
  private readonly unreadable: boolean;

  constructor(private readonly options: BuilderOptions) {
    let parsed: unknown = null;
    let unreadable = false;
    if (options.schemaText.trim()) {
      try {
        parsed = JSON.parse(options.schemaText);
      } catch {
        unreadable = true;
      }
    }
    this.unreadable = unreadable;
    this.form = schemaToForm(parsed);

    const titleInput = el('input', { id: 'od-fb-title', type: 'text', value: this.form.title ?? '', placeholder: t('builder.formTitlePlaceholder') }) as HTMLInputElement;
    titleInput.addEventListener('input', () => {
      this.form.title = titleInput.value.trim() || undefined;
      this.refresh();
    });

    const palette = el('div', { class: 'od-fb-palette', role: 'group', 'aria-label': t('builder.addField') },
      ...BUILDER_FIELD_TYPES.map((type) => {
        const button = el('button', { type: 'button', class: 'od-fb-add', 'data-type': type }, `+ ${typeLabel(type)}`);
        button.addEventListener('click', () => this.addField(type));
        return button;
      }));

    this.list = el('ol', { class: 'od-fb-list' });
    this.editor = el('div', { class: 'od-fb-editor' });
    this.rules = el('div', { class: 'od-fb-rules' });
    this.preview = el('div', { class: 'od-fb-preview' });
    this.problems = el('ul', { class: 'od-fb-problems', role: 'status' });
    this.saveButton = el('button', { type: 'button', class: 'od-primary od-fb-save' }, t('builder.save')) as HTMLButtonElement;
    this.saveButton.addEventListener('click', () => this.save());
    const cancel = el('button', { type: 'button', class: 'od-fb-cancel' }, t('builder.cancel'));
    cancel.addEventListener('click', () => this.close());

    const addRule = el('button', { type: 'button', class: 'od-fb-add-rule' }, `+ ${t('builder.addRule')}`);
    addRule.addEventListener('click', () => {
      const dates = this.fields().filter((f) => f.type === 'date');
      const [first, second] = dates.length >= 2 ? dates : this.fields();
      const field = second?.key ?? first?.key ?? '';
      const other = first?.key ?? '';
      this.form.rules.push({ when: field && other ? comparisonRule(field, 'after', other) : '', field: field || undefined, message: '' });
      this.renderRules();
      this.refresh();
    });

    this.dialog = el('dialog', { class: 'od-form-builder', 'aria-label': t('builder.title', { name: options.name }) },
      el('header', { class: 'od-fb-header' },
        el('h2', {}, t('builder.title', { name: options.name })),
        el('label', { for: 'od-fb-title' }, t('builder.formTitle')),
        titleInput),
      unreadable ? el('p', { class: 'od-fb-warning' }, t('builder.unreadable')) : null,
      el('div', { class: 'od-fb-columns' },
        el('section', { class: 'od-fb-column' }, el('h3', {}, t('builder.addField')), palette, el('h3', {}, t('builder.fields')), this.list),
        el('section', { class: 'od-fb-column' }, el('h3', {}, t('builder.fieldProperties')), this.editor),
        el('section', { class: 'od-fb-column' },
          el('h3', {}, t('builder.rules')),
          el('p', { class: 'od-fb-hint' }, t('builder.rulesHint')),
          this.rules, addRule,
          el('h3', {}, t('builder.preview')), this.preview)),
      el('footer', { class: 'od-fb-footer' }, this.problems, el('div', { class: 'od-dialog-buttons' }, cancel, this.saveButton))) as HTMLDialogElement;
    this.dialog.addEventListener('close', () => this.dialog.remove());
    this.renderList();
    this.renderEditor();
    this.renderRules();
    this.refresh();
  }

  open(): void {
    document.body.append(this.dialog);
    this.dialog.showModal();
  }

  close(): void {
    if (this.dialog.open) this.dialog.close();
    this.dialog.remove();
  }

  private fields(): BuilderField[] {
    return this.form.items.filter((i): i is BuilderField => i.type !== 'kept');
  }

  private addField(type: BuilderFieldType): void {
    const taken = new Set(this.form.items.map((i) => i.key));
    const label = `${typeLabel(type)} ${this.form.items.length + 1}`;
    const field: BuilderField = { key: keyFromLabel(label, taken), type, label, required: false };
    if (type === 'select' || type === 'radio') field.options = [{ value: t('builder.optionDefault', { n: 1 }), label: t('builder.optionDefault', { n: 1 }) }];
    this.form.items.push(field);
    this.autoKeys.add(field);
    this.selected = this.form.items.length - 1;
    this.renderList();
    this.renderEditor();
    this.renderRules();
    this.refresh();
    (this.editor.querySelector('#od-fb-label') as HTMLInputElement | null)?.select();
  }

  private move(index: number, by: number): void {
    const to = index + by;
    if (to < 0 || to >= this.form.items.length) return;
    const [item] = this.form.items.splice(index, 1);
    this.form.items.splice(to, 0, item!);
    this.selected = to;
    this.renderList();
    this.refresh();
  }

  private remove(index: number): void {
    const [item] = this.form.items.splice(index, 1);
    this.autoKeys.delete(item!);
    this.selected = Math.min(this.selected, this.form.items.length - 1);
    this.renderList();
    this.renderEditor();
    this.renderRules();
    this.refresh();
  }

  private renderList(): void {
    this.list.replaceChildren(...this.form.items.map((item, index) => {
      const up = el('button', { type: 'button', class: 'od-fb-icon', title: t('builder.moveUp'), 'aria-label': t('builder.moveUp') }, '↑');
      const down = el('button', { type: 'button', class: 'od-fb-icon', title: t('builder.moveDown'), 'aria-label': t('builder.moveDown') }, '↓');
      const remove = el('button', { type: 'button', class: 'od-fb-icon od-fb-remove', title: t('builder.removeField'), 'aria-label': t('builder.removeField') }, '×');
      up.addEventListener('click', () => this.move(index, -1));
      down.addEventListener('click', () => this.move(index, 1));
      remove.addEventListener('click', () => this.remove(index));
      const pick = el('button', { type: 'button', class: 'od-fb-pick' },
        el('span', { class: 'od-fb-field-label' }, `${item.label}${item.required ? ' *' : ''}`),
        el('small', {}, typeLabel(item.type)));
      pick.addEventListener('click', () => {
        this.selected = index;
        this.renderList();
        this.renderEditor();
      });
      return el('li', { class: `od-fb-field${index === this.selected ? ' selected' : ''}`, 'data-key': item.key }, pick, up, down, remove);
    }));
    if (!this.form.items.length) this.list.append(el('li', { class: 'od-muted' }, t('builder.noFields')));
  }

  private input(id: string, label: string, value: string, onInput: (value: string, input: HTMLInputElement) => void, extra: Record<string, string> = {}): HTMLElement {
    const input = el('input', { id, type: 'text', value, ...extra }) as HTMLInputElement;
    input.addEventListener('input', () => onInput(input.value, input));
    return el('div', { class: 'od-fb-entry' }, el('label', { for: id }, label), input);
  }

  private renderEditor(): void {
    const item = this.form.items[this.selected];
    if (!item) {
      this.editor.replaceChildren(el('p', { class: 'od-muted' }, t('builder.pickField')));
      return;
    }
    const changed = () => {
      this.renderListLabels();
      this.refresh();
    };
    const entries: Array<HTMLElement | string> = [];
    entries.push(this.input('od-fb-label', t('builder.label'), item.label, (value) => {
      item.label = value;
      // A hand-written field is written back as it was, with its new title.
      if (item.type === 'kept') item.schema = { ...item.schema, title: value };
      if (this.autoKeys.has(item)) {
        const others = new Set(this.form.items.filter((i) => i !== item).map((i) => i.key));
        this.renameKey(item, keyFromLabel(value, others));
        (this.editor.querySelector('#od-fb-key') as HTMLInputElement).value = item.key;
      }
      changed();
    }));
    entries.push(this.input('od-fb-key', t('builder.key'), item.key, (value) => {
      this.autoKeys.delete(item);
      this.renameKey(item, value.trim());
      changed();
    }, { spellcheck: 'false' }));
    entries.push(el('p', { class: 'od-fb-hint' }, t('builder.keyHint')));
    const required = el('input', { id: 'od-fb-required', type: 'checkbox' }) as HTMLInputElement;
    required.checked = item.required;
    required.addEventListener('change', () => {
      item.required = required.checked;
      changed();
    });
    entries.push(el('div', { class: 'od-fb-entry od-fb-check' }, required, el('label', { for: 'od-fb-required' }, t('builder.required'))));

    if (item.type === 'kept') {
      entries.push(el('p', { class: 'od-fb-hint' }, t('builder.keptHint')));
      this.editor.replaceChildren(...entries);
      return;
    }
    const field = item;
    entries.push(this.input('od-fb-description', t('builder.description'), field.description ?? '', (value) => {
      field.description = value.trim() || undefined;
      changed();
    }));
    if (field.type !== 'checkbox') {
      entries.push(this.input('od-fb-message', t('builder.message'), field.message ?? '', (value) => {
        field.message = value.trim() || undefined;
        changed();
      }, { placeholder: t('builder.messagePlaceholder') }));
    }
    if (field.type === 'text' || field.type === 'textarea') {
      entries.push(this.input('od-fb-pattern', t('builder.pattern'), field.pattern ?? '', (value) => {
        field.pattern = value || undefined;
        changed();
      }, { spellcheck: 'false', placeholder: '^[0-9]{12}$' }));
      entries.push(el('div', { class: 'od-fb-pair' },
        this.input('od-fb-minLength', t('builder.minLength'), String(field.minLength ?? ''), (value) => {
          field.minLength = numberOrUndefined(value);
          changed();
        }, { inputmode: 'numeric' }),
        this.input('od-fb-maxLength', t('builder.maxLength'), String(field.maxLength ?? ''), (value) => {
          field.maxLength = numberOrUndefined(value);
          changed();
        }, { inputmode: 'numeric' })));
    }
    if (field.type === 'number' || field.type === 'integer') {
      entries.push(el('div', { class: 'od-fb-pair' },
        this.input('od-fb-minimum', t('builder.minimum'), String(field.minimum ?? ''), (value) => {
          field.minimum = numberOrUndefined(value);
          changed();
        }, { inputmode: 'decimal' }),
        this.input('od-fb-maximum', t('builder.maximum'), String(field.maximum ?? ''), (value) => {
          field.maximum = numberOrUndefined(value);
          changed();
        }, { inputmode: 'decimal' })));
    }
    if (field.type === 'select' || field.type === 'radio') entries.push(this.optionsEditor(field, changed));
    this.editor.replaceChildren(...entries);
  }

  private optionsEditor(field: BuilderField, changed: () => void): HTMLElement {
    const box = el('div', { class: 'od-fb-options' }, el('div', { class: 'od-fb-options-title' }, t('builder.options')));
    const options = field.options ?? (field.options = []);
    options.forEach((option, i) => {
      const label = el('input', { type: 'text', value: option.label, 'aria-label': t('builder.optionLabel'), placeholder: t('builder.optionLabel') }) as HTMLInputElement;
      const value = el('input', { type: 'text', value: option.value, 'aria-label': t('builder.optionValue'), placeholder: t('builder.optionValue'), spellcheck: 'false' }) as HTMLInputElement;
      label.addEventListener('input', () => {
        // The stored value follows the label until it is set apart on purpose.
        if (option.value === option.label) {
          option.value = label.value;
          value.value = label.value;
        }
        option.label = label.value;
        changed();
      });
      value.addEventListener('input', () => {
        option.value = value.value;
        changed();
      });
      const remove = el('button', { type: 'button', class: 'od-fb-icon od-fb-remove', title: t('builder.removeOption'), 'aria-label': t('builder.removeOption') }, '×');
      remove.addEventListener('click', () => {
        options.splice(i, 1);
        this.renderEditor();
        changed();
      });
      box.append(el('div', { class: 'od-fb-option' }, label, value, remove));
    });
    const add = el('button', { type: 'button', class: 'od-fb-add-option' }, `+ ${t('builder.addOption')}`);
    add.addEventListener('click', () => {
      const text = t('builder.optionDefault', { n: options.length + 1 });
      options.push({ value: text, label: text });
      this.renderEditor();
      changed();
    });
    box.append(add);
    return box;
  }

  /** A key change follows into the rules that name the field. */
  private renameKey(item: FormItem, next: string): void {
    const before = item.key;
    item.key = next;
    if (!before || before === next) return;
    const word = new RegExp(`\\b${before.replace(/[$]/g, '\\$&')}\\b`, 'g');
    for (const rule of this.form.rules) {
      if (rule.field === before) rule.field = next;
      rule.when = rule.when.replace(word, next);
    }
    this.renderRules();
  }

  private renderListLabels(): void {
    this.form.items.forEach((item, i) => {
      const row = this.list.children[i] as HTMLElement | undefined;
      if (!row) return;
      row.dataset.key = item.key;
      const label = row.querySelector('.od-fb-field-label');
      if (label) label.textContent = `${item.label}${item.required ? ' *' : ''}`;
    });
  }

  private fieldSelect(className: string, label: string, value: string | undefined, onChange: (key: string) => void): HTMLSelectElement {
    const select = el('select', { class: className, 'aria-label': label },
      el('option', { value: '' }, t('builder.chooseField')),
      ...this.fields().map((f) => el('option', { value: f.key }, f.label))) as HTMLSelectElement;
    select.value = value ?? '';
    select.addEventListener('change', () => onChange(select.value));
    return select;
  }

  private renderRules(): void {
    this.rules.replaceChildren(...this.form.rules.map((rule, i) => {
      const parsed = readComparison(rule.when);
      const feel = el('input', { type: 'text', class: 'od-fb-rule-when', value: rule.when, spellcheck: 'false', 'aria-label': t('builder.ruleWhen') }) as HTMLInputElement;
      const comparison = el('select', { class: 'od-fb-rule-comparison', 'aria-label': t('builder.ruleComparison') },
        el('option', { value: '' }, t('builder.comparison.custom')),
        ...COMPARISONS.map((c) => el('option', { value: c }, t(`builder.comparison.${c}` as DesignerKey)))) as HTMLSelectElement;
      comparison.value = parsed?.comparison ?? '';
      let left = parsed?.field ?? rule.field;
      let other = parsed?.other;
      const rewrite = () => {
        if (left && other && comparison.value) {
          rule.when = comparisonRule(left, comparison.value as Comparison, other);
          feel.value = rule.when;
        }
        rule.field = left || undefined;
        this.refresh();
      };
      const leftSelect = this.fieldSelect('od-fb-rule-field', t('builder.ruleField'), left, (key) => {
        left = key;
        rewrite();
      });
      const otherSelect = this.fieldSelect('od-fb-rule-other', t('builder.ruleOther'), other, (key) => {
        other = key;
        rewrite();
      });
      comparison.addEventListener('change', rewrite);
      feel.addEventListener('input', () => {
        rule.when = feel.value;
        const read = readComparison(feel.value);
        comparison.value = read?.comparison ?? '';
        if (read) {
          leftSelect.value = left = read.field;
          otherSelect.value = other = read.other;
          rule.field = read.field;
        }
        this.refresh();
      });
      const message = el('input', { type: 'text', class: 'od-fb-rule-message', value: rule.message, 'aria-label': t('builder.ruleMessage'), placeholder: t('builder.ruleMessagePlaceholder') }) as HTMLInputElement;
      message.addEventListener('input', () => {
        rule.message = message.value;
        this.refresh();
      });
      const remove = el('button', { type: 'button', class: 'od-fb-icon od-fb-remove', title: t('builder.removeRule'), 'aria-label': t('builder.removeRule') }, '×');
      remove.addEventListener('click', () => {
        this.form.rules.splice(i, 1);
        this.renderRules();
        this.refresh();
      });
      return el('div', { class: 'od-fb-rule', 'data-rule': String(i) },
        el('div', { class: 'od-fb-rule-line' }, leftSelect, comparison, otherSelect, remove),
        el('label', {}, t('builder.ruleMessage'), message),
        el('label', { class: 'od-fb-rule-feel' }, t('builder.ruleWhen'), feel));
    }));
  }

  /** The builder's own checks, in the page's language; the schema check last. */
  private problemsOf(): string[] {
    const out: string[] = [];
    const keys = this.form.items.map((i) => i.key);
    this.form.items.forEach((item, i) => {
      const others = new Set(keys.filter((_, j) => j !== i));
      const problem = keyProblem(item.key, others);
      if (problem) out.push(t(`builder.problem.key.${problem}` as DesignerKey, { field: item.label || String(i + 1) }));
      if (item.type === 'select' || item.type === 'radio') {
        if (!item.options?.length) out.push(t('builder.problem.noOptions', { field: item.label }));
      }
      if (item.type !== 'kept' && item.pattern) {
        let bad = nonLinearPattern(item.pattern) !== null;
        try {
          new RegExp(item.pattern, 'u');
        } catch {
          bad = true;
        }
        if (bad) out.push(t('builder.problem.pattern', { field: item.label }));
      }
    });
    this.form.rules.forEach((rule, i) => {
      if (!rule.when.trim() || ruleExpressionProblem(rule.when)) out.push(t('builder.problem.ruleWhen', { n: i + 1 }));
      if (!rule.message.trim()) out.push(t('builder.problem.ruleMessage', { n: i + 1 }));
    });
    if (!out.length) {
      const detail = formSchemaError(JSON.stringify(formToSchema(this.form)));
      if (detail) out.push(t('builder.problem.schema', { detail }));
    }
    return out;
  }

  private refresh(): void {
    const problems = this.problemsOf();
    this.problems.replaceChildren(...problems.map((p) => el('li', {}, p)));
    this.saveButton.disabled = problems.length > 0;
    render(h(FormPreview, { fields: formFields(formToSchema(this.form)) }), this.preview);
  }

  private save(): void {
    if (this.problemsOf().length) return;
    this.options.save(this.form.items.length || this.form.rules.length ? `${JSON.stringify(formToSchema(this.form), null, 2)}` : '');
    this.close();
  }
}

