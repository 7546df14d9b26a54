// Browser-test plumbing for the workspace: the real API and the web front
// end (mountDesigner mounts the designer and the workspace) on a test
// database with a FixedClock the test moves, the sample procedures and the
// workspace fixture deployed, one key per role (each key's person signs in
// with a username and password), and Debian's Chromium driven by
// playwright-core, one tab per person, each in its own browser context (its
// own session cookie, so its own sign-in).

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { serveWithFrontEnd } from '../../support/frontEndServer.js';
import { ADMIN_TOKEN, createKey, createTestbed, type Testbed } from '../../api/support/apiTestbed.js';
import { OWN_PASSWORD, PASSWORD } from '../../people/support/personSessions.js';
import { ROOT } from '../../support/engineHarness.js';
import { launchChromium } from '../../support/chromiumBrowser.js';

export { ARTIFACTS, ensureDesignerBuilt } from '../../designer/support/designerBrowser.js';

export const RESIDENCE_FIXTURE = path.join(ROOT, 'test/fixtures/workspace/residence-confirmation.bpmn');

export interface WorkspaceKeys {
  desk: string;
  justice: string;
  police: string;
  supervisor: string;
  analyst: string;
}

export interface WorkspaceServer {
  tb: Testbed;
  url: string;
  keys: WorkspaceKeys;
  close(): Promise<void>;
}

export async function startWorkspaceServer(start: string): Promise<WorkspaceServer> {
  // The tabs poll in real time while the test's clock jumps hours ahead between two polls: a working day's idle
  // window keeps people signed in across a jump, as their polling would; a session still ends with the day.
  const tb = await createTestbed({ start, auth: { session: { idleMs: 10 * 3_600_000, maxMs: 24 * 3_600_000 } } });
  const served = await serveWithFrontEnd(tb);
  await tb.engine.deploy(await readFile(RESIDENCE_FIXTURE, 'utf8'), 'test');
  const keys: WorkspaceKeys = {
    desk: await createKey(tb, 'desk', undefined, 'Bộ phận Một cửa xã Đông Anh'),
    justice: await createKey(tb, 'officer', 'TUPHAP_XA', 'Phần mềm Tư pháp xã'),
    police: await createKey(tb, 'officer', 'CONGAN_XA', 'Phần mềm Công an xã'),
    supervisor: await createKey(tb, 'supervisor', undefined, 'Lãnh đạo Trung tâm'),
    analyst: await createKey(tb, 'analyst', undefined, 'Chuyên viên phân tích'),
  };
  const url = served.url;
  return {
    tb,
    url,
    keys,
    close: served.close,
  };
}

export interface WorkspaceBrowser {
  context: BrowserContext;
  /** A new tab (its own sessionStorage), errors collected. */
  tab(viewport?: { width: number; height: number }): Promise<Page>;
  errors: string[];
  close(): Promise<void>;
}

// Printing opens no dialog in a test: count the calls instead.
const countPrints = () => {
  (window as unknown as { __printed: number }).__printed = 0;
  window.print = () => {
    (window as unknown as { __printed: number }).__printed += 1;
  };
};

export async function launchWorkspaceBrowser(): Promise<WorkspaceBrowser> {
  // The browser's own zone is somewhere else on purpose: every date must still be written in Vietnam time.
  const browser = await launchChromium('onestop-workspace-chromium', { viewport: { width: 1440, height: 900 }, timezoneId: 'Europe/Paris' });
  const { context } = browser;
  await context.addInitScript(countPrints);
  const errors: string[] = [];
  const watch = (page: Page) => {
    page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error' && !/Failed to load resource/.test(msg.text())) errors.push(`console: ${msg.text()}`);
    });
  };
  const first = context.pages()[0];
  let firstUsed = false;
  return {
    context,
    errors,
    async tab(viewport) {
      // Each person in a context of their own: their own session cookie, as on their own computer.
      const own = firstUsed ? await context.browser()!.newContext({ viewport: viewport ?? { width: 1440, height: 900 }, timezoneId: 'Europe/Paris', locale: 'vi-VN', acceptDownloads: true }) : context;
      if (own !== context) await own.addInitScript(countPrints);
      const page = own === context && first ? first : await own.newPage();
      firstUsed = true;
      watch(page);
      page.setDefaultTimeout(10_000);
      if (viewport) await page.setViewportSize(viewport);
      return page;
    },
    close: browser.close,
  };
}

/**
 * Puts a tab in front. Tabs behind are hidden: Chromium throttles their
 * animation frames (a click waits for two) and the workspace stops polling
 * there, as it would for a person who looks at another tab.
 */
export async function front(page: Page): Promise<Page> {
  await page.bringToFront();
  return page;
}

/** A person of the tests: who signs in with a username and password. */
export interface TestPerson {
  username: string;
  fullName: string;
  password: string;
}

/** "Lê Thu Hà" → "le.thu.ha": a username from a Vietnamese name. */
export const usernameOf = (fullName: string) =>
  fullName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/[^a-z0-9]+/g, '.').replace(/^\.|\.$/g, '').slice(0, 60);

const people = new Map<string, Promise<TestPerson>>();
const taken = new Set<string>();

/**
 * The person who works with a test key's role and department, made once
 * through the administrator's API (the password given is changed, as at a
 * first sign-in): `fullName`, else the key's name, with the username made from it.
 */
export function personFor(url: string, key: string, fullName?: string): Promise<TestPerson> {
  const id = `${url} ${key} ${fullName ?? ''}`;
  if (!people.has(id)) people.set(id, makePerson(url, key, fullName));
  return people.get(id)!;
}

async function makePerson(url: string, key: string, fullName?: string): Promise<TestPerson> {
  const call = async (pathname: string, init: { method?: string; headers?: Record<string, string>; body?: unknown }) => {
    const res = await fetch(`${url}${pathname}`, { method: init.method ?? 'GET', headers: { 'Content-Type': 'application/json', ...init.headers }, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
    if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${pathname} → ${res.status}: ${await res.text()}`);
    return res;
  };
  const me = (await (await call('/api/me', { headers: { Authorization: `Bearer ${key}` } })).json()) as { name: string; role: string; department: string | null };
  const name = fullName ?? me.name;
  let username = usernameOf(name);
  for (let n = 2; taken.has(`${url} ${username}`); n++) username = `${usernameOf(name)}.${n}`;
  taken.add(`${url} ${username}`);
  const person = { username, fullName: name, password: OWN_PASSWORD };
  await call('/api/people', { method: 'POST', headers: { Authorization: `Bearer ${ADMIN_TOKEN}` }, body: { username, fullName: name, password: PASSWORD, memberships: [{ role: me.role, ...(me.department ? { department: me.department } : {}) }] } });
  const session = await call('/api/session', { method: 'POST', body: { username, password: PASSWORD } });
  const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0];
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  await call('/api/session/password', { method: 'POST', headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken }, body: { currentPassword: PASSWORD, newPassword: OWN_PASSWORD } });
  await call('/api/session', { method: 'DELETE', headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken } });
  return person;
}

/**
 * Signs a tab in on the landing page as a person, with a username and
 * password (poll every 500 ms so the tests need not wait long). Given a key,
 * the person is the one working with its role and department (personFor).
 */
export async function signIn(page: Page, url: string, as: string | TestPerson, fullName?: string): Promise<TestPerson> {
  const person = typeof as === 'string' ? await personFor(url, as, fullName) : as;
  await page.bringToFront();
  await page.goto(`${url}/?poll=500`);
  await page.locator('#ws-username, #ws-signed-in').first().waitFor();
  if (await page.locator('#ws-signed-in').count()) {
    // Still signed in: as this person, nothing to do; as another, that session is left behind.
    if ((await page.locator('#ws-signed-in').textContent())?.includes(`(@${person.username})`)) return person;
    await page.context().clearCookies();
    await page.goto(`${url}/?poll=500`);
  }
  await page.fill('#ws-username', person.username);
  await page.fill('#ws-password', person.password);
  await page.click('#ws-login');
  // A role's home page has loaded, or the landing lists the pages of a role without one.
  await page.locator('#view[data-loaded="true"], #ws-signed-in').first().waitFor().catch(async (err: Error) => {
    // Say what the page shows instead (a refusal, an error) rather than only that it waited.
    throw new Error(`${err.message}\nthe page shows: ${await page.locator('#view').innerText().catch(() => '?')}`);
  });
  return person;
}

/**
 * Last week's work, straight through the engine (it is not what the browser
 * tests check): birth dossiers resolved early and late, and one whose
 * health-insurance step is still open and long overdue, so the dashboard
 * has departments and procedures to compare and an open breach before the
 * day begins.
 */
export async function seedLastWeek(tb: Testbed, birthDossier: () => { procedureCode: string; [k: string]: unknown }, stepData: Record<string, Record<string, unknown>>): Promise<Record<string, string>> {
  const codes: Record<string, string> = {};
  const submit = async (name: string, at: string, channel: 'online' | 'direct' | 'post') => {
    tb.clock.set(at);
    const { procedureCode, ...input } = birthDossier() as { procedureCode: string; applicant: { name: string; idNumber: string }; data: Record<string, unknown> };
    const r = await tb.engine.submit(procedureCode, { applicant: input.applicant, data: input.data, channel, actor: 'Bộ phận Một cửa' });
    codes[name] = r.code;
  };
  const complete = async (name: string, elementId: string, at: string) => {
    tb.clock.set(at);
    const d = await tb.engine.getDossier(codes[name]);
    const task = d.openTasks.find((t) => t.elementId === elementId);
    if (!task) throw new Error(`${name} has no open ${elementId}`);
    await tb.engine.completeTask(task.id, { actor: 'cán bộ', data: stepData[elementId] });
  };
  await submit('early', '2026-03-04T09:00:00+07:00', 'online');
  await submit('open', '2026-03-04T09:00:00+07:00', 'direct');
  await submit('late', '2026-03-04T09:00:00+07:00', 'post');
  for (const n of ['early', 'open', 'late']) await complete(n, 'Task_RegisterBirth', '2026-03-04T10:00:00+07:00');
  await complete('early', 'Task_RegisterPermanentResidence', '2026-03-04T15:00:00+07:00');
  await complete('early', 'Task_IssueHealthInsuranceCard', '2026-03-04T15:30:00+07:00');
  await complete('open', 'Task_RegisterPermanentResidence', '2026-03-05T10:00:00+07:00');
  await submit('monday', '2026-03-09T09:00:00+07:00', 'online');
  await complete('monday', 'Task_RegisterBirth', '2026-03-09T10:00:00+07:00');
  await complete('monday', 'Task_RegisterPermanentResidence', '2026-03-09T14:00:00+07:00');
  await complete('monday', 'Task_IssueHealthInsuranceCard', '2026-03-09T14:30:00+07:00');
  tb.clock.set('2026-03-10T08:00:00+07:00');
  await tb.engine.sweepDeadlines();
  await complete('late', 'Task_RegisterPermanentResidence', '2026-03-10T11:00:00+07:00');
  await complete('late', 'Task_IssueHealthInsuranceCard', '2026-03-10T11:30:00+07:00');
  return codes;
}
