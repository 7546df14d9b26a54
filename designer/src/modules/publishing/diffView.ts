// The diff of two versions (GET /api/procedures/{code}/diff) as a dialog:
// the elements added, removed and changed by name and id, the departments,
// deadlines and forms, in the reader's language. "Mark on the diagram" hands
// the changed element ids back to the page (the visual diff).

import type { components } from '../../../../web/shared/api/schema.js';
import { el } from '../../../../web/shared/dom.js';
import { t, type DesignerKey } from '../../../../web/shared/i18n/i18n.js';
import { splitDuration } from '../onestopProperties/durationInput.js';

type VersionDiff = components['schemas']['VersionDiff'];

/** P2D → "2 ngày làm việc", PT8H → "8 giờ làm việc" (steps count working time unless the file says otherwise). */
export function deadlineText(iso: string | null): string {
  if (!iso) return t('diff.none');
  const split = splitDuration(iso, 'working');
  if (!split || split === 'invalid' || split.unit === 'M') return iso;
  const amount = t(split.unit === 'D' ? 'duration.days' : 'duration.hours', { n: String(split.amount).replace('.', ',') });
  return t('duration.working', { amount });
}

/** An element by its name; the id (kept on the item's data-element-id) only when it has none. */
const named = (name: string, id: string | null) => (name && name !== id ? name : id ?? name);
const arrow = (from: string, to: string) => `${from} → ${to}`;

function section(title: string, items: Node[]): HTMLElement[] {
  if (!items.length) return [];
  return [el('h3', {}, title), el('ul', { class: 'od-diff-list' }, ...items)];
}

function elementItems(diff: VersionDiff): Node[] {
  const { added, removed, changed } = diff.elements;
  return [
    ...added.map((e) => el('li', { class: 'od-diff-added', 'data-element-id': e.id }, el('strong', {}, `${t('diff.added')}: `), named(e.name, e.id))),
    ...removed.map((e) => el('li', { class: 'od-diff-removed', 'data-element-id': e.id }, el('strong', {}, `${t('diff.removed')}: `), named(e.name, e.id))),
    ...changed.map((e) => el('li', { class: 'od-diff-changed', 'data-element-id': e.id },
      el('strong', {}, `${t('diff.changed')}: `), named(e.name, e.id),
      ` (${e.aspects.map((a) => t(`diff.aspect.${a}` as DesignerKey)).join(', ')}${e.previousName ? `; ${t('diff.renamed', { name: e.previousName })}` : ''})`)),
  ];
}

function formText(f: VersionDiff['forms'][number]): string {
  if (f.change === 'added') return t('diff.formAdded');
  if (f.change === 'removed') return t('diff.formRemoved');
  const parts = [
    f.fields.added.length ? t('diff.fieldsAdded', { fields: f.fields.added.join(', ') }) : '',
    f.fields.removed.length ? t('diff.fieldsRemoved', { fields: f.fields.removed.join(', ') }) : '',
    f.fields.changed.length ? t('diff.fieldsChanged', { fields: f.fields.changed.join(', ') }) : '',
  ].filter(Boolean);
  return parts.join('; ') || t('diff.aspect.form');
}

/** The ids to mark on the diagram: every element added or changed. */
export function changedIds(diff: VersionDiff): string[] {
  return [...new Set([...diff.elements.added.map((e) => e.id), ...diff.elements.changed.map((e) => e.id)])];
}

export function showDiff(diff: VersionDiff, onMark: ((ids: string[]) => void) | null): HTMLDialogElement {
  const body: HTMLElement[] = diff.same
    ? [el('p', { class: 'od-diff-same' }, t('diff.same'))]
    : [
      ...section(t('diff.elements'), elementItems(diff)),
      ...section(t('diff.departments'), diff.departments.map((d) => el('li', { 'data-element-id': d.id }, `${named(d.name, d.id)}: ${arrow(d.from ?? t('diff.none'), d.to ?? t('diff.none'))}`))),
      ...section(t('diff.deadlines'), diff.deadlines.map((d) => el('li', d.id ? { 'data-element-id': d.id } : {}, `${d.id ? named(d.name, d.id) : t('diff.wholeProcedure')}: ${arrow(deadlineText(d.from), deadlineText(d.to))}`))),
      ...section(t('diff.forms'), diff.forms.map((f) => el('li', f.id ? { 'data-element-id': f.id } : {}, `${f.id ? named(f.name, f.id) : t('diff.startForm')}: ${formText(f)}`))),
      ...section(t('diff.procedure'), diff.procedure.map((p) => el('li', {}, `${p.attribute}: ${arrow(p.from ?? t('diff.none'), p.to ?? t('diff.none'))}`))),
    ];
  const close = el('button', { type: 'submit', id: 'diff-close', class: 'od-primary' }, t('diff.close'));
  const buttons: HTMLElement[] = [];
  const ids = changedIds(diff);
  if (onMark && ids.length) {
    const mark = el('button', { type: 'button', id: 'diff-mark' }, t('diff.showOnDiagram'));
    mark.addEventListener('click', () => {
      dialog.close();
      onMark(ids);
    });
    buttons.push(mark);
  }
  const dialog = el('dialog', { id: 'diff-dialog', class: 'od-wide-dialog', 'data-from': String(diff.from), 'data-to': String(diff.to) },
    el('form', { method: 'dialog' },
      el('h2', {}, t('diff.title', { from: diff.from, to: diff.to })),
      el('div', { class: 'od-diff-body' }, ...body),
      el('div', { class: 'od-dialog-buttons' }, ...buttons, close))) as HTMLDialogElement;
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}
