// The desk's day in the browser (Chromium, 1366 × 768 and 768 × 1024), signed
// in with a person's own password: a paper dossier received with its
// reception time entered after the fact and the applicant typed once; a
// dossier found by the applicant's name; the list filtered to the late ones,
// paged, and refused a reversed period in Vietnamese; a receipt reprinted
// from the dossier page, whose apology form appears only because it is late.
// Every page and dialog is scanned for English words; no console error, no
// request failing but the one refused on purpose.

import { jest } from '@jest/globals';
import type { Page } from 'playwright-core';
import { birthDossier } from '../api/support/apiTestbed.js';
import { ensureDesignerBuilt, launchWorkspaceBrowser, startWorkspaceServer, type WorkspaceBrowser, type WorkspaceServer } from './support/workspaceBrowser.js';
import { expectVietnameseOnly, LAPTOP, person, residenceDossier, screenshot, signInAs, TABLET, walkHooks, watchRequests, withinWidth, CUTRU } from './support/dayAtTheCenter.js';

jest.setTimeout(90_000);

let server: WorkspaceServer;
let browser: WorkspaceBrowser;
let desk: Page;
let requests: ReturnType<typeof watchRequests>;
const codes: Record<string, string> = {};

beforeAll(async () => {
  ensureDesignerBuilt();
  [server, browser] = await Promise.all([startWorkspaceServer('2026-03-04T09:00:00+07:00'), launchWorkspaceBrowser()]);
  const { tb } = server;
  // Last week: Lê Thị Hương's dossier, still being processed, is late by Wednesday.
  codes.huong = await residenceDossier(tb, { name: 'Lê Thị Hương', idNumber: '001190000111', phone: '0912000111' });
  tb.clock.set('2026-03-11T08:30:00+07:00');
  codes.nam = await residenceDossier(tb, { name: 'Trần Văn Nam', idNumber: '001190000222', phone: '0912000222' }, 'online');
  // A birth registration (days to go): in time, nowhere near its promised date.
  const { applicant, data } = birthDossier() as unknown as { applicant: { name: string; idNumber: string }; data: Record<string, unknown> };
  codes.birth = (await tb.engine.submit('2.002621', { applicant, data, channel: 'online', actor: 'Bộ phận Một cửa' })).code;
  tb.clock.set('2026-03-11T09:00:00+07:00');
  await tb.engine.sweepDeadlines();
  const who = await person(tb, 'mot.cua', 'Nguyễn Thị Một Cửa', [{ role: 'desk' }]);
  desk = await browser.tab(LAPTOP);
  await signInAs(desk, server.url, who);
  // From here on (the landing's own check of a sign-in not yet made answers 401).
  requests = watchRequests(desk);
}, 90_000);

walkHooks(() => ({ server, browser, requests }));

test('a paper dossier received after the fact: the applicant typed once fills the form’s requester, the reception dated back', async () => {
  expect(new URL(desk.url()).pathname).toBe('/app/desk');
  await expectVietnameseOnly(desk, 'the desk');
  await desk.selectOption('#ws-procedure', CUTRU);
  await desk.locator('#ws-data-requesterFullName').waitFor();
  await desk.fill('#ws-applicant-name', 'Phạm Thị Giấy');
  await desk.fill('#ws-applicant-idNumber', '001190000333');
  // Typed once: the form's requester follows the header, and says where it comes from.
  expect(await desk.inputValue('#ws-data-requesterFullName')).toBe('Phạm Thị Giấy');
  expect(await desk.locator('[data-field="requesterFullName"] .ws-bound-hint').count()).toBe(1);
  await desk.fill('#ws-data-dateOfBirth', '20/05/1990');
  await desk.fill('#ws-data-residenceAddress', 'Số 3, thôn Bắc, xã Đông Anh, Hà Nội');
  await desk.selectOption('#ws-data-purpose', 'Đăng ký nhập học');
  // A reception time in the future (by the server's clock) is refused, in Vietnamese, on the field.
  requests.expect('422 POST /api/dossiers');
  await desk.fill('#ws-received-at', '12/03/2026 08:00');
  await desk.click('#ws-submit');
  await desk.locator('#ws-received-at-error', { hasText: 'không được ở tương lai' }).waitFor();
  await expectVietnameseOnly(desk, 'the reception form with an error');
  await desk.fill('#ws-received-at', '11/03/2026 08:15');
  await desk.click('#ws-submit');
  const code = (await desk.locator('#ws-receipt-code').textContent())!;
  expect(await desk.locator('#ws-receipt').innerText()).toContain('11/03/2026 08:15');
  // The toast says it next to where the desk looks.
  await desk.locator('.ws-toast-ok', { hasText: code }).waitFor();
  await expectVietnameseOnly(desk, 'the receipt');
  const stored = await server.tb.engine.getDossier(code);
  expect(stored.data.requesterFullName).toBe('Phạm Thị Giấy');
  expect(new Date(stored.receivedAt).toISOString()).toBe('2026-03-11T01:15:00.000Z');
  codes.paper = code;
});

test('the desk finds a dossier by the applicant’s name (server-side search), at 1366 and on a tablet', async () => {
  await desk.click('#ws-tab-find');
  await desk.fill('#ws-find-q', 'Hương');
  await desk.click('#ws-find-submit');
  await desk.locator('#ws-find-summary[data-total="1"]').waitFor();
  expect(await desk.locator('#ws-find-table tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-dossier')))).toEqual([codes.huong]);
  // Part of a phone number finds it too; a name nobody has says so in Vietnamese.
  await desk.fill('#ws-find-q', '0912000222');
  await desk.click('#ws-find-submit');
  await desk.locator(`#ws-find-table tr[data-dossier="${codes.nam}"]`).waitFor();
  await desk.fill('#ws-find-q', 'Hương');
  await desk.click('#ws-find-submit');
  await desk.locator(`#ws-find-table tr[data-dossier="${codes.huong}"]`).waitFor();
  await expectVietnameseOnly(desk, 'the search');
  await screenshot(desk, 'desk-search');

  await desk.setViewportSize(TABLET);
  // On a tablet each match is a card: no header row, nothing wider than the screen.
  expect(await desk.locator('#ws-find-table thead').isVisible()).toBe(false);
  expect(await desk.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(TABLET.width);
  expect(await withinWidth(desk, `#ws-find-table tr[data-dossier="${codes.huong}"]`)).toBe(true);
  await expectVietnameseOnly(desk, 'the search on a tablet');
  await desk.setViewportSize(LAPTOP);
});

test('the list filtered to the late dossiers; a reversed period is refused in Vietnamese and the old list cleared', async () => {
  await desk.click('#ws-nav a[href="/app/dossiers"]');
  await desk.locator('#ws-filters').waitFor();
  await desk.locator('#ws-list-summary[data-total="4"]').waitFor();
  await expectVietnameseOnly(desk, 'the list');
  await desk.check('#ws-filter-late');
  await desk.click('#ws-filter-apply');
  await desk.waitForURL(/overdue=true/);
  await desk.locator('#ws-list-summary[data-total="1"]').waitFor();
  expect(await desk.locator('#ws-list-table tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-dossier')))).toEqual([codes.huong]);
  expect(await desk.locator(`#ws-list-table tr[data-dossier="${codes.huong}"] [data-late="true"]`).count()).toBe(1);
  await expectVietnameseOnly(desk, 'the late dossiers');

  await desk.setViewportSize(TABLET);
  expect(await desk.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(TABLET.width);
  await expectVietnameseOnly(desk, 'the late dossiers on a tablet');
  await desk.setViewportSize(LAPTOP);

  requests.expect('400 GET /api/dossiers');
  await desk.uncheck('#ws-filter-late');
  await desk.fill('#ws-filter-from', '11/03/2026');
  await desk.fill('#ws-filter-to', '01/03/2026');
  await desk.click('#ws-filter-apply');
  await desk.locator('#ws-filter-error:not([hidden])', { hasText: 'Khoảng thời gian không hợp lệ' }).waitFor();
  expect(await desk.locator('#ws-filter-error').innerText()).toContain('11/03/2026');
  expect(await desk.locator('#ws-list-table').count()).toBe(0);
  await expectVietnameseOnly(desk, 'the refused period');
  await desk.click('#ws-filter-clear');
  await desk.locator('#ws-list-summary[data-total="4"]').waitFor();
});

test('the late dossier’s page offers the apology letter (no unit blamed by default) and reprints its receipt; an in-time one does not offer it', async () => {
  await desk.click(`#ws-list-table a[href="/app/dossiers/${encodeURIComponent(codes.huong)}"]`);
  await desk.locator('#view[data-loaded="true"] #ws-desk-actions').waitFor();
  const apology = desk.locator('#ws-desk-actions form.ws-apology');
  expect(await apology.count()).toBe(1);
  expect(await apology.locator('select').inputValue()).toBe('');
  expect(await desk.locator('#ws-desk-actions form[id^="ws-withdraw-"]').count()).toBe(1);
  await expectVietnameseOnly(desk, 'the late dossier');

  const printed = await desk.evaluate(() => (window as unknown as { __printed: number }).__printed);
  await desk.click('#ws-reprint-receipt');
  await desk.locator(`#ws-receipt[data-reprint="true"][data-code="${codes.huong}"]`).waitFor();
  expect(await desk.evaluate(() => (window as unknown as { __printed: number }).__printed)).toBe(printed + 1);
  const receipt = await desk.locator('#ws-receipt').innerText();
  expect(receipt).toContain('Lê Thị Hương');
  expect(receipt).toContain('04/03/2026 09:00');
  await expectVietnameseOnly(desk, 'the reprinted receipt');

  await desk.goto(`${server.url}/app/dossiers/${encodeURIComponent(codes.birth)}?poll=500`);
  await desk.locator('#view[data-loaded="true"] #ws-desk-actions:not([hidden])').waitFor();
  expect(await desk.locator('#ws-desk-actions form.ws-apology').count()).toBe(0);
  expect(await desk.locator('#ws-reprint-receipt').count()).toBe(1);
  await expectVietnameseOnly(desk, 'the dossier in time');
});

test('a dossier code nobody has: “không tìm thấy hồ sơ …”, never the server’s English', async () => {
  requests.expect('404 GET /api/dossiers/');
  await desk.goto(`${server.url}/app/dossiers/000.00.12.H26-260311-9999?poll=500`);
  await desk.locator('#view .ws-error', { hasText: 'Không tìm thấy hồ sơ 000.00.12.H26-260311-9999' }).waitFor();
  await expectVietnameseOnly(desk, 'an unknown dossier');
});
