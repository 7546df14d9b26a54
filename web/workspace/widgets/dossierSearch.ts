// The desk's search: one box for any part of a dossier code, the applicant's
// name, ID number or phone, answered by the server (GET /api/dossiers?q=,
// a trigram index), the matches listed with their status and dates.

import type { DossierSummary } from '../../shared/api/client.js';
import { el, fill } from '../../shared/dom.js';
import { formatDateTime } from '../../shared/format.js';
import { tr } from '../../shared/i18n/i18n.js';
import type { PageContext } from '../pageContext.js';
import { chip, link, row, table } from './blocks.js';
import { statusChip } from './statusChips.js';

const LIMIT = 50;

/** The rows of a list of dossiers, as the desk and the list page show them. */
export function dossierTable(items: DossierSummary[], id: string): HTMLTableElement {
  return table(
    [tr('list.code'), tr('list.procedure'), tr('list.applicant'), tr('list.status'), tr('list.received'), tr('list.promised'), tr('list.channel')],
    items.map((d) => row([
      link(`/app/dossiers/${encodeURIComponent(d.code)}`, d.code), d.procedureName, d.applicantName ?? '—',
      el('span', {}, statusChip(d.status), d.overdue ? ' ' : null, d.overdue ? chip(tr('list.late'), 'late', { 'data-late': 'true' }) : null),
      formatDateTime(d.receivedAt), formatDateTime(d.dueAt), tr(`channel.${d.channel}` as 'channel.direct'),
    ], { 'data-dossier': d.code })),
    { id, class: 'ws-table ws-card-rows' });
}

export function dossierSearch(ctx: PageContext, initial = ''): HTMLElement {
  const input = el('input', { id: 'ws-find-q', type: 'search', spellcheck: 'false', autocomplete: 'off', maxlength: 100, value: initial, 'aria-describedby': 'ws-find-hint' });
  const submit = el('button', { type: 'submit', class: 'ws-primary', id: 'ws-find-submit' }, tr('desk.searchButton'));
  const results = el('div', { id: 'ws-find-results', 'aria-live': 'polite' });
  const form = el('form', { id: 'ws-find', class: 'ws-inline-form', role: 'search' },
    el('label', { for: 'ws-find-q' }, tr('desk.searchLabel')), input, submit);
  let seq = 0;
  const search = async () => {
    const q = input.value.trim();
    if (!q) return void fill(results);
    const mine = ++seq;
    submit.disabled = true;
    fill(results, el('p', { class: 'ws-muted', role: 'status' }, tr('common.loading')));
    try {
      const page = await ctx.api.dossiers({ q, limit: LIMIT });
      if (mine !== seq) return;
      history.replaceState(null, '', `/app/desk?tab=find&q=${encodeURIComponent(q)}`);
      fill(results,
        el('p', { id: 'ws-find-summary', 'data-total': String(page.total) }, page.total ? tr('desk.searchCount', { count: page.total, q }) : tr('desk.searchNone', { q })),
        page.items.length ? el('div', { class: 'ws-scroll' }, dossierTable(page.items, 'ws-find-table')) : null);
    } catch (err) {
      // The old matches are not shown under a failed search.
      if (mine === seq) fill(results, el('p', { class: 'ws-error', role: 'alert' }, (err as Error).message));
    } finally {
      if (mine === seq) submit.disabled = false;
    }
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void search();
  });
  if (initial) void search();
  return el('div', {}, form, el('p', { class: 'ws-hint', id: 'ws-find-hint' }, tr('desk.searchHint')), results,
    el('p', {}, link('/app/dossiers', tr('desk.searchAll'))));
}
