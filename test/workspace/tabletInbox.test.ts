// A civil-status officer's inbox on a tablet (768 × 1024) and on a laptop
// (1366 × 768), in Chromium, signed in with the officer's own password: the
// list is a card per step on the tablet, every claim button on screen; the
// step claimed opens scrolled into view, the form filled and completed with
// its button in sight, the success said next to it. A step the procedure
// cannot go on from (a gateway no branch of which matches) says in
// Vietnamese that the supervisor and the analyst were told, never the
// engine's message. No English word, no console error, no unexpected failed
// request.

import { jest } from '@jest/globals';
import type { Page } from 'playwright-core';
import { fixture } from '../support/engineHarness.js';
import { ensureDesignerBuilt, launchWorkspaceBrowser, startWorkspaceServer, type WorkspaceBrowser, type WorkspaceServer } from './support/workspaceBrowser.js';
import { expectVietnameseOnly, LAPTOP, person, residenceDossier, screenshot, signInAs, TABLET, walkHooks, watchRequests, withinWidth } from './support/dayAtTheCenter.js';

jest.setTimeout(90_000);

let server: WorkspaceServer;
let browser: WorkspaceBrowser;
let officer: Page;
let requests: ReturnType<typeof watchRequests>;
const codes: string[] = [];
let stuckCode = '';

beforeAll(async () => {
  ensureDesignerBuilt();
  [server, browser] = await Promise.all([startWorkspaceServer('2026-03-11T08:00:00+07:00'), launchWorkspaceBrowser()]);
  const { tb } = server;
  for (const [i, name] of ['Lê Thị Hương', 'Trần Văn Nam', 'Đỗ Minh Châu', 'Vũ Thị Giang'].entries()) {
    tb.clock.set(`2026-03-11T08:${String(i * 5).padStart(2, '0')}:00+07:00`);
    codes.push(await residenceDossier(tb, { name, idNumber: `00119000010${i}` }));
  }
  // A procedure whose gateway has no branch for an amount of 500 (test/fixtures/bpmn/events).
  await tb.engine.deploy(await fixture('bpmn', 'events', 'no-matching-flow.bpmn'));
  stuckCode = (await tb.engine.submit('EV.NOFLOW', { applicant: { name: 'Phan Văn Kẹt', idNumber: '001190000999' }, data: {} })).code;
  tb.clock.set('2026-03-11T09:00:00+07:00');
  const who = await person(tb, 'le.thu.ha', 'Lê Thu Hà', [{ role: 'officer', department: 'TUPHAP_XA' }]);
  officer = await browser.tab(TABLET);
  await signInAs(officer, server.url, who);
  requests = watchRequests(officer);
}, 90_000);

walkHooks(() => ({ server, browser, requests }));

const row = (code: string) => officer.locator(`#ws-inbox-table tr[data-dossier="${code}"]`);

test('on a tablet the inbox is a card per step, each claim button on screen, nothing wider than the screen', async () => {
  expect(new URL(officer.url()).pathname).toBe('/app/inbox');
  await row(codes[0]).waitFor();
  expect(await officer.locator('#ws-inbox-table thead').isVisible()).toBe(false);
  expect(await officer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(TABLET.width);
  for (const code of codes) expect(await withinWidth(officer, `#ws-inbox-table tr[data-dossier="${code}"] [data-action="claim"]`)).toBe(true);
  await expectVietnameseOnly(officer, 'the inbox on a tablet');
});

test('the officer claims a step: it opens scrolled into view, is completed with the button in sight, and the success is said at once', async () => {
  const code = codes[3];
  // The last card: far down the list, so the step would open out of sight without the scroll.
  await row(code).locator('[data-action="claim"]').click();
  await officer.locator('#ws-step-form #ws-complete:not([disabled])').waitFor();
  const task = await officer.locator('#ws-task').boundingBox();
  expect(task!.y).toBeGreaterThanOrEqual(0);
  expect(task!.y).toBeLessThan(TABLET.height / 2);
  await expectVietnameseOnly(officer, 'the step on a tablet');

  await officer.selectOption('#ws-step-reviewResult', { label: 'Đủ điều kiện' });
  await officer.fill('#ws-step-reviewer', 'Lê Thu Hà');
  await officer.locator('#ws-complete').scrollIntoViewIfNeeded();
  expect(await withinWidth(officer, '#ws-complete')).toBe(true);
  expect(await officer.locator('#ws-complete').isVisible()).toBe(true);
  await screenshot(officer, 'tablet-inbox');
  await officer.click('#ws-complete');
  const toast = officer.locator('.ws-toast-ok', { hasText: `Đã hoàn thành bước “Thẩm định hồ sơ” của hồ sơ ${code}` });
  await toast.waitFor();
  // The toast is on screen where the officer is, not only in the footer.
  const box = await toast.boundingBox();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(TABLET.height);
  await row(code).waitFor({ state: 'detached' });
  await expectVietnameseOnly(officer, 'the inbox after completing');
  expect((await server.tb.engine.getDossier(code)).openTasks.map((t) => t.elementId)).toEqual(['Task_Confirm']);
});

test('a step the procedure cannot go on from: the officer reads, in Vietnamese, that the supervisor and the analyst were told', async () => {
  requests.expect('422 POST /api/tasks/');
  await row(stuckCode).locator('[data-action="claim"]').click();
  await officer.locator('#ws-step-form #ws-complete:not([disabled])').waitFor();
  await officer.fill('#ws-step-amount', '500');
  await officer.click('#ws-complete');
  const error = officer.locator('#ws-complete-error:not([hidden])');
  await error.waitFor();
  const text = await error.innerText();
  expect(text).toContain('đã báo cho cán bộ giám sát và cán bộ phân tích nghiệp vụ');
  expect(text).not.toMatch(/undefined|Gateway_|conditional|could not continue/);
  await expectVietnameseOnly(officer, 'the stuck step');
  const [incident] = await server.tb.engine.incidents();
  expect(incident).toMatchObject({ dossierCode: stuckCode, kind: 'process-error', status: 'open' });
});

test('on a laptop (1366 × 768) the list is a table whose columns do not wrap word by word, the claim buttons whole', async () => {
  await officer.setViewportSize(LAPTOP);
  await officer.goto(`${server.url}/app/inbox?poll=500`);
  await row(codes[0]).waitFor();
  expect(await officer.locator('#ws-inbox-table thead').isVisible()).toBe(true);
  expect(await officer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(LAPTOP.width);
  for (const code of codes.slice(0, 3)) expect(await withinWidth(officer, `#ws-inbox-table tr[data-dossier="${code}"] [data-action="claim"]`)).toBe(true);
  // One line per row: the urgency and the due time are never broken over lines.
  const heights = await officer.locator('#ws-inbox-table tbody td:nth-child(2) .ws-chip').evaluateAll((chips) => chips.map((c) => c.getClientRects().length));
  expect(heights.every((lines) => lines === 1)).toBe(true);
  await expectVietnameseOnly(officer, 'the inbox on a laptop');
});
