// The confirmation before a version goes live: the deploy rules' warnings on
// the draft, in the reader's language, and the effective time, entered in
// Vietnam time (default now). Answers the chosen time (null: at once), or
// null when the analyst cancels.

import { el } from '../../../../web/shared/dom.js';
import { formatDateTime, parseVnDateTime } from '../../../../web/shared/format.js';
import { currentLang, t } from '../../../../web/shared/i18n/i18n.js';
import { elementLabel, lintMessage } from '../../../../engine/lint/lintMessages.js';

export interface DialogProblem {
  elementId: string | null;
  message: string;
  rule: string;
  severity: 'error' | 'warning';
  code?: string;
  params?: Record<string, string | number>;
}

export interface PublishQuestion {
  /** "2.002621 · Đăng ký khai sinh…" */
  what: string;
  warnings: DialogProblem[];
  approvalRequired: boolean;
  now: Date;
  /** The element's name on the canvas, for the sentence. */
  nameOf(elementId: string | null): string | undefined;
}

export type PublishAnswer = { effectiveAt: string | null } | null;

/**
 * A problem as the reader reads it, naming its element by its name (the id,
 * a technical word, only for an element without one; it stays on the item's
 * data-element-id).
 */
export function problemText(p: DialogProblem, nameOf: (id: string | null) => string | undefined): string {
  const name = p.elementId ? nameOf(p.elementId) : undefined;
  return lintMessage(p, currentLang(), p.elementId ? elementLabel(name, name ? null : p.elementId) : undefined);
}

/**
 * The effective time typed by the analyst: unchanged (or empty) means now;
 * otherwise a Vietnamese date and time not in the past.
 */
export function readEffectiveTime(text: string, shown: string, now: Date): { effectiveAt: string | null } | { error: string } {
  const value = text.trim();
  if (!value || value === shown) return { effectiveAt: null };
  const iso = parseVnDateTime(value);
  if (!iso) return { error: t('publish.effectiveInvalid') };
  // A minute's grace: the time shown was "now" when the dialog opened.
  if (Date.parse(iso) < now.getTime() - 60_000) return { error: t('publish.effectivePast') };
  return { effectiveAt: Date.parse(iso) <= now.getTime() ? null : iso };
}

export function askToPublish(q: PublishQuestion): Promise<PublishAnswer> {
  const shown = formatDateTime(q.now);
  const input = el('input', { id: 'publish-effective', type: 'text', value: shown, autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'publish-effective-hint' }) as HTMLInputElement;
  const error = el('div', { id: 'publish-error', class: 'od-error', role: 'alert' });
  const warnings = q.warnings.length
    ? el('ul', { class: 'od-publish-warnings' }, ...q.warnings.map((w) => el('li', { 'data-rule': w.rule, ...(w.elementId ? { 'data-element-id': w.elementId } : {}) }, problemText(w, q.nameOf))))
    : el('p', { class: 'od-muted' }, t('publish.noWarnings'));
  const confirm = el('button', { type: 'submit', id: 'publish-confirm', class: 'od-primary' }, t(q.approvalRequired ? 'publish.confirmApproval' : 'publish.confirm'));
  const cancel = el('button', { type: 'button', id: 'publish-cancel' }, t('publish.cancel'));
  const form = el('form', { method: 'dialog' },
    el('h2', {}, t('publish.title')),
    el('p', {}, t('publish.intro', { what: q.what })),
    el('h3', {}, t('publish.warnings', { count: q.warnings.length })),
    warnings,
    ...(q.warnings.length ? [el('p', { class: 'od-muted' }, t('publish.warningsNote'))] : []),
    el('label', { for: 'publish-effective' }, t('publish.effective')),
    input,
    el('small', { id: 'publish-effective-hint', class: 'od-muted' }, t('publish.effectiveHint', { example: shown })),
    ...(q.approvalRequired ? [el('p', { class: 'od-approval-note' }, t('publish.approvalNote'))] : []),
    error,
    el('div', { class: 'od-dialog-buttons' }, cancel, confirm));
  const dialog = el('dialog', { id: 'publish-dialog', class: 'od-wide-dialog' }, form) as HTMLDialogElement;
  document.body.append(dialog);

  return new Promise<PublishAnswer>((resolve) => {
    let answer: PublishAnswer = null;
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(answer);
    });
    cancel.addEventListener('click', () => dialog.close());
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const read = readEffectiveTime(input.value, shown, new Date());
      if ('error' in read) {
        error.textContent = read.error;
        input.focus();
        return;
      }
      answer = read;
      dialog.close();
    });
    dialog.showModal();
    confirm.focus();
  });
}
