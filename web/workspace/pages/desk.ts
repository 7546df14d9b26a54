// /app/desk: the one-stop desk. Receive a dossier (the applicant, the
// channel, and the procedure's start form generated from its JSON Schema),
// print the receipt with the dossier code and the promised date; the
// dossiers waiting for the citizen's supplement, those with a result to hand
// over, those about to be late without an apology letter; open a dossier by
// its code.

import type { DossierSummary, JsonSchema, NewDossier, Procedure, SubmittedDossier } from '../../shared/api/client.js';
import { el, fill, update } from '../../shared/dom.js';
import { chip, link, row, table } from '../widgets/blocks.js';
import { formatDateTime, formatTimeLeft, parseVnDateTime } from '../../shared/format.js';
import { fieldProblemsOf } from '../../shared/i18n/problemText.js';
import { applicantFieldsOf, bindApplicant } from '../widgets/applicantBinding.js';
import { dossierSearch } from '../widgets/dossierSearch.js';
import { currentLang, tr, type WorkspaceKey } from '../../shared/i18n/i18n.js';
import { printElement } from '../widgets/print.js';
import { receiptSlip } from '../widgets/receipt.js';
import { SchemaForm } from '../widgets/schemaForm.js';
import { startFormFromBpmn } from '../widgets/bpmnForms.js';
import { apologyForm, returnButton, supplementButton } from '../widgets/deskActions.js';
import { type Page, type PageContext } from '../pageContext.js';
import { ApiError } from '../../shared/api/client.js';
import { papersFromBpmn, receiptSecret, ReceptionPapers } from '../widgets/documents.js';

type Tab = 'receive' | 'supplement' | 'return' | 'atRisk' | 'find';
const TABS: Array<[Tab, WorkspaceKey]> = [
  ['receive', 'desk.tabReceive'], ['supplement', 'desk.tabSupplement'], ['return', 'desk.tabReturn'], ['atRisk', 'desk.tabAtRisk'], ['find', 'desk.tabFind'],
];

/** The applicant block of the reception form: only what the desk must fill is checked here; the server checks the rest. */
const APPLICANT_SCHEMA = (): JsonSchema => ({
  type: 'object',
  properties: {
    name: { type: 'string', title: tr('desk.applicantName'), minLength: 1, maxLength: 200 },
    idNumber: { type: 'string', title: tr('desk.applicantId'), minLength: 1, maxLength: 20 },
    phone: { type: 'string', title: `${tr('desk.applicantPhone')}` },
    email: { type: 'string', title: tr('desk.applicantEmail') },
  },
  required: ['name', 'idNumber'],
});

export async function deskPage(ctx: PageContext): Promise<Page> {
  const root = ctx.root;
  let tab: Tab = (ctx.query.get('tab') as Tab) || 'receive';
  const tabBar = el('div', { class: 'ws-tabs', role: 'tablist' });
  const panel = el('section', { class: 'ws-card', id: 'ws-desk-panel' });
  fill(root, el('h1', {}, tr('desk.title')), tabBar, panel);

  const counts: Partial<Record<Tab, number>> = {};
  const renderTabs = () => update(tabBar, ...TABS.map(([id, label]) => el('button', {
    type: 'button', role: 'tab', id: `ws-tab-${id}`, 'aria-selected': String(id === tab),
    onclick: () => {
      tab = id;
      history.replaceState(null, '', `/app/desk?tab=${id}`);
      renderTabs();
      void show();
    },
  }, tr(label), counts[id] !== undefined ? ` (${counts[id]})` : '')));

  // ---- reception --------------------------------------------------------
  let receive: { procedure: Procedure | null; applicant: SchemaForm; data: SchemaForm | null; papers: ReceptionPapers | null; receipt: SubmittedDossier | null; element: HTMLElement } | null = null;

  const receptionForm = async (): Promise<HTMLElement> => {
    const procedures = await ctx.procedures();
    const select = el('select', { id: 'ws-procedure' },
      el('option', { value: '' }, tr('desk.chooseProcedure')),
      ...procedures.map((p) => el('option', { value: p.code, selected: receive?.procedure?.code === p.code }, `${p.code} – ${p.name}`)));
    const channel = el('select', { id: 'ws-channel' }, ...(['direct', 'online', 'post'] as const).map((c) => el('option', { value: c }, tr(`channel.${c}` as WorkspaceKey))));
    // A paper dossier entered after the fact: when it was received (the server bounds it and records who dated it back).
    const receivedAt = el('input', { id: 'ws-received-at', type: 'text', inputmode: 'numeric', placeholder: 'dd/mm/yyyy hh:mm', autocomplete: 'off' });
    const receivedAtError = el('div', { class: 'ws-field-error', id: 'ws-received-at-error', role: 'alert' });
    const applicant = new SchemaForm(APPLICANT_SCHEMA(), { id: 'ws-applicant' });
    // The browser's own checks would stop at the first field; ours show every one.
    applicant.element.querySelector<HTMLInputElement>('#ws-applicant-email')?.setAttribute('type', 'email');
    const dataBox = el('div', { id: 'ws-start-form' }, el('p', { class: 'ws-muted' }, tr('desk.selectProcedureFirst')));
    // The procedure's papers (onestop:documents): scanned and attached at the counter.
    const papersBox = el('div', { id: 'ws-papers-box' });
    const error = el('div', { class: 'ws-form-error', id: 'ws-submit-error', role: 'alert', hidden: true });
    const submit = el('button', { type: 'submit', class: 'ws-primary', id: 'ws-submit' }, tr('desk.submit'));
    const form = el('form', { class: 'ws-form ws-reception', id: 'ws-reception', novalidate: true },
      el('div', { class: 'ws-field' }, el('label', { for: 'ws-procedure' }, tr('desk.procedure')), select),
      el('fieldset', { class: 'ws-group' }, el('legend', {}, tr('desk.applicant')), applicant.element,
        el('div', { class: 'ws-field' }, el('label', { for: 'ws-channel' }, tr('desk.channel')), channel),
        el('div', { class: 'ws-field', 'data-field': 'receivedAt' }, el('label', { for: 'ws-received-at' }, tr('desk.receivedAt')), receivedAt,
          el('div', { class: 'ws-hint' }, tr('desk.receivedAtHint')), receivedAtError)),
      el('fieldset', { class: 'ws-group' }, el('legend', {}, tr('desk.startForm')), dataBox),
      papersBox,
      error,
      el('div', { class: 'ws-actions' }, submit));
    const state = { procedure: null as Procedure | null, applicant, data: null as SchemaForm | null, papers: null as ReceptionPapers | null, receipt: null, element: form, syncApplicant: () => {} };
    receive = state;
    select.addEventListener('change', async () => {
      state.procedure = null;
      state.data = null;
      if (!select.value) return void fill(dataBox, el('p', { class: 'ws-muted' }, tr('desk.selectProcedureFirst')));
      fill(dataBox, tr('common.loading'));
      const procedure = await ctx.api.procedure(select.value);
      // The version a dossier received now gets (one published for later is not yet in force).
      const latest = procedure.versions.find((v) => v.version === procedure.versionInForce) ?? procedure.versions[procedure.versions.length - 1];
      // The form as the analyst wrote it (field order included), else the server's copy.
      const xml = await ctx.api.bpmnXml(procedure.code, latest.version);
      const schema = startFormFromBpmn(xml) ?? latest.startForm;
      const papers = papersFromBpmn(xml);
      state.papers = papers.length ? new ReceptionPapers(papers) : null;
      fill(papersBox, state.papers?.element ?? null);
      state.procedure = procedure;
      state.data = new SchemaForm(schema, { id: 'ws-data' });
      const hasFields = Object.keys((schema?.properties ?? {}) as object).length > 0;
      // A procedure without a reception form: nothing more to fill (the officer's "no form: complete" hint is not for the desk).
      if (hasFields) fill(dataBox, schema?.title ? el('p', { class: 'ws-form-title' }, String(schema.title)) : null, state.data.element);
      else fill(dataBox, el('p', { class: 'ws-muted', id: 'ws-no-start-form' }, tr('desk.noStartForm')));
      // The applicant is typed once: the form's own applicant fields follow the header.
      state.syncApplicant = bindApplicant(state.data.element, 'ws-data', applicant.element, 'ws-applicant', applicantFieldsOf(schema));
    });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      error.hidden = true;
      if (!state.procedure || !state.data) {
        error.hidden = false;
        return void fill(error, tr('desk.selectProcedureFirst'));
      }
      state.syncApplicant();
      fill(receivedAtError);
      const receivedText = receivedAt.value.trim();
      const receivedIso = receivedText ? parseVnDateTime(receivedText) : null;
      const receivedProblem = receivedText && !receivedIso ? tr('desk.receivedAtBad')
        : receivedIso && Date.parse(receivedIso) > Date.now() ? tr('desk.receivedAtFuture') : null;
      if (receivedProblem) fill(receivedAtError, receivedProblem);
      receivedAt.toggleAttribute('aria-invalid', !!receivedProblem);
      const problems = [...applicant.validate(), ...state.data.validate(), ...(receivedProblem ? [receivedProblem] : [])];
      if (problems.length) {
        error.hidden = false;
        fill(error, tr('desk.fixErrors', { count: problems.length }));
        (form.querySelector('[aria-invalid="true"]') as HTMLElement | null)?.focus();
        return;
      }
      const body: NewDossier = {
        procedureCode: state.procedure.code,
        applicant: applicant.values() as NewDossier['applicant'],
        data: state.data.values(),
        channel: channel.value as NewDossier['channel'],
        ...(receivedIso ? { receivedAt: receivedIso } : {}),
      };
      submit.disabled = true;
      fill(submit, tr('desk.submitting'));
      try {
        // With papers: one multipart request, its upload progress shown on the checklist.
        const receipt = state.papers ? await state.papers.submit(body) : await ctx.api.submit(body);
        showReceipt(receipt, state.procedure, body);
      } catch (err) {
        submit.disabled = false;
        fill(submit, tr('desk.submit'));
        // The server's errors on the fields they name: the applicant's and the form's.
        const items = err instanceof ApiError ? (err.problem?.errors ?? []) as Array<{ path: string; message: string; in?: string }> : [];
        const rest = state.data.showErrors(applicant.showErrors(items, '/applicant'), '/data');
        const receivedRefusal = rest.filter((r) => r.path === '/receivedAt');
        if (receivedRefusal.length) fill(receivedAtError, ...fieldProblemsOf({ problem: { errors: receivedRefusal } }, () => tr('desk.receivedAt')));
        error.hidden = false;
        fill(error, (err as Error).message, ...fieldProblemsOf({ problem: { errors: rest.filter((r) => r.path !== '/receivedAt') } }).map((text) => el('div', {}, text)));
        (form.querySelector('[aria-invalid="true"]') as HTMLElement | null)?.focus();
      }
    });
    return form;
  };

  const showReceipt = (r: SubmittedDossier, procedure: Procedure, body: NewDossier) => {
    const slip = receiptSlip({
      code: r.code,
      procedure: `${procedure.name} (${procedure.code})`,
      applicant: `${body.applicant.name} – ${body.applicant.idNumber}`,
      receivedAt: r.receivedAt,
      dueAt: r.dueAt,
      steps: r.tasks.map((t) => `${t.name} – ${ctx.departmentName(t.department)}`).join('; '),
      secret: receiptSecret((r as { resultSecret?: string }).resultSecret),
    });
    fill(panel, slip, el('div', { class: 'ws-actions ws-no-print' },
      el('button', { type: 'button', class: 'ws-primary', id: 'ws-print-receipt', onclick: () => printElement(slip) }, tr('desk.printReceipt')),
      link(`/app/dossiers/${encodeURIComponent(r.code)}`, tr('inbox.openDossier')),
      el('button', { type: 'button', id: 'ws-another', onclick: () => { receive = null; void show(); } }, tr('desk.another'))));
    ctx.notify(`${tr('desk.receiptCode')}: ${r.code} – ${tr('desk.receiptPromised')}: ${formatDateTime(r.dueAt)}`, 'ok');
  };

  // ---- lists ------------------------------------------------------------
  const dossierRows = (items: DossierSummary[], action: (d: DossierSummary) => HTMLElement | null, extra?: (d: DossierSummary) => HTMLElement | string) => items.map((d) => row([
    link(`/app/dossiers/${encodeURIComponent(d.code)}`, d.code), d.procedureName, d.applicantName ?? '—', formatDateTime(d.receivedAt), formatDateTime(d.dueAt),
    extra ? extra(d) : null, action(d),
  ], { 'data-dossier': d.code }));

  const refreshCounts = async () => {
    const [supplement, ready, atRisk] = await Promise.all([
      ctx.api.dossiers({ status: 'supplement_requested', limit: 200 }),
      ctx.api.dossiers({ status: 'resolved', limit: 200 }),
      ctx.api.atRisk(),
    ]);
    counts.supplement = supplement.total;
    counts.return = ready.total;
    counts.atRisk = atRisk.items.length;
    ctx.setAsOf(atRisk.asOf);
    renderTabs();
    return { supplement, ready, atRisk };
  };

  let listKey = '';
  const show = async () => {
    if (tab === 'receive') {
      if (!receive || !panel.contains(receive.element)) fill(panel, el('h2', {}, tr('desk.tabReceive')), await receptionForm());
      return;
    }
    receive = null;
    const lists = await refreshCounts();
    const done = () => void ctx.refreshNow();
    if (tab === 'supplement') {
      const key = `s|${lists.supplement.items.map((d) => d.code).join()}`;
      if (key === listKey) return;
      listKey = key;
      fill(panel, el('h2', {}, tr('desk.supplementList')), lists.supplement.items.length
        ? table([tr('list.code'), tr('list.procedure'), tr('list.applicant'), tr('list.received'), tr('list.promised'), tr('desk.requestedItems'), ''],
          dossierRows(lists.supplement.items, (d) => supplementButton(ctx, d.code, done), (d) => el('span', { 'data-items': d.code })), { id: 'ws-supplement-table' })
        : el('p', { class: 'ws-muted' }, tr('list.empty')));
      // What the citizen was asked for, from each dossier.
      for (const d of lists.supplement.items) {
        void ctx.api.dossier(d.code).then((full) => {
          const open = full.supplements.find((s) => !s.receivedAt);
          const cell = panel.querySelector(`[data-items="${CSS.escape(d.code)}"]`);
          if (cell && open) fill(cell, open.items.join('; '));
        }).catch(() => {});
      }
    } else if (tab === 'return') {
      const key = `r|${lists.ready.items.map((d) => d.code).join()}`;
      if (key === listKey) return;
      listKey = key;
      fill(panel, el('h2', {}, tr('desk.resolvedList')), lists.ready.items.length
        ? table([tr('list.code'), tr('list.procedure'), tr('list.applicant'), tr('list.received'), tr('list.promised'), tr('list.resolved'), ''],
          dossierRows(lists.ready.items, (d) => returnButton(ctx, d.code, done), (d) => formatDateTime(d.resolvedAt)), { id: 'ws-return-table' })
        : el('p', { class: 'ws-muted' }, tr('list.empty')));
    } else if (tab === 'atRisk') {
      const key = `a|${lists.atRisk.items.map((d) => d.code).join()}`;
      if (key === listKey) return;
      listKey = key;
      const rows = await Promise.all(lists.atRisk.items.map(async (d) => {
        const tr1 = row([
          link(`/app/dossiers/${encodeURIComponent(d.code)}`, d.code), d.procedureName, d.applicantName ?? '—', formatDateTime(d.dueAt),
          chip(formatTimeLeft(d.workingMsLeft, currentLang()), 'soon'), d.heldBy.map((h) => h.name).join('; '),
        ], { 'data-dossier': d.code });
        const formRow = el('tr', { class: 'ws-subrow' }, el('td', { colspan: 6 }, await apologyForm(ctx, d.code, d.dueAt, done)));
        return [tr1, formRow];
      }));
      fill(panel, el('h2', {}, tr('desk.atRiskList')), rows.length
        ? table([tr('list.code'), tr('list.procedure'), tr('list.applicant'), tr('list.promised'), tr('inbox.left'), tr('dash.department')], rows.flat(), { id: 'ws-atrisk-table' })
        : el('p', { class: 'ws-muted' }, tr('dash.noAtRisk')));
    } else if (tab === 'find') {
      if (panel.querySelector('#ws-find')) return;
      // Found on the server by any part of the code, the applicant's name, ID number or phone.
      fill(panel, el('h2', {}, tr('desk.tabFind')), dossierSearch(ctx, ctx.query.get('q') ?? ''));
    }
  };

  renderTabs();
  await show();
  if (tab === 'receive') await refreshCounts().catch(() => {});
  root.dataset.loaded = 'true';
  return {
    refresh: async () => {
      if (tab === 'receive' || tab === 'find') await refreshCounts();
      else await show();
    },
    relabel: () => {
      listKey = '';
      receive = null;
      fill(root.querySelector('h1')!, tr('desk.title'));
      renderTabs();
      void show();
    },
  };
}
