// /app/dossiers/{code}: where a dossier stands. Status and dates, the
// procedure diagram with the steps done, current and late marked, the
// control slip (one row per handover, early / on time / late per leg), the
// dossier's data, apology and supplements, the timeline; and for the desk,
// what it may do now. Refreshed by polling.

import type { ControlSlip, Dossier, DossierProgress, HistoryEvent, JsonSchema, PortalSync } from '../../shared/api/client.js';
import { el, fill, update } from '../../shared/dom.js';
import { chip, row, section, table } from '../widgets/blocks.js';
import { dossierDocuments } from '../widgets/documents.js';
import { formatDate, formatDateTime, formatTimeLeft } from '../../shared/format.js';
import { currentLang, eventLabel, tr, type WorkspaceKey } from '../../shared/i18n/i18n.js';
import { DiagramView } from '../widgets/diagram.js';
import { waitingOnCard } from '../widgets/waits.js';
import { printElement } from '../widgets/print.js';
import { allFieldsFromBpmn } from '../widgets/bpmnForms.js';
import { apologyForm, returnButton, supplementButton } from '../widgets/deskActions.js';
import { acceptForm, feesForm, refuseForm, stopForm, withdrawForm } from '../widgets/lifecycleActions.js';
import { receiptSlip } from '../widgets/receipt.js';
import { statusChip, timelinessChip } from '../widgets/statusChips.js';
import { applicantSchema, dataTable } from '../widgets/dossierData.js';
import type { Page, PageContext } from '../pageContext.js';

const WORKING_DAY_MS = 8 * 3_600_000;

/** Past its promised date, even when no working time has run since (evening, weekend). */
const overdue = (d: Dossier, progress: DossierProgress) => !!d.dueAt && Date.parse(d.dueAt) < Date.parse(progress.asOf);

/** Late, or late within one working day: when an apology letter is due. */
const isAtRisk = (d: Dossier, progress: DossierProgress) =>
  overdue(d, progress) || (progress.workingMsLeft !== null && progress.workingMsLeft < WORKING_DAY_MS);

export async function dossierPage(ctx: PageContext): Promise<Page> {
  const code = ctx.params.code;
  const root = ctx.root;
  const head = el('section', { class: 'ws-card', id: 'ws-dossier-head' });
  const actions = el('section', { class: 'ws-card', id: 'ws-desk-actions', hidden: true });
  const canvas = el('div', { class: 'ws-canvas', id: 'ws-diagram' });
  const legend = el('div', { class: 'ws-legend' });
  const diagramCard = section(tr('dossier.diagram'), { id: 'ws-diagram-card' }, legend, canvas);
  const waitsBox = el('section', { class: 'ws-card', id: 'ws-waits', hidden: true });
  const slip = el('section', { class: 'ws-card', id: 'ws-control-slip' });
  const extras = el('section', { class: 'ws-card', id: 'ws-dossier-extras', hidden: true });
  const data = el('section', { class: 'ws-card', id: 'ws-dossier-data' });
  const timeline = el('section', { class: 'ws-card', id: 'ws-timeline' });
  const papers = el('div', { id: 'ws-documents-box' });
  const forms = el('section', { class: 'ws-card', id: 'ws-forms' });
  fill(root, el('div', { class: 'ws-dossier' },
    head, actions,
    el('div', { class: 'ws-columns' }, el('div', { class: 'ws-col-main' }, diagramCard, waitsBox, slip), el('div', { class: 'ws-col-side' }, forms, extras, papers, data, timeline))));

  await ctx.departments();
  const diagram = new DiagramView(canvas);
  // What the dossier waits on, listed and marked on the diagram.
  const waits = waitingOnCard(waitsBox, diagram, (c) => ctx.departmentName(c));
  let startForm: JsonSchema | null = null;
  let shownVersion = -1;
  let actionKey = '';
  let shownMarks = '';
  let last: { dossier: Dossier; progress: DossierProgress; controlSlip: ControlSlip; history: HistoryEvent[] } | null = null;
  // Whether the national portal heard of every status change (desk and supervisors only).
  let sync: PortalSync | null = null;

  const renderLegend = () => fill(legend,
    chip(tr('dossier.legendDone'), 'ok'), ' ', chip(tr('dossier.legendCurrent'), 'info'), ' ', chip(tr('dossier.legendLate'), 'late'));

  const render = () => {
    if (!last) return;
    const { dossier: d, progress } = last;
    waits.show(d.waitingOn);
    const applicantName = typeof d.applicant.name === 'string' ? d.applicant.name : '—';
    const pending = ['new', 'received', 'processing'].includes(d.status.name);
    update(head,
      el('h1', {}, tr('dossier.title', { code: d.code }), ' ', statusChip(d.status)),
      el('dl', { class: 'ws-facts' },
        el('dt', {}, tr('dossier.procedure')), el('dd', {}, `${d.procedureName} (${d.procedureCode}, v${d.procedureVersion})`),
        el('dt', {}, tr('dossier.applicant')), el('dd', {}, applicantName),
        el('dt', {}, tr('dossier.channel')), el('dd', {}, tr(`channel.${d.channel}` as WorkspaceKey)),
        el('dt', {}, tr('dossier.received')), el('dd', {}, formatDateTime(d.receivedAt)),
        el('dt', {}, tr('dossier.promised')), el('dd', { id: 'ws-promised' }, formatDateTime(d.dueAt)),
        d.apology ? el('dt', {}, tr('dossier.originalPromised')) : null, d.apology ? el('dd', {}, formatDateTime(d.apology.previousDueAt)) : null,
        d.resolvedAt ? el('dt', {}, tr('dossier.resolved')) : null, d.resolvedAt ? el('dd', {}, formatDateTime(d.resolvedAt)) : null,
        d.returnedAt ? el('dt', {}, tr('dossier.returned')) : null, d.returnedAt ? el('dd', {}, formatDateTime(d.returnedAt)) : null,
        el('dt', {}, tr('dossier.timeliness')), el('dd', { id: 'ws-dossier-timeliness' }, timelinessChip(d.timeliness)),
        d.ruleSet ? el('dt', {}, tr('dossier.ruleSet')) : null, d.ruleSet ? el('dd', { id: 'ws-rule-set', title: d.ruleSet.id }, d.ruleSet.name) : null,
        sync ? el('dt', {}, tr('dossier.portalSync')) : null,
        sync ? el('dd', { id: 'ws-portal-sync', 'data-synchronised': String(sync.synchronised) },
          sync.synchronised ? chip(tr('dossier.portalSynced', { n: sync.delivered }), 'ok') : chip(tr('dossier.portalPending'), 'soon'), sync.reason && currentLang() === 'en' ? ` ${sync.reason}` : '') : null,
        pending && progress.workingMsLeft !== null ? el('dt', {}, tr('dossier.timeLeft')) : null,
        pending && progress.workingMsLeft !== null
          ? el('dd', {}, chip(formatTimeLeft(progress.workingMsLeft, currentLang(), overdue(d, progress)), progress.workingMsLeft < 0 || overdue(d, progress) ? 'late' : 'info'))
          : null));

    // The diagram's marks, redrawn only when a step moved.
    const marksKey = JSON.stringify(progress.elements.map((e) => [e.elementId, e.state, e.late]));
    if (marksKey !== shownMarks) {
      shownMarks = marksKey;
      markDiagram(progress);
    }
  };

  const markDiagram = (progress: DossierProgress) => {
    const marks: Record<string, string[]> = {};
    const badges: Record<string, HTMLElement> = {};
    for (const e of progress.elements) {
      const classes = [e.state === 'current' ? 'ws-current' : e.state === 'done' ? 'ws-done' : 'ws-cancelled'];
      if (e.late) classes.push('ws-late');
      marks[e.elementId] = classes;
      badges[e.elementId] = el('span', {
        class: `ws-badge ${e.late ? 'ws-badge-late' : e.state === 'current' ? 'ws-badge-current' : 'ws-badge-done'}`,
        'data-element': e.elementId, 'data-state': e.state, 'data-late': String(e.late),
      }, e.late ? '!' : e.state === 'current' ? '●' : e.state === 'done' ? '✓' : '×');
    }
    diagram.mark(marks);
    diagram.badges(badges);
  };

  const renderRest = () => {
    if (!last) return;
    const { dossier: d, progress, controlSlip, history } = last;

    // The printable forms of Circular 03/2025 that the dossier's history calls for (the server prints them).
    const received = !['new', 'refused'].includes(d.status.name);
    const applicable = ([
      ['01', received], ['02', d.supplements.length > 0], ['03', d.status.name === 'refused'],
      ['04', d.apology !== null], ['05', d.stoppedAt !== null], ['06', received],
    ] as const).filter(([, applies]) => applies).map(([n]) => n);
    update(forms, el('h2', {}, tr('dossier.forms')), el('ul', { class: 'ws-form-links' }, ...applicable.map((n) => el('li', {},
      el('button', { type: 'button', class: 'ws-small', 'data-form': n, onclick: () => void openForm(n) }, tr(`dossier.form${n}` as WorkspaceKey))))));

    // The control slip.
    const lateOpen = new Set(progress.elements.filter((e) => e.state === 'current' && e.late).map((e) => e.elementId));
    const printButton = el('button', { type: 'button', class: 'ws-small', onclick: () => printElement(slip) }, tr('dossier.print'));
    update(slip,
      el('div', { class: 'ws-card-head' }, el('h2', {}, tr('dossier.controlSlip')), printButton),
      el('dl', { class: 'ws-facts ws-facts-compact' },
        el('dt', {}, tr('dossier.applicant')), el('dd', {}, controlSlip.applicantName ?? '—'),
        el('dt', {}, tr('desk.receiptCode')), el('dd', {}, controlSlip.dossierCode),
        el('dt', {}, tr('dossier.received')), el('dd', {}, formatDateTime(controlSlip.receivedAt)),
        el('dt', {}, tr('dossier.promised')), el('dd', {}, formatDateTime(controlSlip.dueAt)),
        el('dt', {}, tr('dossier.slipLead')), el('dd', {}, controlSlip.departments.map((c) => ctx.departmentName(c)).join('; '))),
      el('div', { class: 'ws-scroll' }, table(
        ['#', tr('dossier.slipStep'), tr('dossier.slipFrom'), tr('dossier.slipTo'), tr('dossier.slipHandedOver'), tr('dossier.slipDue'), tr('dossier.slipCompleted'), tr('dossier.slipBy'), tr('dossier.slipResult')],
        controlSlip.rows.map((r, i) => row([
          String(i + 1),
          r.step,
          ctx.departmentName(r.fromDepartment),
          ctx.departmentName(r.toDepartment),
          formatDateTime(r.handedOverAt),
          formatDateTime(r.dueAt),
          formatDateTime(r.completedAt),
          r.completedBy ?? '—',
          r.timeliness ? timelinessChip(r.timeliness)
            : lateOpen.has(r.elementId) && !r.completedAt ? chip(`${tr('dossier.slipPending')} – ${tr('timeliness.overdue')}`, 'late', { 'data-timeliness': 'overdue' })
              : chip(tr('dossier.slipPending'), 'muted', { 'data-timeliness': 'pending' }),
        ], { 'data-element': r.elementId, 'data-task': r.taskId })),
        { id: 'ws-slip-table' })));

    // Apology and supplements.
    const extrasItems: HTMLElement[] = [];
    if (d.apology) {
      extrasItems.push(el('h3', {}, tr('dossier.apology')), el('p', { id: 'ws-apology-text' }, tr('dossier.apologyText', {
        date: formatDateTime(d.apology.issuedAt), reason: d.apology.reason, department: ctx.departmentName(d.apology.responsibleDepartment),
        previous: formatDateTime(d.apology.previousDueAt), next: formatDateTime(d.apology.newDueAt),
      })));
    }
    if (d.supplements.length) {
      extrasItems.push(el('h3', {}, tr('dossier.supplements')), el('ul', {}, ...d.supplements.map((s) => el('li', {},
        tr('dossier.supplementText', { date: formatDateTime(s.requestedAt), who: s.department ? ctx.departmentName(s.department) : s.requestedBy, reason: s.reason, items: s.items.join('; ') }),
        s.receivedAt ? ` ${tr('dossier.supplementReceived', { date: formatDateTime(s.receivedAt) })}` : null))));
    }
    extras.hidden = !extrasItems.length;
    update(extras, ...extrasItems);

    update(data, el('h2', {}, tr('dossier.data')), dataTable({ ...d.applicant }, applicantSchema()), dataTable(d.data, startForm));

    const names = new Map<string, string>();
    for (const e of history) if (e.type === 'task.created') names.set(String(e.payload.taskId), String(e.payload.name));
    // Oldest first, by when it happened (a paper dossier's reception dated back comes before what was entered after it).
    const chronological = history.map((e, i) => ({ e, i })).sort((a, b) => Date.parse(a.e.at) - Date.parse(b.e.at) || a.i - b.i).map((x) => x.e);
    update(timeline, el('h2', {}, tr('dossier.timeline')), el('ol', { class: 'ws-timeline' }, ...chronological.map((e) => {
      const p = e.payload as Record<string, unknown>;
      const name = String(p.name ?? names.get(String(p.taskId)) ?? p.elementId ?? '');
      return el('li', { 'data-type': e.type },
        el('time', { datetime: e.at }, formatDateTime(e.at)), ' ',
        eventLabel(e.type, { name, department: ctx.departmentName(typeof p.department === 'string' ? p.department : null), gateway: String(p.gateway ?? ''), target: String(p.target ?? '') }),
        e.actor ? el('span', { class: 'ws-muted' }, ` – ${e.actor}`) : null);
    })));
  };

  const renderActions = async () => {
    if (ctx.me.role !== 'desk' || !last) return;
    const d = last.dossier;
    const atRisk = isAtRisk(d, last.progress);
    const key = `${d.status.name}|${!!d.apology}|${atRisk}|${currentLang()}`;
    if (key === actionKey) return;
    actionKey = key;
    const done = () => void ctx.refreshNow();
    const items: Array<HTMLElement | null> = [];
    if (d.status.name === 'supplement_requested') items.push(el('p', {}, supplementButton(ctx, d.code, done)));
    if (d.status.name === 'resolved') items.push(el('p', {}, returnButton(ctx, d.code, done)));
    // The apology letter only when the promised date is at risk (within a working day) or passed.
    if (['processing', 'supplement_requested'].includes(d.status.name) && !d.apology && atRisk) items.push(await apologyForm(ctx, d.code, d.dueAt, done));
    if (d.status.name === 'new') items.push(acceptForm(ctx, d.code, done), refuseForm(ctx, d.code, done));
    if (d.status.name === 'awaiting_fees') items.push(feesForm(ctx, d.code, done));
    if (['processing', 'supplement_requested', 'awaiting_fees'].includes(d.status.name)) items.push(stopForm(ctx, d.code, done));
    if (['new', 'received', 'processing', 'supplement_requested', 'awaiting_fees'].includes(d.status.name)) items.push(withdrawForm(ctx, d.code, done));
    // The receipt again, for a citizen who lost it (not for an online filing the desk has not accepted).
    const reprint = d.status.name !== 'new' && d.status.name !== 'refused'
      ? el('button', { type: 'button', id: 'ws-reprint-receipt', class: 'ws-primary', onclick: () => reprintReceipt() }, tr('dossier.reprintReceipt'))
      : null;
    actions.hidden = false;
    fill(actions, el('div', { class: 'ws-card-head' }, el('h2', {}, tr('dossier.deskActions')), reprint),
      ...(items.length ? items : [el('p', { class: 'ws-muted' }, tr('dossier.noDeskAction'))]), receiptBox);
  };

  const receiptBox = el('div', { id: 'ws-receipt-box', class: 'ws-print-only-box' });
  const reprintReceipt = () => {
    if (!last) return;
    const { dossier: d, controlSlip } = last;
    const slipNode = receiptSlip({
      code: d.code,
      procedure: `${d.procedureName} (${d.procedureCode})`,
      applicant: [d.applicant.name, d.applicant.idNumber].filter((x) => typeof x === 'string' && x).join(' – ') || '—',
      receivedAt: d.receivedAt,
      dueAt: d.dueAt,
      steps: controlSlip.departments.map((c) => ctx.departmentName(c)).join('; '),
      reprintedAt: new Date().toISOString(),
    });
    fill(receiptBox, slipNode);
    printElement(slipNode);
  };

  const load = async () => {
    const [dossier, progress, controlSlip, history] = await Promise.all([
      ctx.api.dossier(code), ctx.api.progress(code), ctx.api.controlSlip(code), ctx.api.history(code),
    ]);
    if (shownVersion !== dossier.procedureVersion) {
      const xml = await ctx.api.bpmnXml(dossier.procedureCode, dossier.procedureVersion);
      startForm = allFieldsFromBpmn(xml);
      await diagram.show(xml);
      shownVersion = dossier.procedureVersion;
    }
    last = { dossier, progress, controlSlip, history: history.items };
    sync = ['desk', 'supervisor'].includes(ctx.me.role) ? await ctx.api.portalSync(code).catch(() => null) : null;
    // The papers: every version of each, opened in the browser's own viewer, and the e-result.
    fill(papers, await dossierDocuments(code));
    ctx.setAsOf(progress.asOf);
    render();
    renderRest();
    await renderActions();
    root.dataset.loaded = 'true';
  };

  const openForm = async (n: '01' | '02' | '03' | '04' | '05' | '06') => {
    const url = URL.createObjectURL(new Blob([await ctx.api.dossierForm(code, n)], { type: 'application/pdf' }));
    window.open(url, '_blank', 'noopener');
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };

  renderLegend();
  await load();
  return {
    refresh: load,
    relabel: () => {
      fill(diagramCard.querySelector('h2')!, tr('dossier.diagram'));
      renderLegend();
      actionKey = '';
      render();
      renderRest();
      void renderActions();
    },
    destroy: () => diagram.destroy(),
  };
}
