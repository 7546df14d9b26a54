// /app/dossiers?…: the dossiers behind a number. `source` says which:
//   form06   groupBy, key, column, from, to   a cell of form 06
//   breaches department, procedureCode       open breaches of a dashboard row
//   atRisk                                   late within 1 working day, no apology
//   (none)   status, procedureCode, overdue  GET /api/dossiers
// Every row opens the dossier page.

import type { DossierSummary, Form06Column, Form06Member } from '../../shared/api/client.js';
import { el, fill, update } from '../../shared/dom.js';
import { chip, link, row, table } from '../widgets/blocks.js';
import { formatDate, formatDateTime, formatTimeLeft } from '../../shared/format.js';
import { currentLang, tr, type WorkspaceKey } from '../../shared/i18n/i18n.js';
import { statusChip, timelinessChip } from '../widgets/statusChips.js';
import { dossierFilters } from '../widgets/dossierFilters.js';
import { dossierTable } from '../widgets/dossierSearch.js';
import type { Page, PageContext } from '../pageContext.js';

const PAGE = 100;

export async function dossierListPage(ctx: PageContext): Promise<Page> {
  const root = ctx.root;
  const q = ctx.query;
  const source = q.get('source') ?? '';
  const title = el('h1', {});
  const summary = el('p', { id: 'ws-list-summary' });
  const body = el('div', { id: 'ws-list', class: 'ws-scroll' });
  const more = el('button', { type: 'button', id: 'ws-list-more', hidden: true }, tr('common.more'));
  // The plain list (no `source`): filters and pages, all in the address so a list can be shared and reloaded.
  const filters = source ? null : dossierFilters(ctx);
  const pager = el('nav', { class: 'ws-pager', id: 'ws-list-pager', hidden: true, 'aria-label': tr('list.title') });
  fill(root, el('section', { class: 'ws-card' }, title, filters?.element ?? null, summary, body, more, pager));
  await ctx.departments();
  let limit = PAGE;
  more.addEventListener('click', () => {
    limit += PAGE;
    void load();
  });

  const procedureName = async (code: string | null) => {
    if (!code) return tr('list.allProcedures');
    const list = await ctx.procedures();
    return list.find((p) => p.code === code)?.name ?? code;
  };

  const summaryRows = (items: Array<Pick<DossierSummary, 'code' | 'procedureName' | 'applicantName' | 'status' | 'receivedAt' | 'dueAt' | 'resolvedAt'> & { step?: Form06Member['step'] }>, stepHeader: string | null) => table(
    [tr('list.code'), tr('list.procedure'), tr('list.applicant'), tr('list.status'), tr('list.received'), tr('list.promised'), tr('list.resolved'), stepHeader],
    items.map((d) => row([
      link(`/app/dossiers/${encodeURIComponent(d.code)}`, d.code), d.procedureName, d.applicantName ?? '—', statusChip(d.status),
      formatDateTime(d.receivedAt), formatDateTime(d.dueAt), formatDateTime(d.resolvedAt),
      stepHeader ? (d.step ? el('span', {}, `${d.step.name} – ${ctx.departmentName(d.step.department)} `, timelinessChip(d.step.timeliness)) : '—') : null,
    ], { 'data-dossier': d.code })),
    { id: 'ws-list-table' });

  const load = async () => {
    more.hidden = true;
    if (source === 'form06') {
      const groupBy = q.get('groupBy') === 'department' ? 'department' : 'procedure';
      const key = q.get('key') ?? undefined;
      const column = (q.get('column') ?? 'receivedTotal') as Form06Column;
      const r = await ctx.api.form06Members({ groupBy, key, column, from: q.get('from') ?? undefined, to: q.get('to') ?? undefined, limit });
      const rowName = !key || key === 'TOTAL' ? tr('f06.total') : groupBy === 'department' ? ctx.departmentName(key) : await procedureName(key);
      update(title, tr('list.form06', { column: tr(`f06.${column}` as WorkspaceKey), row: rowName, from: formatDate(r.from), to: formatDate(r.to) }));
      update(summary, tr(groupBy === 'department' ? 'list.countSteps' : 'list.count', { count: r.total }));
      summary.dataset.total = String(r.total);
      update(body, r.items.length ? summaryRows(r.items, groupBy === 'department' ? tr('list.step') : null) : el('p', { class: 'ws-muted' }, tr('list.empty')));
      more.hidden = r.total <= r.items.length;
      ctx.setAsOf(r.asOf);
    } else if (source === 'breaches') {
      const department = q.get('department') ?? undefined;
      const procedureCode = q.get('procedureCode') ?? undefined;
      const dossierLevel = q.get('dossierLevel') === 'true';
      const r = await ctx.api.openBreaches({ department, procedureCode, dossierLevel: dossierLevel || undefined });
      update(title, tr('list.breaches', {
        department: dossierLevel ? tr('dash.promisedDate') : department ? ctx.departmentName(department) : tr('list.allDepartments'),
        procedure: await procedureName(procedureCode ?? null),
      }));
      update(summary, tr('list.count', { count: new Set(r.items.map((b) => b.dossierCode)).size }));
      summary.dataset.total = String(r.total);
      update(body, r.items.length ? table(
        [tr('list.code'), tr('list.procedure'), tr('list.breachStep'), tr('dash.department'), tr('inbox.due'), tr('dash.overdue')],
        r.items.map((b) => row([
          link(`/app/dossiers/${encodeURIComponent(b.dossierCode)}`, b.dossierCode), b.procedureName, b.step ?? tr('dash.promisedDate'),
          b.department ? ctx.departmentName(b.department) : '—', formatDateTime(b.dueAt), chip(formatTimeLeft(-(b.overdueWorkingMs ?? 0), currentLang(), true), 'late'),
        ], { 'data-dossier': b.dossierCode })),
        { id: 'ws-list-table' }) : el('p', { class: 'ws-muted' }, tr('list.empty')));
      ctx.setAsOf(r.asOf);
    } else if (source === 'atRisk') {
      const r = await ctx.api.atRisk();
      update(title, tr('list.atRisk'));
      update(summary, tr('list.count', { count: r.items.length }));
      summary.dataset.total = String(r.items.length);
      update(body, r.items.length ? table(
        [tr('list.code'), tr('list.procedure'), tr('list.applicant'), tr('list.promised'), tr('inbox.left'), tr('dash.department')],
        r.items.map((d) => row([
          link(`/app/dossiers/${encodeURIComponent(d.code)}`, d.code), d.procedureName, d.applicantName ?? '—', formatDateTime(d.dueAt),
          chip(formatTimeLeft(d.workingMsLeft, currentLang()), 'soon'), d.heldBy.map((h) => h.name).join('; '),
        ], { 'data-dossier': d.code })),
        { id: 'ws-list-table' }) : el('p', { class: 'ws-muted' }, tr('list.empty')));
      ctx.setAsOf(r.asOf);
    } else {
      const params: Record<string, string | number | boolean | undefined> = { limit: PAGE, offset: Math.max(0, Number(q.get('offset')) || 0) };
      for (const name of ['status', 'procedureCode', 'overdue', 'from', 'to', 'applicantIdNumber', 'q', 'channel']) if (q.get(name)) params[name] = q.get(name)!;
      let r;
      try {
        r = await ctx.api.dossiers(params);
      } catch (err) {
        // A refused filter (a reversed period…) says why next to the filters, and no old list stays under it.
        filters?.showError(err);
        update(summary);
        update(body);
        pager.hidden = true;
        summary.dataset.total = '';
        root.dataset.loaded = 'true';
        return;
      }
      filters?.showError(null);
      update(title, Object.keys(params).length > 2 ? tr('list.filtered') : tr('list.title'));
      update(summary, tr('list.count', { count: r.total }));
      summary.dataset.total = String(r.total);
      update(body, r.items.length ? dossierTable(r.items, 'ws-list-table') : el('p', { class: 'ws-muted' }, tr('list.empty')));
      renderPager(r.total, Number(params.offset));
    }
    root.dataset.loaded = 'true';
  };

  const renderPager = (total: number, offset: number) => {
    const pages = Math.max(1, Math.ceil(total / PAGE));
    const page = Math.floor(offset / PAGE) + 1;
    pager.hidden = pages <= 1;
    const go = (to: number) => {
      const next = new URLSearchParams(location.search);
      if (to > 0) next.set('offset', String(to));
      else next.delete('offset');
      ctx.navigate(`/app/dossiers?${next.toString()}`);
    };
    update(pager,
      el('button', { type: 'button', id: 'ws-list-prev', disabled: page <= 1, onclick: () => go(offset - PAGE) }, tr('list.prev')),
      el('span', { id: 'ws-list-page' }, tr('list.pageOf', { page, pages })),
      el('button', { type: 'button', id: 'ws-list-next', disabled: page >= pages, onclick: () => go(offset + PAGE) }, tr('list.next')));
  };

  await load();
  return { refresh: load, relabel: () => void load() };
}
