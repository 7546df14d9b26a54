// The workspace shell: one sign-in (shared with the designer, web/shared/session.ts),
// the pages each role may open, client-side routing under /app/…, the
// language toggle, and polling: the open page refreshes itself every few
// seconds without a reload (paused while the tab is hidden).

import { storedCsrf, storedToken, storedUser, storeCsrf, storeToken, storeUser } from '../../shared/session.js';
import { ApiError, OnestopApi, type Department, type Me, type ProcedureSummary, type Role } from '../../shared/api/client.js';
import { $, el, fill } from '../../shared/dom.js';
import { formatDateTime } from '../../shared/format.js';
import { currentLang, setLang, tr, type WorkspaceKey } from '../../shared/i18n/i18n.js';
import { landingPage } from '../pages/landing.js';
import { dashboardPage } from '../pages/dashboard.js';
import { inboxPage } from '../pages/inbox.js';
import { deskPage } from '../pages/desk.js';
import { dossierPage } from '../pages/dossier.js';
import { dossierListPage } from '../pages/dossierList.js';
import { heatmapPage } from '../pages/heatmap.js';
import { adminPeoplePage } from '../pages/adminPeople.js';
import { adminImportPage } from '../pages/adminImport.js';
import { adminKeysPage } from '../pages/adminKeys.js';
import { adminDepartmentsPage } from '../pages/adminDepartments.js';
import { adminCalendarsPage } from '../pages/adminCalendars.js';
import { adminAuditPage } from '../pages/adminAudit.js';
import { adminNoticesPage } from '../pages/adminNotices.js';
import { teamTasksPage } from '../pages/teamTasks.js';
import { NAV } from '../roles.js';
import type { Page, PageContext, PageFactory, Session } from '../pageContext.js';

const POLL_KEY = 'onestop.workspace.pollMs';
const DEFAULT_POLL_MS = 3000;


interface Route {
  pattern: RegExp;
  names: string[];
  roles: readonly Role[];
  page: PageFactory;
  title: WorkspaceKey;
}

const ROUTES: Route[] = [
  { pattern: /^\/app\/dashboard\/?$/, names: [], roles: ['supervisor'], page: dashboardPage, title: 'nav.dashboard' },
  { pattern: /^\/app\/inbox(?:\/([^/]+))?\/?$/, names: ['taskId'], roles: ['officer', 'supervisor'], page: inboxPage, title: 'nav.inbox' },
  { pattern: /^\/app\/desk\/?$/, names: [], roles: ['desk'], page: deskPage, title: 'nav.desk' },
  { pattern: /^\/app\/dossiers\/?$/, names: [], roles: ['desk', 'supervisor'], page: dossierListPage, title: 'nav.dossiers' },
  { pattern: /^\/app\/dossiers\/([^/]+)\/?$/, names: ['code'], roles: ['desk', 'supervisor', 'officer'], page: dossierPage, title: 'nav.dossiers' },
  { pattern: /^\/app\/heatmap(?:\/([^/]+))?\/?$/, names: ['code'], roles: ['supervisor', 'analyst'], page: heatmapPage, title: 'nav.heatmap' },
  { pattern: /^\/app\/tasks\/?$/, names: [], roles: ['officer', 'supervisor'], page: teamTasksPage, title: 'nav.tasks' },
  { pattern: /^\/app\/admin\/people\/?$/, names: [], roles: ['admin'], page: adminPeoplePage, title: 'nav.adminPeople' },
  { pattern: /^\/app\/admin\/import\/?$/, names: [], roles: ['admin'], page: adminImportPage, title: 'nav.adminImport' },
  { pattern: /^\/app\/admin\/keys\/?$/, names: [], roles: ['admin'], page: adminKeysPage, title: 'nav.adminKeys' },
  { pattern: /^\/app\/admin\/departments\/?$/, names: [], roles: ['admin'], page: adminDepartmentsPage, title: 'nav.adminDepartments' },
  { pattern: /^\/app\/admin\/calendars\/?$/, names: [], roles: ['admin'], page: adminCalendarsPage, title: 'nav.adminCalendars' },
  { pattern: /^\/app\/admin\/audit\/?$/, names: [], roles: ['admin'], page: adminAuditPage, title: 'nav.adminAudit' },
  { pattern: /^\/app\/admin\/notices\/?$/, names: [], roles: ['admin'], page: adminNoticesPage, title: 'nav.adminNotices' },
];

function pollInterval(): number {
  const fromUrl = Number(new URLSearchParams(location.search).get('poll'));
  try {
    if (fromUrl >= 200) sessionStorage.setItem(POLL_KEY, String(fromUrl));
    const stored = Number(sessionStorage.getItem(POLL_KEY));
    if (stored >= 200) return stored;
  } catch {
    // no storage: default
  }
  return fromUrl >= 200 ? fromUrl : DEFAULT_POLL_MS;
}

export class WorkspaceApp implements Session {
  me: Me | null = null;
  private token: string | null = storedToken();
  private user: string | null = storedUser();
  /** A personal session's CSRF token (the session is an HttpOnly cookie). */
  private csrf: string | null = storedCsrf();
  readonly api = new OnestopApi(() => this.token, () => this.user, () => this.csrf);
  private page: Page | null = null;
  private pageSeq = 0;
  private timer: ReturnType<typeof setInterval> | null = null;
  private refreshing: { page: Page; done: Promise<void> } | null = null;
  private departmentCache: Promise<Department[]> | null = null;
  private departmentNames = new Map<string, string>();
  private procedureCache: { at: number; list: Promise<ProcedureSummary[]> } | null = null;
  readonly pollMs = pollInterval();
  /** Completed refreshes, for tests and diagnostics. */
  refreshCount = 0;

  async start(): Promise<void> {
    setLang(currentLang());
    document.addEventListener('click', (event) => this.onClick(event));
    window.addEventListener('popstate', () => void this.render());
    document.addEventListener('visibilitychange', () => {
      if (!document.hidden) void this.refreshNow();
    });
    // A key kept in this tab, or a personal session's cookie (also after a single sign-on).
    try {
      this.me = await this.api.me();
      if (this.me.csrfToken) this.keepCsrf(this.me.csrfToken);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) this.forget();
      else throw err;
    }
    await this.render();
  }

  // ---------------------------------------------------------------- session

  /** Checks the key with the server; on success keeps it (shared with the designer). */
  async signIn(token: string, user: string | null): Promise<Me> {
    const previousUser = this.user;
    this.user = user && user.trim() ? user.trim() : null;
    try {
      const me = await this.api.me(token);
      this.token = token;
      this.me = me;
      storeToken(token);
      storeUser(this.user);
      this.departmentCache = null;
      return me;
    } catch (err) {
      this.user = previousUser;
      throw err;
    }
  }

  /** A person's own sign-in: the server sets the session cookie; the CSRF token is kept in this tab. */
  async signInWithPassword(username: string, password: string): Promise<Me> {
    this.forget();
    const session = await this.api.signInWithPassword(username, password);
    this.keepCsrf(session.csrfToken);
    this.me = await this.api.me();
    this.departmentCache = null;
    return this.me;
  }

  async changePassword(current: string, next: string): Promise<Me> {
    await this.api.changePassword(current, next);
    this.me = await this.api.me();
    return this.me;
  }

  signOut(everywhere = false): void {
    if (this.me?.kind === 'person') void this.api.signOutSession(everywhere).catch(() => {});
    this.forget();
    this.navigate('/');
  }

  /** The server no longer knows the sign-in (expired, signed out elsewhere, revoked): say so on the sign-in page, and come back here after. */
  private signInEnded(): void {
    const here = location.pathname.startsWith('/app') ? `&next=${encodeURIComponent(location.pathname + location.search)}` : '';
    // The dead session's cookie is cleared too, so no other tab of this browser goes on sending it.
    if (this.me?.kind === 'person') void this.api.signOutSession().catch(() => {});
    this.forget();
    this.navigate(`/?ended=1${here}`, true);
  }

  private keepCsrf(token: string | null): void {
    this.csrf = token;
    storeCsrf(token);
  }

  private forget(): void {
    this.token = null;
    this.me = null;
    this.user = null;
    storeToken(null);
    storeUser(null);
    this.keepCsrf(null);
  }

  // ---------------------------------------------------------------- routing

  navigate(href: string, replace = false): void {
    if (replace) history.replaceState(null, '', href);
    else history.pushState(null, '', href);
    void this.render();
  }

  private onClick(event: MouseEvent): void {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const a = (event.target as Element | null)?.closest?.('a[data-link]') as HTMLAnchorElement | null;
    if (!a || a.target || a.origin !== location.origin) return;
    event.preventDefault();
    this.navigate(a.pathname + a.search + a.hash);
  }

  private async render(): Promise<void> {
    const seq = ++this.pageSeq;
    this.page?.destroy?.();
    this.page = null;
    this.stopPolling();
    const root = $('#view')!;
    fill(root);
    // Pages set it when their first load is done (what tests and diagnostics wait for).
    delete root.dataset.loaded;
    this.renderHeader();
    const path = location.pathname;
    const query = new URLSearchParams(location.search);

    if (!path.startsWith('/app')) {
      document.title = `${tr('app.title')} – ${tr('app.subtitle')}`;
      this.page = await landingPage(this.context(root, {}, query), this);
      return;
    }
    if (!this.me || this.me.mustChangePassword) {
      this.navigate(`/?next=${encodeURIComponent(path + location.search)}`, true);
      return;
    }
    const route = ROUTES.find((r) => r.pattern.test(path));
    // Until the page's first answer: a loading state, not a blank page.
    fill(root, el('p', { class: 'ws-loading ws-muted', role: 'status', id: 'ws-loading' }, tr('common.loading')));
    if (!route) {
      fill(root, el('p', { class: 'ws-error' }, tr('common.notFound', { detail: path })));
      return;
    }
    document.title = `${tr(route.title)} – ${tr('app.title')}`;
    if (!route.roles.includes(this.me.role)) {
      fill(root, el('p', { class: 'ws-error', 'data-refused': '' }, tr('common.forbidden', { detail: tr(`role.${this.me.role}` as WorkspaceKey) })));
      return;
    }
    const match = route.pattern.exec(path)!;
    const params: Record<string, string> = {};
    route.names.forEach((name, i) => {
      if (match[i + 1]) params[name] = decodeURIComponent(match[i + 1]);
    });
    try {
      const page = await route.page(this.context(root, params, query));
      if (seq !== this.pageSeq) {
        page.destroy?.();
        return;
      }
      this.page = page;
      if (page.refresh) this.startPolling();
    } catch (err) {
      if (seq === this.pageSeq) this.showError(root, err);
    }
  }

  showError(root: HTMLElement, err: unknown): void {
    if (err instanceof ApiError && err.status === 401) {
      this.signInEnded();
      return;
    }
    // A refusal of the server is already a sentence in the reader's language (ApiError); anything else is an error of the page.
    const text = err instanceof ApiError ? err.message : tr('common.error', { detail: err instanceof Error ? err.message : String(err) });
    fill(root, el('p', { class: 'ws-error', role: 'alert', ...(err instanceof ApiError && err.status === 403 ? { 'data-refused': '' } : {}) }, text));
  }

  // ---------------------------------------------------------------- polling

  private startPolling(): void {
    this.timer = setInterval(() => {
      if (!document.hidden) void this.refreshNow();
    }, this.pollMs);
  }

  private stopPolling(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Refreshes the open page once (joins a refresh of the same page under way). */
  refreshNow(): Promise<void> {
    const page = this.page;
    if (!page?.refresh) return Promise.resolve();
    if (this.refreshing?.page === page) return this.refreshing.done;
    const done = page.refresh()
      .then(() => {
        if (page !== this.page) return;
        this.refreshCount += 1;
        this.setOffline(false);
      })
      .catch((err: unknown) => {
        // A page left while its refresh was under way has nothing to say any more.
        if (page !== this.page) return;
        if (err instanceof ApiError && err.status === 401) this.signInEnded();
        else if (err instanceof ApiError && err.status === 0) this.setOffline(true);
        else this.notify(tr('common.error', { detail: (err as Error).message }), 'error');
      })
      .finally(() => {
        if (this.refreshing?.done === done) this.refreshing = null;
      });
    this.refreshing = { page, done };
    return done;
  }

  private setOffline(offline: boolean): void {
    const banner = $('#ws-offline');
    if (banner) banner.hidden = !offline;
  }

  // ---------------------------------------------------------------- shell

  private renderHeader(): void {
    const nav = $('#ws-nav')!;
    const who = $('#ws-who')!;
    fill($('#ws-brand-title')!, tr('app.title'));
    fill($('#ws-brand-subtitle')!, tr('app.subtitle'));
    fill($('#ws-skip')!, tr('nav.skip'));
    fill($('#ws-offline')!, tr('common.offline'));
    const items = this.me ? NAV[this.me.role] : [];
    fill(nav, ...items.map((item) => {
      const current = !item.external && location.pathname.startsWith(item.href);
      return el('a', { href: item.href, ...(item.external ? {} : { 'data-link': '' }), ...(current ? { 'aria-current': 'page' } : {}) }, tr(item.label));
    }));
    fill(who,
      this.me
        ? el('span', { class: 'ws-who-name', title: this.me.actor }, `${this.me.actor}${this.me.departmentName ? ` · ${this.me.departmentName}` : ''}`)
        : null,
      el('button', { type: 'button', id: 'ws-lang', onclick: () => this.toggleLanguage() }, tr('lang.other')),
      this.me ? el('button', { type: 'button', id: 'ws-signout', onclick: () => this.signOut() }, tr('auth.signOut')) : null);
  }

  private toggleLanguage(): void {
    setLang(currentLang() === 'vi' ? 'en' : 'vi');
    this.renderHeader();
    if (this.page?.relabel) this.page.relabel();
    else void this.render();
  }

  /** Says how an action went: in the footer, and as a toast at the top of the page where the person is looking. */
  notify(message: string, kind: 'ok' | 'error' | 'info' = 'info'): void {
    const status = $('#ws-status')!;
    status.dataset.kind = kind;
    fill(status, message);
    let box = $('#ws-toasts');
    if (!box) {
      box = el('div', { id: 'ws-toasts', class: 'ws-toasts', 'aria-live': kind === 'error' ? 'assertive' : 'polite' });
      document.body.append(box);
    }
    const toast = el('div', { class: `ws-toast ws-toast-${kind}`, role: kind === 'error' ? 'alert' : 'status', 'data-kind': kind },
      el('span', {}, message),
      el('button', { type: 'button', class: 'ws-toast-close', 'aria-label': tr('common.closeMessage'), onclick: () => toast.remove() }, '×'));
    box.append(toast);
    // An error stays until read and closed (or the next three messages push it out); others fade after a while.
    while (box.children.length > 3) box.firstElementChild!.remove();
    if (kind !== 'error') setTimeout(() => toast.remove(), 8000);
  }

  setAsOf(iso: string): void {
    const node = $('#ws-updated');
    if (node) {
      node.dataset.asOf = iso;
      fill(node, tr('common.updated', { time: formatDateTime(iso) }));
    }
  }

  private context(root: HTMLElement, params: Record<string, string>, query: URLSearchParams): PageContext {
    return {
      api: this.api,
      me: this.me!,
      root,
      params,
      query,
      navigate: (href, replace) => this.navigate(href, replace),
      notify: (m, k) => this.notify(m, k),
      departments: () => this.departments(),
      departmentName: (code) => (code ? this.departmentNames.get(code) ?? code : tr('dossier.slipDesk')),
      procedures: () => this.procedures(),
      setAsOf: (iso) => this.setAsOf(iso),
      refreshNow: () => this.refreshNow(),
    };
  }

  private departments(): Promise<Department[]> {
    if (!this.departmentCache) {
      const list = this.api.departments().then((items) => {
        for (const d of items) this.departmentNames.set(d.code, d.name);
        return items;
      });
      this.departmentCache = list;
      list.catch(() => {
        this.departmentCache = null;
      });
    }
    return this.departmentCache;
  }

  private procedures(): Promise<ProcedureSummary[]> {
    if (!this.procedureCache || Date.now() - this.procedureCache.at > 60_000) {
      const list = this.api.procedures();
      this.procedureCache = { at: Date.now(), list };
      list.catch(() => {
        this.procedureCache = null;
      });
    }
    return this.procedureCache.list;
  }
}
