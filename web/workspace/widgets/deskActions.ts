// The desk's actions on one dossier, shared by the desk page and the dossier
// page: record the citizen's supplement, the apology and new appointment
// letter (a new promised date, once), the return of the result.

import { type PageContext } from '../pageContext.js';
import { ApiError } from '../../shared/api/client.js';
import { el, fill } from '../../shared/dom.js';
import { formatDate, formatDateTime, nextWeekday, parseVnDate, vnDateTimeIso, vnDay } from '../../shared/format.js';
import { fieldMessage } from '../../shared/forms/fieldMessage.js';
import { tr } from '../../shared/i18n/i18n.js';
import { fieldProblemText } from '../../shared/i18n/problemText.js';

type Ctx = PageContext;

function problemText(err: unknown): string {
  if (err instanceof ApiError) {
    const errors = err.problem?.errors ?? [];
    return errors.length ? `${err.message}` : err.message;
  }
  return err instanceof Error ? err.message : String(err);
}

export function supplementButton(ctx: Ctx, code: string, done: () => void): HTMLButtonElement {
  const button = el('button', { type: 'button', class: 'ws-primary', 'data-action': 'record-supplement', 'data-code': code }, tr('desk.recordSupplement'));
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const r = await ctx.api.recordSupplement(code);
      ctx.notify(tr('desk.supplementRecorded', { code, due: formatDateTime(r.dueAt) }), 'ok');
      done();
    } catch (err) {
      ctx.notify(tr('common.error', { detail: problemText(err) }), 'error');
      button.disabled = false;
    }
  });
  return button;
}

export function returnButton(ctx: Ctx, code: string, done: () => void): HTMLButtonElement {
  const button = el('button', { type: 'button', class: 'ws-primary', 'data-action': 'return-result', 'data-code': code }, tr('desk.returnResult'));
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await ctx.api.returnResult(code);
      ctx.notify(tr('desk.returned', { code }), 'ok');
      done();
    } catch (err) {
      ctx.notify(tr('common.error', { detail: problemText(err) }), 'error');
      button.disabled = false;
    }
  });
  return button;
}

/** The apology letter form: reason, the unit that caused the delay, the new promised date (a working day, at 17:00). */
export async function apologyForm(ctx: Ctx, code: string, dueAt: string | null, done: () => void): Promise<HTMLFormElement> {
  const departments = await ctx.departments();
  const id = `ws-apology-${code.replace(/[^A-Za-z0-9]/g, '_')}`;
  const reason = el('textarea', { id: `${id}-reason`, rows: 2, maxlength: 2000 });
  // No unit is blamed by default: the desk chooses the one that caused the delay.
  const department = el('select', { id: `${id}-department` }, el('option', { value: '' }, tr('form.choose')), ...departments.map((d) => el('option', { value: d.code }, d.name)));
  const base = dueAt ? vnDay(dueAt) : new Date().toISOString().slice(0, 10);
  const date = el('input', { id: `${id}-date`, type: 'text', inputmode: 'numeric', placeholder: 'dd/mm/yyyy', value: formatDate(nextWeekday(base)) });
  const errors = { reason: el('div', { class: 'ws-field-error' }), department: el('div', { class: 'ws-field-error' }), date: el('div', { class: 'ws-field-error' }) };
  const general = el('div', { class: 'ws-form-error', role: 'alert' });
  const submit = el('button', { type: 'submit', class: 'ws-primary', 'data-action': 'apology' }, tr('desk.apologySend'));
  const form = el('form', { class: 'ws-form ws-apology', 'data-code': code, novalidate: true },
    el('h3', {}, tr('desk.apology')),
    el('div', { class: 'ws-field', 'data-field': 'reason' }, el('label', { for: reason.id }, tr('desk.apologyReason'), el('span', { class: 'ws-required' }, ' *')), reason, errors.reason),
    el('div', { class: 'ws-field', 'data-field': 'responsibleDepartment' }, el('label', { for: department.id }, tr('desk.apologyDepartment')), department, errors.department),
    el('div', { class: 'ws-field', 'data-field': 'newDueAt' }, el('label', { for: date.id }, tr('desk.apologyDate')), date, errors.date),
    general,
    el('div', { class: 'ws-actions' }, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    for (const box of [...Object.values(errors), general]) fill(box);
    if (!reason.value.trim()) {
      fill(errors.reason, fieldMessage('is required'));
      return;
    }
    if (!department.value) {
      fill(errors.department, fieldMessage('is required'));
      return;
    }
    const day = parseVnDate(date.value);
    if (!day) {
      fill(errors.date, fieldMessage('must match format "date"'));
      return;
    }
    submit.disabled = true;
    try {
      // The new promised date: the end of that working day's office hours.
      const r = await ctx.api.apology(code, { reason: reason.value.trim(), responsibleDepartment: department.value, newDueAt: vnDateTimeIso(day) });
      ctx.notify(`${tr('desk.apologyRecorded', { due: formatDateTime(r.dueAt) })}${r.issuedInTime ? '' : ` ${tr('desk.apologyLate')}`}`, 'ok');
      done();
    } catch (err) {
      submit.disabled = false;
      const items = err instanceof ApiError ? err.problem?.errors ?? [] : [];
      let shown = false;
      for (const item of items as Array<{ path?: string; message: string }>) {
        const box = item.path?.endsWith('/reason') ? errors.reason : item.path?.endsWith('/responsibleDepartment') ? errors.department : item.path?.endsWith('/newDueAt') ? errors.date : null;
        if (box) {
          box.append(el('div', {}, fieldProblemText(item, (path) => tr(path.endsWith('/reason') ? 'desk.apologyReason' : path.endsWith('/newDueAt') ? 'desk.apologyDate' : 'desk.apologyDepartment'))));
          shown = true;
        }
      }
      if (!shown) fill(general, problemText(err));
    }
  });
  return form;
}
