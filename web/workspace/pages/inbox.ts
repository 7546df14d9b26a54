// /app/inbox[/{taskId}]: a department's steps, most urgent first, with the
// working time left coloured (late / due today / on track). An officer sees
// its own department's only: the server decides (GET /api/inbox), the page
// never asks for another. Claim, open the dossier (data and history), fill
// the step's form (generated from its JSON Schema, checked in the browser,
// the server's errors shown on the fields), complete; or ask the citizen
// for a supplement.

import type { Inbox, InboxTask, JsonSchema, TaskDetail } from '../../shared/api/client.js';
import { el, fill, update } from '../../shared/dom.js';
import { chip, link, row, table } from '../widgets/blocks.js';
import { formatDateTime, formatTimeLeft } from '../../shared/format.js';
import { currentLang, eventLabel, tr, type WorkspaceKey } from '../../shared/i18n/i18n.js';
import { SchemaForm } from '../widgets/schemaForm.js';
import { allFieldsFromBpmn, formsFromBpmn } from '../widgets/bpmnForms.js';
import { applicantSchema, dataTable } from '../widgets/dossierData.js';
import { statusChip, urgencyChip } from '../widgets/statusChips.js';
import { type Page, type PageContext } from '../pageContext.js';
import { ApiError } from '../../shared/api/client.js';
import { fieldProblemsOf } from '../../shared/i18n/problemText.js';
import { dossierDocuments, resultPapersFromBpmn, stepResultPapers } from '../widgets/documents.js';

export async function inboxPage(ctx: PageContext): Promise<Page> {
  const root = ctx.root;
  const taskId = ctx.params.taskId ?? null;
  const department = ctx.me.role === 'officer' ? ctx.me.department! : ctx.query.get('department') ?? undefined;
  const departments = await ctx.departments();

  const title = el('h1', {});
  const counts = el('div', { class: 'ws-counts', id: 'ws-inbox-counts' });
  const listBox = el('div', { id: 'ws-inbox-list', class: 'ws-scroll' });
  const detail = el('section', { class: 'ws-card ws-task', id: 'ws-task', 'aria-live': 'polite' });
  const picker = ctx.me.role === 'supervisor'
    ? el('label', { class: 'ws-inline' }, tr('inbox.pickDepartment'), ' ', el('select', {
      id: 'ws-inbox-department',
      onchange: (e: Event) => ctx.navigate(`/app/inbox${(e.target as HTMLSelectElement).value ? `?department=${(e.target as HTMLSelectElement).value}` : ''}`),
    }, el('option', { value: '' }, tr('common.all')), ...departments.map((d) => el('option', { value: d.code, selected: d.code === department }, d.name))))
    : null;
  fill(root, el('div', { class: 'ws-inbox' },
    el('section', { class: 'ws-card ws-inbox-list' }, el('div', { class: 'ws-card-head' }, title, picker), counts, listBox),
    detail));

  let inbox: Inbox | null = null;
  let task: TaskDetail | null = null;
  let form: SchemaForm | null = null;
  // The step's result papers (onestop:resultDocuments) and the dossier's papers, read with the task.
  let results: { taskId: string; element: HTMLElement; ids(): string[] } | null = null;
  let papers: HTMLElement | null = null;
  let formState = '';
  let startForm: JsonSchema | null = null;

  const mine = (t: { status: string; assignee: string | null }) => t.status === 'claimed' && t.assignee === ctx.me.actor;

  const renderList = () => {
    if (!inbox) return;
    update(title, department ? tr('inbox.of', { department: ctx.departmentName(department) }) : tr('inbox.all'));
    update(counts,
      chip(`${tr('urgency.late')}: ${inbox.counts.late}`, 'late', { 'data-count': 'late' }), ' ',
      chip(`${tr('urgency.due_today')}: ${inbox.counts.dueToday}`, 'soon', { 'data-count': 'due_today' }), ' ',
      chip(`${tr('urgency.on_track')}: ${inbox.counts.onTrack}`, 'ok', { 'data-count': 'on_track' }));
    if (!inbox.items.length) {
      update(listBox, el('p', { class: 'ws-muted', id: 'ws-inbox-empty' }, tr('inbox.empty')));
      return;
    }
    update(listBox, table(
      [tr('inbox.due'), tr('inbox.left'), tr('inbox.dossier'), tr('inbox.procedure'), tr('inbox.step'), tr('inbox.applicant'), tr('inbox.state'), ''],
      inbox.items.map((t) => {
        const claim = t.status === 'open' && ctx.me.role === 'officer'
          ? el('button', { type: 'button', class: 'ws-small', 'data-action': 'claim', onclick: () => void claimTask(t.id) }, tr('inbox.claim'))
          : null;
        return row([
          formatDateTime(t.dueAt),
          el('span', {}, urgencyChip(t), t.breached ? el('span', { class: 'ws-muted' }, ` (${tr('inbox.breached')})`) : null),
          link(`/app/dossiers/${encodeURIComponent(t.dossierCode)}`, t.dossierCode),
          t.procedureName,
          t.name,
          t.applicantName ?? '—',
          t.status === 'claimed' ? tr('inbox.claimedBy', { who: t.assignee ?? '' }) : tr('inbox.open'),
          el('span', { class: 'ws-row-actions' }, claim, link(`/app/inbox/${t.id}${department && ctx.me.role === 'supervisor' ? `?department=${department}` : ''}`, tr('inbox.view'))),
        ], {
          'data-task': t.id, 'data-department': t.department, 'data-dossier': t.dossierCode, 'data-urgency': t.urgency,
          class: `ws-urgency-${t.urgency}${t.id === taskId ? ' ws-selected' : ''}`,
        });
      }),
      { id: 'ws-inbox-table', class: 'ws-table ws-card-rows' }));
  };

  const claimTask = async (id: string) => {
    try {
      await ctx.api.claim(id);
      if (id === taskId) await loadTask();
      else ctx.navigate(`/app/inbox/${id}`);
      await ctx.refreshNow();
    } catch (err) {
      ctx.notify(tr('inbox.serverRefused', { detail: (err as Error).message }), 'error');
    }
  };

  const renderTask = (message?: string) => {
    if (!taskId) {
      fill(detail, el('p', { class: 'ws-muted' }, tr('inbox.selectTask')));
      return;
    }
    if (!task) return;
    const t = task;
    const claimedByMe = mine(t);
    const state = `${t.id}|${t.status}|${t.assignee}|${currentLang()}`;
    if (state !== formState) {
      form = new SchemaForm(t.form, { id: 'ws-step', values: t.data ?? {}, disabled: !claimedByMe || ctx.me.role !== 'officer' });
      formState = state;
    }
    const item = inbox?.items.find((i) => i.id === t.id);
    const buttons: HTMLElement[] = [];
    if (ctx.me.role === 'officer') {
      if (t.status === 'open') buttons.push(el('button', { type: 'button', class: 'ws-primary', id: 'ws-claim', onclick: () => void claimTask(t.id) }, tr('inbox.claim')));
      if (claimedByMe) buttons.push(el('button', { type: 'button', id: 'ws-unclaim', onclick: () => void unclaim() }, tr('inbox.unclaim')));
    }
    const complete = el('button', { type: 'submit', class: 'ws-primary', id: 'ws-complete', disabled: !claimedByMe }, tr('inbox.complete'));
    const formError = el('div', { class: 'ws-form-error', id: 'ws-complete-error', role: 'alert', hidden: true });
    const stepForm = el('form', { id: 'ws-step-form', class: 'ws-form', novalidate: true },
      el('h3', {}, tr('inbox.stepForm')),
      t.status === 'open' && ctx.me.role === 'officer' ? el('p', { class: 'ws-hint' }, tr('inbox.claimFirst')) : null,
      t.status === 'claimed' && !claimedByMe ? el('p', { class: 'ws-hint' }, tr('inbox.claimedByOther', { who: t.assignee ?? '' })) : null,
      form!.element, claimedByMe && results?.taskId === t.id ? results.element : null, formError,
      ctx.me.role === 'officer' ? el('div', { class: 'ws-actions' }, complete) : null);
    // Typing again clears the summary of the last attempt (each field clears its own error).
    stepForm.addEventListener('input', () => {
      formError.hidden = true;
    });
    stepForm.addEventListener('submit', (e) => {
      e.preventDefault();
      void completeTask(formError, complete);
    });

    fill(detail,
      el('div', { class: 'ws-card-head' },
        el('h2', {}, t.name, ' – ', link(`/app/dossiers/${encodeURIComponent(t.dossierCode)}`, t.dossierCode)),
        el('div', { class: 'ws-row-actions' }, ...buttons)),
      message ? el('p', { class: 'ws-ok', role: 'status' }, message) : null,
      el('dl', { class: 'ws-facts ws-facts-compact' },
        el('dt', {}, tr('inbox.due')), el('dd', {}, formatDateTime(t.dueAt)),
        el('dt', {}, tr('inbox.left')), el('dd', {}, item ? urgencyChip(item) : '—'),
        el('dt', {}, tr('inbox.state')), el('dd', { id: 'ws-task-state' }, t.status === 'claimed' ? tr('inbox.claimedBy', { who: t.assignee ?? '' }) : tr('inbox.open')),
        el('dt', {}, tr('inbox.dossierStatus')), el('dd', {}, statusChip(t.dossier.status))),
      stepForm,
      papers,
      ctx.me.role === 'officer' ? supplementForm(t) : null,
      el('details', { open: true, class: 'ws-details' }, el('summary', {}, tr('inbox.dossierData')),
        dataTable({ ...t.dossier.applicant }, applicantSchema()), dataTable(t.dossier.data, startForm)),
      el('details', { class: 'ws-details', id: 'ws-task-history' }, el('summary', {}, tr('inbox.history')), el('ol', { class: 'ws-timeline', id: 'ws-task-history-list' })));
    void loadHistory(t.dossierCode);
  };

  const loadHistory = async (code: string) => {
    const list = detail.querySelector('#ws-task-history-list');
    if (!list) return;
    try {
      const history = await ctx.api.history(code);
      const names = new Map<string, string>();
      for (const e of history.items) if (e.type === 'task.created') names.set(String(e.payload.taskId), String(e.payload.name));
      // Oldest first, by when it happened (the server's order is the order of entry).
      const chronological = history.items.map((e, i) => ({ e, i })).sort((a, b) => Date.parse(a.e.at) - Date.parse(b.e.at) || a.i - b.i).map((x) => x.e);
      fill(list, ...chronological.map((e) => {
        const p = e.payload as Record<string, unknown>;
        return el('li', { 'data-type': e.type }, el('time', { datetime: e.at }, formatDateTime(e.at)), ' ',
          eventLabel(e.type, { name: String(p.name ?? names.get(String(p.taskId)) ?? ''), department: ctx.departmentName(typeof p.department === 'string' ? p.department : null), gateway: String(p.gateway ?? ''), target: String(p.target ?? '') }),
          e.actor ? el('span', { class: 'ws-muted' }, ` – ${e.actor}`) : null);
      }));
    } catch {
      // the list stays empty: the task view is what matters
    }
  };

  const supplementForm = (t: TaskDetail): HTMLElement => {
    const reason = el('textarea', { id: 'ws-supplement-reason', rows: 2, maxlength: 2000 });
    const items = el('textarea', { id: 'ws-supplement-items', rows: 3, placeholder: tr('form.onePerLine') });
    const error = el('div', { class: 'ws-form-error', role: 'alert' });
    const send = el('button', { type: 'submit', id: 'ws-supplement-send' }, tr('inbox.supplementSend'));
    const f = el('form', { id: 'ws-supplement-form', class: 'ws-form', novalidate: true },
      el('label', { for: 'ws-supplement-reason' }, tr('inbox.supplementReason')), reason,
      el('label', { for: 'ws-supplement-items' }, tr('inbox.supplementItems')), items,
      error, el('div', { class: 'ws-actions' }, send));
    f.addEventListener('submit', async (e) => {
      e.preventDefault();
      const list = items.value.split('\n').map((l) => l.trim()).filter(Boolean);
      if (!reason.value.trim()) return void fill(error, tr('inbox.supplementNeedReason'));
      if (!list.length) return void fill(error, tr('inbox.supplementNeedItems'));
      send.disabled = true;
      try {
        await ctx.api.requestSupplement(t.dossierCode, reason.value.trim(), list);
        ctx.notify(tr('inbox.supplementSent'), 'ok');
        await loadTask(tr('inbox.supplementSent'));
        await ctx.refreshNow();
      } catch (err) {
        send.disabled = false;
        fill(error, tr('inbox.serverRefused', { detail: (err as Error).message }));
      }
    });
    return el('details', { class: 'ws-details', id: 'ws-supplement' }, el('summary', {}, tr('inbox.supplement')), f);
  };

  const unclaim = async () => {
    try {
      await ctx.api.unclaim(taskId!);
      await loadTask();
      await ctx.refreshNow();
    } catch (err) {
      ctx.notify(tr('inbox.serverRefused', { detail: (err as Error).message }), 'error');
    }
  };

  const completeTask = async (formError: HTMLElement, button: HTMLButtonElement) => {
    if (!task || !form) return;
    formError.hidden = true;
    const errors = form.validate();
    if (errors.length) {
      formError.hidden = false;
      fill(formError, tr('inbox.formInvalid', { count: errors.length }));
      form.focusFirstError();
      return;
    }
    button.disabled = true;
    const t = task;
    try {
      await ctx.api.complete(t.id, form.values(), results?.taskId === t.id ? results.ids() : undefined);
      ctx.notify(tr('inbox.completed', { step: t.name, code: t.dossierCode }), 'ok');
      ctx.navigate('/app/inbox');
    } catch (err) {
      button.disabled = false;
      const problems = err instanceof ApiError ? (err.problem?.errors ?? []) as Array<{ path: string; message: string; in?: string }> : [];
      const rest = form.showErrors(problems, '/data');
      formError.hidden = false;
      // In the reader's words: a procedure that cannot go on says the supervisor was told; other fields are named.
      fill(formError, (err as Error).message, ...fieldProblemsOf({ problem: { errors: rest } }).map((text) => el('div', {}, text)));
      form.focusFirstError();
    }
  };

  const loadTask = async (message?: string) => {
    if (!taskId) return renderTask();
    try {
      task = await ctx.api.task(taskId);
    } catch (err) {
      task = null;
      const refused = err instanceof ApiError && (err.status === 403 || err.status === 404);
      fill(detail, el('p', { class: 'ws-error', role: 'alert', id: 'ws-task-refused', ...(refused ? { 'data-refused': String((err as ApiError).status) } : {}) },
        refused ? tr((err as ApiError).status === 403 ? 'common.forbidden' : 'common.notFound', { detail: (err as Error).message }) : tr('common.error', { detail: (err as Error).message })));
      return;
    }
    try {
      // The forms as the analyst wrote them (field order included), from the dossier's version of the procedure.
      const dossier = await ctx.api.dossier(task.dossierCode);
      const xml = await ctx.api.bpmnXml(task.procedureCode, dossier.procedureVersion);
      startForm = allFieldsFromBpmn(xml);
      task = { ...task, form: formsFromBpmn(xml).get(task.elementId) ?? task.form };
      const wanted = resultPapersFromBpmn(xml, task.elementId);
      if (results?.taskId !== task.id) results = wanted.length ? { taskId: task.id, ...stepResultPapers(task.id, wanted) } : null;
    } catch {
      startForm = null;
    }
    papers = await dossierDocuments(task.dossierCode).catch(() => null);
    if (task.status === 'completed' || task.status === 'cancelled') {
      fill(detail, el('p', { class: 'ws-muted' }, tr('inbox.taskGone')));
      return;
    }
    renderTask(message);
    // The step just opened comes into view (below the list on a tablet), once per step.
    if (shownFor !== task.id) {
      shownFor = task.id;
      detail.scrollIntoView({ block: 'start' });
      (detail.querySelector('h2') as HTMLElement | null)?.setAttribute('tabindex', '-1');
    }
  };
  let shownFor: string | null = null;

  const refresh = async () => {
    inbox = await ctx.api.inbox(department ? { department } : {});
    ctx.setAsOf(inbox.asOf);
    renderList();
    // Someone else claimed or released the open task: show it.
    const item = taskId ? inbox.items.find((i) => i.id === taskId) : undefined;
    if (task && item && (item.status !== task.status || item.assignee !== task.assignee)) await loadTask();
    root.dataset.loaded = 'true';
  };

  await refresh();
  await loadTask();
  return {
    refresh,
    relabel: () => {
      formState = '';
      renderList();
      renderTask();
    },
  };
}
