// The desk's moves of the national status lifecycle on one dossier: accept or
// refuse a dossier filed online (status 1), stop processing (8), record the
// payment of the fees a dossier awaits (6). Each answers with the server's
// sentence when the move is not allowed.

import { type PageContext } from '../pageContext.js';
import { el } from '../../shared/dom.js';
import { tr, type WorkspaceKey } from '../../shared/i18n/i18n.js';

type Ctx = PageContext;

// The client words a refusal in the reader's language (ApiError's message).
const problemText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** A small form: optional text input, a button, and the call it makes. */
function actionForm(ctx: Ctx, o: { action: string; code: string; label: WorkspaceKey; input?: WorkspaceKey; optional?: boolean; confirm?: WorkspaceKey; extra?: HTMLElement[]; run: (text: string) => Promise<unknown>; done: () => void }): HTMLFormElement {
  const id = `ws-${o.action}-${o.code.replace(/[^A-Za-z0-9]/g, '_')}`;
  const text = o.input ? el('input', { id: `${id}-text`, type: 'text', maxlength: 2000, size: 40 }) : null;
  const button = el('button', { type: 'submit', class: 'ws-primary', 'data-action': o.action, 'data-code': o.code }, tr(o.label));
  const form = el('form', { class: 'ws-inline-form', id },
    ...(text && o.input ? [el('label', { for: text.id }, tr(o.input)), text] : []), ...(o.extra ?? []), button);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (text && !o.optional && !text.value.trim()) {
      text.setAttribute('aria-invalid', 'true');
      return;
    }
    // A move that cannot be undone is confirmed first.
    if (o.confirm && !window.confirm(tr(o.confirm, { code: o.code }))) return;
    button.disabled = true;
    // The answer appears next to the button as well as at the top of the page.
    form.querySelector('.ws-inline-status')?.remove();
    try {
      await o.run(text?.value.trim() ?? '');
      ctx.notify(tr('lifecycle.done', { code: o.code }), 'ok');
      form.append(el('span', { class: 'ws-inline-status ws-ok', role: 'status' }, tr('lifecycle.done', { code: o.code })));
      o.done();
    } catch (err) {
      ctx.notify(tr('common.error', { detail: problemText(err) }), 'error');
      form.append(el('span', { class: 'ws-inline-status ws-error', role: 'alert' }, problemText(err)));
      button.disabled = false;
    }
  });
  return form;
}

export const acceptForm = (ctx: Ctx, code: string, done: () => void) =>
  actionForm(ctx, { action: 'accept', code, label: 'lifecycle.accept', run: () => ctx.api.acceptDossier(code), done });

export const refuseForm = (ctx: Ctx, code: string, done: () => void) =>
  actionForm(ctx, { action: 'refuse', code, label: 'lifecycle.refuse', input: 'lifecycle.refuseReason', confirm: 'dossier.refuseConfirm', run: (reason) => ctx.api.refuseDossier(code, [reason]), done });

/** The citizen takes the dossier back: any time before it is resolved (the reason is optional). */
export const withdrawForm = (ctx: Ctx, code: string, done: () => void) =>
  actionForm(ctx, { action: 'withdraw', code, label: 'dossier.withdraw', input: 'dossier.withdrawReason', optional: true, confirm: 'dossier.withdrawConfirm', run: (reason) => ctx.api.withdrawDossier(code, reason || undefined), done });

export const stopForm = (ctx: Ctx, code: string, done: () => void) =>
  actionForm(ctx, { action: 'stop', code, label: 'lifecycle.stop', input: 'lifecycle.stopReason', run: (reason) => ctx.api.stopDossier(code, reason), done });

export function feesForm(ctx: Ctx, code: string, done: () => void): HTMLFormElement {
  const id = `ws-fees-${code.replace(/[^A-Za-z0-9]/g, '_')}`;
  const amount = el('input', { id: `${id}-amount`, type: 'number', min: 1, step: 1, size: 10 });
  const online = el('input', { id: `${id}-online`, type: 'checkbox' });
  return actionForm(ctx, {
    action: 'fees', code, label: 'lifecycle.pay',
    extra: [el('label', { for: amount.id }, tr('lifecycle.amount')), amount, online, el('label', { for: online.id }, tr('lifecycle.online'))],
    run: () => ctx.api.payFees(code, { amount: Number(amount.value), paidAt: new Date().toISOString(), online: online.checked }),
    done,
  });
}
