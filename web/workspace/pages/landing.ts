// `/`: the sign-in (one API key for the workspace and the designer), then
// the pages of the key's role; analysts are sent on to the designer.

import { ApiError, type Role } from '../../shared/api/client.js';
import { el, fill } from '../../shared/dom.js';
import { tr, type WorkspaceKey } from '../../shared/i18n/i18n.js';
import type { Page, PageContext, Session } from '../pageContext.js';
import { homeOf, NAV } from '../roles.js';

export function landingPage(ctx: PageContext, app: Session): Page {
  const root = ctx.root;
  const render = () => {
    const me = app.me;
    if (!me) {
      fill(root, signInForm(ctx, app));
      (root.querySelector('#ws-key') as HTMLInputElement | null)?.focus();
      return;
    }
    const items = NAV[me.role];
    fill(root,
      el('section', { class: 'ws-card ws-landing' },
        el('h1', {}, tr('landing.title')),
        el('p', { id: 'ws-signed-in' }, tr('landing.signedIn', { name: me.actor, role: tr(`role.${me.role}` as WorkspaceKey) })),
        el('h2', {}, tr('landing.go')),
        el('div', { class: 'ws-cards' }, ...items.map((item) =>
          el('a', { class: 'ws-tile', href: item.href, ...(item.external ? {} : { 'data-link': '' }), 'data-page': item.href },
            el('strong', {}, tr(item.label)),
            item.card ? el('span', {}, tr(item.card)) : null)))));
  };
  render();
  return { relabel: render };
}

function signInForm(ctx: PageContext, app: Session): HTMLElement {
  const error = el('div', { id: 'ws-signin-error', class: 'ws-error', role: 'alert' });
  const key = el('input', { id: 'ws-key', name: 'key', type: 'password', autocomplete: 'off', spellcheck: 'false', required: true });
  const user = el('input', { id: 'ws-user', name: 'user', type: 'text', autocomplete: 'name', maxlength: 100 });
  const submit = el('button', { type: 'submit', id: 'ws-signin', class: 'ws-primary' }, tr('auth.signIn'));
  const form = el('form', { id: 'ws-signin-form', class: 'ws-form', novalidate: true },
    el('label', { for: 'ws-key' }, tr('auth.apiKey')), key,
    el('label', { for: 'ws-user' }, tr('landing.user')), user,
    el('div', { class: 'ws-hint' }, tr('landing.userHint')),
    error,
    el('div', { class: 'ws-actions' }, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const token = key.value.trim();
    if (!token) return;
    submit.disabled = true;
    fill(error, tr('auth.checking'));
    try {
      const me = await app.signIn(token, user.value);
      const next = ctx.query.get('next');
      ctx.navigate(next && next.startsWith('/app/') ? next : homeOf(me.role as Role), true);
    } catch (err) {
      fill(error, tr('auth.refused', { detail: err instanceof ApiError ? err.message : String(err) }));
      submit.disabled = false;
    }
  });
  return el('section', { class: 'ws-card ws-landing' },
    el('h1', {}, tr('landing.title')),
    el('p', {}, tr('landing.text')),
    form,
    // Analysts sign in here or there: the designer reads the same key.
    el('p', { class: 'ws-designer-link' }, tr('landing.designerCard'), ' ', el('a', { href: '/designer/', id: 'ws-designer-link' }, tr('nav.designer'), ' →')));
}
