// `/`: the sign-in (a person's username and password, single sign-on when
// configured, or a system's API key), the forced change of a password an
// administrator set, then the pages of the role.

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
      // Sent here because the server no longer knew the sign-in: say why before asking again.
      const ended = ctx.query.get('ended') ? el('p', { class: 'ws-form-error', role: 'alert', id: 'ws-session-ended' }, tr('landing.sessionEnded')) : null;
      fill(root, ended, signInForm(ctx, app));
      (root.querySelector('#ws-username') as HTMLInputElement | null)?.focus();
      return;
    }
    if (me.mustChangePassword) {
      fill(root, changePasswordForm(ctx, app, render));
      (root.querySelector('#ws-current-password') as HTMLInputElement | null)?.focus();
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

const goOn = (ctx: PageContext, me: { role: string }) => {
  const next = ctx.query.get('next');
  ctx.navigate(next && next.startsWith('/app/') ? next : homeOf(me.role as Role), true);
};

function passwordForm(ctx: PageContext, app: Session): HTMLElement {
  const error = el('div', { id: 'ws-login-error', class: 'ws-error', role: 'alert' });
  const username = el('input', { id: 'ws-username', name: 'username', type: 'text', autocomplete: 'username', required: true, maxlength: 64 });
  const password = el('input', { id: 'ws-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const submit = el('button', { type: 'submit', id: 'ws-login', class: 'ws-primary' }, tr('login.submit'));
  const sso = el('div', { id: 'ws-sso' });
  void ctx.api.ssoSettings().then((s) => {
    if (s.enabled && s.startUrl) fill(sso, el('a', { href: s.startUrl, id: 'ws-sso-start', class: 'ws-button' }, tr('login.sso')));
  }).catch(() => {});
  const form = el('form', { id: 'ws-login-form', class: 'ws-form', novalidate: true },
    el('label', { for: 'ws-username' }, tr('login.username')), username,
    el('label', { for: 'ws-password' }, tr('login.password')), password,
    error,
    el('div', { class: 'ws-actions' }, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!username.value.trim() || !password.value) return;
    submit.disabled = true;
    fill(error);
    try {
      const me = await app.signInWithPassword(username.value.trim(), password.value);
      if (me.mustChangePassword) ctx.navigate(`/${location.search}`, true);
      else goOn(ctx, me);
    } catch (err) {
      fill(error, tr('login.refused', { detail: err instanceof ApiError ? err.message : String(err) }));
      submit.disabled = false;
    }
  });
  return el('div', {}, el('p', {}, tr('login.text')), form, sso);
}

function changePasswordForm(ctx: PageContext, app: Session, done: () => void): HTMLElement {
  const error = el('div', { id: 'ws-change-error', class: 'ws-error', role: 'alert' });
  const current = el('input', { id: 'ws-current-password', type: 'password', autocomplete: 'current-password', required: true });
  const next = el('input', { id: 'ws-new-password', type: 'password', autocomplete: 'new-password', required: true, minlength: 10 });
  const submit = el('button', { type: 'submit', id: 'ws-change-password', class: 'ws-primary' }, tr('login.changeTitle'));
  const form = el('form', { id: 'ws-change-form', class: 'ws-form', novalidate: true },
    el('label', { for: 'ws-current-password' }, tr('login.current')), current,
    el('label', { for: 'ws-new-password' }, tr('login.new')), next,
    error,
    el('div', { class: 'ws-actions' }, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    try {
      const me = await app.changePassword(current.value, next.value);
      ctx.notify(tr('login.changed'), 'ok');
      if (me.mustChangePassword) done();
      else goOn(ctx, me);
    } catch (err) {
      fill(error, tr('login.refused', { detail: err instanceof ApiError ? err.message : String(err) }));
      submit.disabled = false;
    }
  });
  return el('section', { class: 'ws-card ws-landing' }, el('h1', {}, tr('login.changeTitle')), el('p', {}, tr('login.changeText')), form);
}

function signInForm(ctx: PageContext, app: Session): HTMLElement {
  return el('section', { class: 'ws-card ws-landing' },
    el('h1', {}, tr('landing.title')),
    passwordForm(ctx, app),
    // Systems (a department's software, the tests of the designer) still sign in with a key.
    el('details', { id: 'ws-key-signin', open: true }, el('summary', {}, tr('login.systemKey')), keyForm(ctx, app)),
    el('p', { class: 'ws-designer-link' }, tr('landing.designerCard'), ' ', el('a', { href: '/designer/', id: 'ws-designer-link' }, tr('nav.designer'), ' →')));
}

function keyForm(ctx: PageContext, app: Session): HTMLElement {
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
      goOn(ctx, await app.signIn(token, user.value));
    } catch (err) {
      fill(error, tr('auth.refused', { detail: err instanceof ApiError ? err.message : String(err) }));
      submit.disabled = false;
    }
  });
  return el('div', {}, el('p', {}, tr('landing.text')), form);
}
