// /app/admin/notices: the wording of the five notices to citizens (reception,
// supplement request, apology, result ready, return), with the placeholders
// each may use, and the delivery log (channel, recipient masked, status,
// attempts, last error). A placeholder a notice does not know is refused by
// the server; its field errors are said here in the reader's language.

import { ApiError } from '../../shared/api/client.js';
import type { components } from '../../shared/api/schema.js';
import { el, fill, update } from '../../shared/dom.js';
import { formatDateTime } from '../../shared/format.js';
import { tr, type WorkspaceKey } from '../../shared/i18n/i18n.js';
import type { Page, PageContext } from '../pageContext.js';
import { errorText, table } from './adminShared.js';

type Template = components['schemas']['NoticeTemplate'];
type Delivery = components['schemas']['NoticeDelivery'];

const braces = (names: readonly string[]) => names.map((n) => `{${n}}`).join(', ');

/** The server's refusal of a template, field by field, in the reader's language. */
function refusalText(err: unknown, t: Template): string {
  const errors = err instanceof ApiError ? err.problem?.errors ?? [] : [];
  if (!errors.length) return errorText(err);
  return errors.map((e) => {
    const field = tr(e.path === '/subject' ? 'notices.subject' : 'notices.body');
    if (e.code === 'unknown-placeholder') return tr('notices.unknownPlaceholder', { field, placeholder: `{${String(e.params?.placeholder ?? '')}}`, known: braces(t.placeholders) });
    if (e.code === 'one-line') return tr('notices.oneLine', { field });
    return tr('notices.emptyField', { field });
  }).join(' ');
}

function templateCard(ctx: PageContext, t: Template, reload: () => Promise<void>): HTMLElement {
  const id = `admin-notice-${t.kind}`;
  const subject = el('input', { id: `${id}-subject`, value: t.subject, maxlength: '300' });
  const body = el('textarea', { id: `${id}-body`, rows: '8', maxlength: '5000' }, t.body);
  const status = el('p', { id: `${id}-status`, role: 'status', class: 'ws-inline-status' });
  const form = el('form', { id, class: 'ws-form', 'data-kind': t.kind },
    el('h2', {}, tr(`notices.kind.${t.kind}` as WorkspaceKey), ' ', el('small', {}, `(${tr(t.isDefault ? 'notices.default' : 'notices.custom')})`)),
    el('label', { for: `${id}-subject` }, tr('notices.subject')), subject,
    el('label', { for: `${id}-body` }, tr('notices.body')), body,
    el('p', { class: 'ws-hint' }, tr('notices.placeholders', { list: braces(t.placeholders) })),
    el('div', { class: 'ws-actions' },
      el('button', { type: 'submit', class: 'ws-primary', 'data-save': t.kind }, tr('notices.save')),
      t.isDefault ? null : el('button', { type: 'button', 'data-reset': t.kind, onclick: async () => {
        try {
          await ctx.api.resetNoticeTemplate(t.kind);
          await reload();
        } catch (err) {
          fill(status, errorText(err));
        }
      } }, tr('notices.reset'))),
    status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await ctx.api.saveNoticeTemplate(t.kind, { subject: subject.value, body: body.value });
      await reload();
      fill(document.getElementById(`${id}-status`) ?? status, tr('admin.saved'));
    } catch (err) {
      status.dataset.kind = 'error';
      fill(status, refusalText(err, t));
    }
  });
  return form;
}

const deliveryRow = (d: Delivery) => [
  d.dossierCode,
  tr(`notices.kind.${d.kind}` as WorkspaceKey),
  `${tr(`notices.channel.${d.channel}` as WorkspaceKey)}${d.via ? ` (${d.via})` : ''}`,
  d.recipient,
  tr(`notices.status.${d.status}` as WorkspaceKey),
  String(d.attempts),
  d.lastError ?? '',
  formatDateTime(d.createdAt),
  d.sentAt ? formatDateTime(d.sentAt) : '',
];

export async function adminNoticesPage(ctx: PageContext): Promise<Page> {
  const templates = el('div', { id: 'admin-notice-templates' });
  const log = el('div', { id: 'admin-notice-log' });
  async function reloadTemplates(): Promise<void> {
    const { items } = await ctx.api.noticeTemplates();
    fill(templates, ...items.map((t) => el('section', { class: 'ws-card' }, templateCard(ctx, t, reloadTemplates))));
  }
  // The poll refreshes the log only: a template being edited is left alone.
  async function refresh(): Promise<void> {
    const page = await ctx.api.noticeDeliveries({ limit: 100 });
    update(log, page.items.length
      ? table([tr('notices.dossier'), tr('notices.kind'), tr('notices.channel'), tr('notices.recipient'), tr('notices.status'), tr('notices.attempts'), tr('notices.lastError'), tr('notices.createdAt'), tr('notices.sentAt')], page.items.map(deliveryRow))
      : el('p', {}, tr('notices.empty')));
  }
  fill(ctx.root,
    el('section', { class: 'ws-card' }, el('h1', {}, tr('nav.adminNotices')), el('p', {}, tr('card.adminNotices'))),
    el('h2', {}, tr('notices.templates')), templates,
    el('section', { class: 'ws-card' }, el('h2', {}, tr('notices.log')), log));
  await Promise.all([reloadTemplates(), refresh()]);
  ctx.root.dataset.loaded = 'true';
  return { refresh };
}
