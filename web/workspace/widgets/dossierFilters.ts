// The dossier list's filters: words (code, name, ID number, phone), status,
// procedure, reception period, late only, channel. They live in the page's
// address (`/app/dossiers?status=…&overdue=true`), so applying one is a
// navigation and the list can be reloaded or shared as it is.

import { el, fill } from '../../shared/dom.js';
import { formatDate, parseVnDate } from '../../shared/format.js';
import { tr, type WorkspaceKey } from '../../shared/i18n/i18n.js';
import type { PageContext } from '../pageContext.js';

const STATUSES = ['new', 'received', 'processing', 'supplement_requested', 'awaiting_fees', 'resolved', 'returned', 'refused', 'withdrawn', 'stopped'] as const;
const CHANNELS = ['direct', 'online', 'post'] as const;

export interface DossierFilters {
  element: HTMLElement;
  /** Shows why the server refused the filters (null: clears it). */
  showError(err: unknown): void;
}

export function dossierFilters(ctx: PageContext): DossierFilters {
  const q = ctx.query;
  const id = (name: string) => `ws-filter-${name}`;
  const label = (name: string, key: WorkspaceKey) => el('label', { for: id(name) }, tr(key));
  const search = el('input', { id: id('q'), type: 'search', value: q.get('q') ?? '', maxlength: 100, placeholder: tr('desk.searchLabel'), autocomplete: 'off' });
  const status = el('select', { id: id('status') }, el('option', { value: '' }, tr('common.all')),
    ...STATUSES.map((s) => el('option', { value: s, selected: q.get('status') === s }, tr(`problem.status.${s}` as WorkspaceKey))));
  const procedure = el('select', { id: id('procedure') }, el('option', { value: '' }, tr('common.all')));
  void ctx.procedures().then((list) => procedure.append(...list.map((p) => el('option', { value: p.code, selected: q.get('procedureCode') === p.code }, p.name)))).catch(() => {});
  const from = el('input', { id: id('from'), type: 'text', inputmode: 'numeric', placeholder: 'dd/mm/yyyy', size: 10, value: q.get('from') ? formatDate(q.get('from')) : '' });
  const to = el('input', { id: id('to'), type: 'text', inputmode: 'numeric', placeholder: 'dd/mm/yyyy', size: 10, value: q.get('to') ? formatDate(q.get('to')) : '' });
  const late = el('input', { id: id('late'), type: 'checkbox', checked: q.get('overdue') === 'true' });
  const channel = el('select', { id: id('channel') }, el('option', { value: '' }, tr('common.all')),
    ...CHANNELS.map((c) => el('option', { value: c, selected: q.get('channel') === c }, tr(`channel.${c}` as WorkspaceKey))));
  const error = el('div', { class: 'ws-form-error', id: 'ws-filter-error', role: 'alert', hidden: true });
  const apply = el('button', { type: 'submit', class: 'ws-primary', id: 'ws-filter-apply' }, tr('list.filterApply'));
  const clear = el('button', { type: 'button', id: 'ws-filter-clear', onclick: () => ctx.navigate('/app/dossiers') }, tr('list.filterClear'));
  const field = (...children: Array<HTMLElement>) => el('div', { class: 'ws-field' }, ...children);
  const form = el('form', { class: 'ws-filters', id: 'ws-filters', role: 'search', 'aria-label': tr('list.filters'), novalidate: true },
    field(label('q', 'list.filterSearch'), search),
    field(label('status', 'list.filterStatus'), status),
    field(label('procedure', 'list.filterProcedure'), procedure),
    field(label('from', 'list.filterFrom'), from),
    field(label('to', 'list.filterTo'), to),
    field(label('channel', 'list.filterChannel'), channel),
    el('div', { class: 'ws-field ws-checkbox' }, late, label('late', 'list.filterLate')),
    el('div', { class: 'ws-actions' }, apply, clear),
    error);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const days = [from, to].map((input) => (input.value.trim() ? parseVnDate(input.value) : ''));
    if (days.some((d) => d === null)) {
      error.hidden = false;
      return void fill(error, tr('list.filterDateBad'));
    }
    const next = new URLSearchParams();
    const put = (name: string, value: string | null | undefined) => {
      if (value) next.set(name, value);
    };
    put('q', search.value.trim());
    put('status', status.value);
    put('procedureCode', procedure.value);
    put('from', days[0]);
    put('to', days[1]);
    put('channel', channel.value);
    if (late.checked) next.set('overdue', 'true');
    ctx.navigate(`/app/dossiers${next.size ? `?${next.toString()}` : ''}`);
  });
  return {
    element: form,
    showError(err) {
      error.hidden = !err;
      fill(error, err ? (err as Error).message : null);
    },
  };
}
