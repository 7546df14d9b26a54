// /app/admin/keys: API keys of systems: create (the token shown once),
// revoke, and when each was last used.

import { ApiError, type ApiKey, type Role } from '../../shared/api/client.js';
import { el, fill } from '../../shared/dom.js';
import { formatDateTime } from '../../shared/format.js';
import { tr, type WorkspaceKey } from '../../shared/i18n/i18n.js';
import type { Page, PageContext } from '../pageContext.js';
import { table } from './adminShared.js';

const ROLES: Role[] = ['officer', 'desk', 'supervisor', 'analyst', 'admin'];

export async function adminKeysPage(ctx: PageContext): Promise<Page> {
  const list = el('div', { id: 'admin-keys-list' });
  const status = el('div', { id: 'admin-keys-status', role: 'status' });
  const failed = (err: unknown) => fill(status, tr('common.error', { detail: err instanceof ApiError ? err.message : String(err) }));
  const name = el('input', { id: 'admin-key-name', required: true });
  const role = el('select', { id: 'admin-key-role' }, ...ROLES.map((r) => el('option', { value: r }, tr(`role.${r}` as WorkspaceKey))));
  const department = el('input', { id: 'admin-key-department', placeholder: 'TUPHAP_XA' });
  const form = el('form', { id: 'admin-new-key', class: 'ws-form' },
    el('label', { for: 'admin-key-name' }, tr('admin.keyName')), name,
    el('label', { for: 'admin-key-role' }, tr('admin.role')), role,
    el('label', { for: 'admin-key-department' }, tr('admin.department')), department,
    el('div', { class: 'ws-actions' }, el('button', { type: 'submit', class: 'ws-primary' }, tr('admin.create'))));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const k = await ctx.api.createKey({ name: name.value.trim(), role: role.value as Role, ...(department.value.trim() ? { department: department.value.trim() } : {}) });
      fill(status, el('code', { id: 'admin-key-token' }, tr('admin.tokenOnce', { token: k.token })));
      form.reset();
      await refresh();
    } catch (err) {
      failed(err);
    }
  });
  const row = (k: ApiKey) => [
    k.name, tr(`role.${k.role}` as WorkspaceKey), k.department ?? '', k.tokenHint,
    k.revokedAt ? tr('admin.revoked') : k.lastUsedAt ? formatDateTime(k.lastUsedAt) : tr('admin.never'),
    k.revokedAt || k.bootstrap ? '' : el('button', { type: 'button', 'data-revoke': k.id, onclick: async () => {
      try {
        await ctx.api.revokeKey(k.id);
        await refresh();
      } catch (err) {
        failed(err);
      }
    } }, tr('admin.revoke')),
  ];
  async function refresh(): Promise<void> {
    const keys = await ctx.api.keys(true);
    fill(list, table([tr('admin.keyName'), tr('admin.role'), tr('admin.department'), '', tr('admin.lastUsed'), ''], keys.map(row)));
  }
  fill(ctx.root, el('section', { class: 'ws-card' }, el('h1', {}, tr('nav.adminKeys')), status, list), el('section', { class: 'ws-card' }, el('h2', {}, tr('admin.create')), form));
  await refresh();
  ctx.root.dataset.loaded = 'true';
  return { refresh };
}
