import { jest } from '@jest/globals';
import type { Page } from 'playwright-core';
import { bearer, birthDossier, createKey } from '../api/support/apiTestbed.js';
import { ensureDesignerBuilt, launchWorkspaceBrowser, startWorkspaceServer, type WorkspaceBrowser, type WorkspaceServer } from '../workspace/support/workspaceBrowser.js';
import { OWN_PASSWORD, PASSWORD } from './support/personSessions.js';

jest.setTimeout(90_000);

// An administrator signs in with a password (changed at the first sign-in)
// and onboards a center of 200 people from one CSV file in the browser.

let server: WorkspaceServer;
let browser: WorkspaceBrowser;
let page: Page;

const DEPARTMENTS = ['TUPHAP_XA', 'CONGAN_XA', 'BHXH', 'VPDKDD'];
const pad = (i: number) => String(i).padStart(3, '0');
function centerCsv(extraLine = ''): string {
  const lines = ['username,fullName,role,department'];
  for (let i = 1; i <= 200; i++) lines.push(`canbo.${pad(i)},Cán bộ số ${i},${i % 10 === 0 ? 'desk' : 'officer'},${i % 10 === 0 ? '' : DEPARTMENTS[i % DEPARTMENTS.length]}`);
  lines.push('canbo.001,Cán bộ số 1,lead,CONGAN_XA');
  if (extraLine) lines.push(extraLine);
  return lines.join('\n');
}

beforeAll(async () => {
  ensureDesignerBuilt();
  [server, browser] = await Promise.all([startWorkspaceServer('2026-03-04T08:00:00+07:00'), launchWorkspaceBrowser()]);
  await server.tb.api.post('/api/people').set(bearer(server.tb.admin)).send({ username: 'ops.admin', fullName: 'Quản trị Trung tâm', password: PASSWORD, memberships: [{ role: 'admin' }] }).expect(201);
  page = await browser.tab();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  expect(browser?.errors ?? []).toEqual([]);
});

test('the administrator signs in with the password given, must change it, and lands on the administration pages', async () => {
  await page.goto(`${server.url}/?poll=500`);
  await page.fill('#ws-username', 'ops.admin');
  await page.fill('#ws-password', 'not-the-password');
  await page.click('#ws-login');
  await page.locator('#ws-login-error', { hasText: 'Sai tên đăng nhập hoặc mật khẩu.' }).waitFor();
  await page.fill('#ws-password', PASSWORD);
  await page.click('#ws-login');
  await page.locator('#ws-change-form').waitFor().catch(async (err) => {
    throw new Error(`${err}\n${await page.locator('#view').innerText()}\n${browser.errors.join('\n')}`);
  });
  await page.fill('#ws-current-password', PASSWORD);
  await page.fill('#ws-new-password', OWN_PASSWORD);
  await page.click('#ws-change-password');
  await page.locator('#ws-signed-in').waitFor();
  expect(await page.locator('#ws-signed-in').textContent()).toContain('Quản trị Trung tâm (@ops.admin)');
  expect(await page.locator('a[data-page="/app/admin/import"]').count()).toBe(1);
  // The session is an HttpOnly cookie: no script of the page can read it.
  expect(await page.evaluate(() => document.cookie)).not.toContain('onestop_session');
  const cookie = (await browser.context.cookies(server.url)).find((c) => c.name === 'onestop_session')!;
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false });
});

test('200 people from one CSV file: a preview with the error of the bad line, then the import; the count and a membership', async () => {
  await page.click('a[data-page="/app/admin/import"]');
  await page.locator('#view[data-loaded="true"] #admin-import-file').waitFor();
  await page.setInputFiles('#admin-import-file', { name: 'trung-tam.csv', mimeType: 'text/csv', buffer: Buffer.from(centerCsv('canbo.201,Cán bộ thừa,officer,KHONG_CO'), 'utf8') });
  await page.click('#admin-import-preview');
  await page.locator('#admin-import-summary[data-errors="1"]').waitFor();
  const errorRow = await page.locator('#admin-import-errors tbody tr').allTextContents();
  expect(errorRow).toEqual([expect.stringMatching(/^203canbo\.201department: department KHONG_CO does not exist$/)]);
  expect(await page.locator('#admin-import-run').isDisabled()).toBe(true);
  expect((await server.tb.api.get('/api/people?search=canbo.').set(bearer(server.tb.admin)).expect(200)).body.total).toBe(0);

  await page.setInputFiles('#admin-import-file', { name: 'trung-tam.csv', mimeType: 'text/csv', buffer: Buffer.from(centerCsv(), 'utf8') });
  await page.click('#admin-import-preview');
  await page.locator('#admin-import-summary[data-errors="0"][data-people="200"]').waitFor();
  await page.click('#admin-import-run');
  await page.locator('#admin-import-summary', { hasText: 'Đã nhập 200 người.' }).waitFor();

  const listed = (await server.tb.api.get('/api/people?search=canbo.&limit=500').set(bearer(server.tb.admin)).expect(200)).body;
  expect(listed.total).toBe(200);
  await page.goto(`${server.url}/app/admin/people`);
  await page.locator('#admin-people-total').waitFor();
  await page.fill('#admin-people-search', 'canbo.001');
  await page.locator('#admin-people-total[data-total="1"]').waitFor();
  expect(await page.locator('#admin-people-list pre.ws-memberships').textContent()).toBe('officer:CONGAN_XA\nlead:CONGAN_XA');
  const imported = (await server.tb.api.get('/api/audit?action=person.imported').set(bearer(server.tb.admin)).expect(200)).body.items[0];
  expect(imported).toMatchObject({ actor: 'ops.admin', actorKind: 'person', detail: { people: 200, memberships: 201 } });
});

test('an imported officer signs in once an administrator set a password, and sees the department’s inbox', async () => {
  const person = (await server.tb.api.get('/api/people?search=canbo.005').set(bearer(server.tb.admin)).expect(200)).body.items[0];
  await page.fill('#admin-people-search', 'canbo.005');
  await page.locator('#admin-people-total[data-total="1"]').waitFor();
  page.once('dialog', (dialog) => void dialog.accept(PASSWORD));
  await page.click('#admin-people-list button[data-action="reset"]');
  await page.locator('#admin-people-status', { hasText: 'Đã lưu.' }).waitFor();
  const officer = await browser.context.browser()!.newContext();
  try {
    const tab = await officer.newPage();
    await tab.goto(`${server.url}/?poll=500`);
    await tab.fill('#ws-username', 'canbo.005');
    await tab.fill('#ws-password', PASSWORD);
    await tab.click('#ws-login');
    await tab.fill('#ws-current-password', PASSWORD);
    await tab.fill('#ws-new-password', OWN_PASSWORD);
    await tab.click('#ws-change-password');
    await tab.locator('#view[data-loaded="true"]').waitFor();
    expect(new URL(tab.url()).pathname).toBe('/app/inbox');
    expect(person.memberships).toEqual([{ role: 'officer', department: DEPARTMENTS[5 % DEPARTMENTS.length] }]);
  } finally {
    await officer.close();
  }
});

test('a lead sees the department’s tasks and hands one to a colleague; the colleague finds it under “my tasks”', async () => {
  const tb = server.tb;
  await tb.api.post('/api/people').set(bearer(tb.admin)).send({ username: 'truong.tp', fullName: 'Trưởng phòng Tư pháp', password: PASSWORD, memberships: [{ role: 'lead', department: 'TUPHAP_XA' }] }).expect(201);
  const { procedureCode, ...input } = birthDossier();
  const submitted = await tb.engine.submit(procedureCode, { ...input, channel: 'direct', actor: 'fixture' } as never);
  const taskId = submitted.tasks[0].id;
  const leadContext = await browser.context.browser()!.newContext();
  try {
    const tab = await leadContext.newPage();
    await tab.goto(`${server.url}/?poll=500`);
    await tab.fill('#ws-username', 'truong.tp');
    await tab.fill('#ws-password', PASSWORD);
    await tab.click('#ws-login');
    await tab.fill('#ws-current-password', PASSWORD);
    await tab.fill('#ws-new-password', OWN_PASSWORD);
    await tab.click('#ws-change-password');
    await tab.locator('#view[data-loaded="true"]').waitFor();
    await tab.goto(`${server.url}/app/tasks`);
    await tab.locator(`#ws-team-tasks-table [data-assign="${taskId}"]`).waitFor();
    await tab.fill(`[data-assign-to="${taskId}"]`, 'canbo.004');
    await tab.click(`[data-assign="${taskId}"]`);
    await tab.locator('#ws-team-tasks-table [data-assignee="Cán bộ số 4 (@canbo.004)"]').waitFor();
  } finally {
    await leadContext.close();
  }
  const supervisor = await createKey(tb, 'supervisor');
  const mine = (await tb.api.get(`/api/tasks?assignee=${encodeURIComponent('Cán bộ số 4 (@canbo.004)')}`).set(bearer(supervisor)).expect(200)).body;
  expect(mine.items.map((t: { id: string }) => t.id)).toEqual([taskId]);
  const reassigned = (await tb.api.get('/api/audit?action=task.reassigned').set(bearer(tb.admin)).expect(200)).body.items[0];
  expect(reassigned).toMatchObject({ actor: 'truong.tp', target: taskId, detail: { to: 'canbo.004', department: 'TUPHAP_XA' } });
});
