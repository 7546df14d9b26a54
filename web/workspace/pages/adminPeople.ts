// /app/admin/people: the administrator's list of people: create one,
// deactivate or reactivate, reset a password, edit the memberships.

import type { Person } from '../../shared/api/client.js';
import { el, fill } from '../../shared/dom.js';
import { tr, type WorkspaceKey } from '../../shared/i18n/i18n.js';
import type { Page, PageContext } from '../pageContext.js';
import { adminAction, errorText, membershipsText, parseMemberships, table } from './adminShared.js';

export async function adminPeoplePage(ctx: PageContext): Promise<Page> {
  const list = el('div', { id: 'admin-people-list' });
  const search = el('input', { id: 'admin-people-search', type: 'search', placeholder: tr('admin.search') });
  const status = el('div', { id: 'admin-people-status', role: 'status' });
  const say = (text: string) => fill(status, text);
  const failed = (err: unknown) => say(errorText(err));

  const username = el('input', { id: 'admin-new-username', required: true, autocomplete: 'off' });
  const fullName = el('input', { id: 'admin-new-fullname', required: true });
  const password = el('input', { id: 'admin-new-password', type: 'password', autocomplete: 'new-password' });
  const memberships = el('textarea', { id: 'admin-new-memberships', rows: 2, placeholder: 'officer:TUPHAP_XA' });
  const form = el('form', { id: 'admin-new-person', class: 'ws-form' },
    el('label', { for: 'admin-new-username' }, tr('admin.username')), username,
    el('label', { for: 'admin-new-fullname' }, tr('admin.fullName')), fullName,
    el('label', { for: 'admin-new-password' }, tr('admin.password')), password,
    el('label', { for: 'admin-new-memberships' }, tr('admin.memberships')), memberships,
    el('div', { class: 'ws-hint' }, tr('admin.membershipsHint')),
    el('div', { class: 'ws-actions' }, el('button', { type: 'submit', class: 'ws-primary', id: 'admin-create-person' }, tr('admin.create'))));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const p = await ctx.api.createPerson({ username: username.value.trim(), fullName: fullName.value.trim(), memberships: parseMemberships(memberships.value), ...(password.value ? { password: password.value } : {}) });
      say(tr('admin.created', { name: p.username }));
      form.reset();
      await refresh();
    } catch (err) {
      failed(err);
    }
  });

  const act = adminAction(status, refresh);

  const row = (p: Person) => [
    el('span', { 'data-username': p.username }, p.username),
    p.fullName,
    el('pre', { class: 'ws-memberships' }, membershipsText(p.memberships)),
    p.active ? tr('admin.active') : tr('admin.inactive'),
    el('span', { class: 'ws-actions' },
      el('button', { type: 'button', 'data-action': 'toggle', onclick: () => act(() => ctx.api.updatePerson(p.id, { active: !p.active })) }, p.active ? tr('admin.deactivate') : tr('admin.reactivate')),
      el('button', { type: 'button', 'data-action': 'reset', onclick: () => {
        const next = prompt(tr('admin.resetPassword'));
        if (next) void act(() => ctx.api.updatePerson(p.id, { password: next }));
      } }, tr('admin.resetPassword')),
      el('button', { type: 'button', 'data-action': 'memberships', onclick: () => {
        const next = prompt(tr('admin.membershipsHint'), membershipsText(p.memberships));
        if (next !== null) void act(() => ctx.api.updatePerson(p.id, { memberships: parseMemberships(next) }));
      } }, tr('admin.editMemberships'))),
  ];

  async function refresh(): Promise<void> {
    const page = await ctx.api.people({ search: search.value.trim() || undefined, limit: 500 });
    fill(list,
      el('p', { id: 'admin-people-total', 'data-total': page.total }, tr('admin.total', { count: page.total })),
      table([tr('admin.username'), tr('admin.fullName'), tr('admin.memberships'), tr('admin.active'), ''], page.items.map(row)));
  }
  search.addEventListener('input', () => void refresh().catch(failed));

  const render = () => fill(ctx.root,
    el('section', { class: 'ws-card' }, el('h1', {}, tr('nav.adminPeople' as WorkspaceKey)), search, status, list),
    el('section', { class: 'ws-card' }, el('h2', {}, tr('admin.create')), form));
  render();
  await refresh();
  ctx.root.dataset.loaded = 'true';
  return { refresh };
}
