// /app/admin/audit: the audit log, filtered by actor and action.

import { el, fill } from '../../shared/dom.js';
import { formatDateTime } from '../../shared/format.js';
import { tr } from '../../shared/i18n/i18n.js';
import type { Page, PageContext } from '../pageContext.js';
import { table } from './adminShared.js';

export async function adminAuditPage(ctx: PageContext): Promise<Page> {
  const actor = el('input', { id: 'admin-audit-actor', placeholder: tr('admin.actor') });
  const action = el('input', { id: 'admin-audit-action', placeholder: 'session.' });
  const list = el('div', { id: 'admin-audit-list' });
  async function refresh(): Promise<void> {
    const page = await ctx.api.audit({ actor: actor.value.trim() || undefined, action: action.value.trim() || undefined, limit: 200 });
    fill(list, table([tr('admin.at'), tr('admin.actor'), tr('admin.action'), tr('admin.target')], page.items.map((e) => [formatDateTime(e.at), e.actor, e.action, e.target ?? ''])));
  }
  actor.addEventListener('change', () => void refresh());
  action.addEventListener('change', () => void refresh());
  fill(ctx.root, el('section', { class: 'ws-card' }, el('h1', {}, tr('nav.adminAudit')), el('div', { class: 'ws-actions' }, actor, action), list));
  await refresh();
  ctx.root.dataset.loaded = 'true';
  return { refresh };
}
