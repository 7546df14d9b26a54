// /app/admin/departments: the department registry and each department's webhook.

import type { Department } from '../../shared/api/client.js';
import { el, fill } from '../../shared/dom.js';
import { tr } from '../../shared/i18n/i18n.js';
import type { Page, PageContext } from '../pageContext.js';
import { adminAction, table } from './adminShared.js';

export async function adminDepartmentsPage(ctx: PageContext): Promise<Page> {
  const list = el('div', { id: 'admin-departments-list' });
  const status = el('div', { id: 'admin-departments-status', role: 'status' });
  const act = adminAction(status, refresh);
  const code = el('input', { id: 'admin-dept-code', required: true, placeholder: 'TUPHAP_XA' });
  const name = el('input', { id: 'admin-dept-name', required: true });
  const agency = el('input', { id: 'admin-dept-agency', required: true });
  const form = el('form', { class: 'ws-form', id: 'admin-new-department' },
    el('label', { for: 'admin-dept-code' }, tr('admin.code')), code,
    el('label', { for: 'admin-dept-name' }, tr('admin.name')), name,
    el('label', { for: 'admin-dept-agency' }, tr('admin.agency')), agency,
    el('div', { class: 'ws-actions' }, el('button', { type: 'submit', class: 'ws-primary' }, tr('admin.create'))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void act(() => ctx.api.saveDepartment({ code: code.value.trim(), name: name.value.trim(), agency: agency.value.trim() }));
  });
  const row = (d: Department) => [
    d.code, d.name, d.agency,
    el('span', { class: 'ws-actions' },
      d.webhook ? d.webhook.url : '',
      el('button', { type: 'button', onclick: () => {
        const url = prompt(tr('admin.webhookUrl'), d.webhook?.url ?? 'https://');
        const secret = url ? prompt(tr('admin.webhookSecret')) : null;
        if (url && secret) void act(() => ctx.api.setWebhook(d.code, { url, secret }));
      } }, tr('admin.webhook')),
      d.webhook ? el('button', { type: 'button', onclick: () => void act(() => ctx.api.removeWebhook(d.code)) }, tr('admin.removeWebhook')) : null),
  ];
  async function refresh(): Promise<void> {
    const items = await ctx.api.departments();
    fill(list, table([tr('admin.code'), tr('admin.name'), tr('admin.agency'), tr('admin.webhook')], items.map(row)));
  }
  fill(ctx.root, el('section', { class: 'ws-card' }, el('h1', {}, tr('nav.adminDepartments')), status, list), el('section', { class: 'ws-card' }, el('h2', {}, tr('admin.create')), form));
  await refresh();
  ctx.root.dataset.loaded = 'true';
  return { refresh };
}
