// Procedures go live deliberately, in a real browser (Debian's Chromium via
// playwright-core) at 1366×768, signed in as an analyst with their own
// password: open a sample, move a step to another department (the lane rule
// warns), save a draft and open its shared link, publish it with an effective
// time tomorrow in the confirmation dialog that lists the warnings, then read
// the version list and the diff to the previous version. The dialog and the
// diff show no English word in Vietnamese (elements by their names, not their
// ids), and the page logs no error.

import { jest } from '@jest/globals';
import { existsSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { formatDateTime, vnDay } from '../../web/shared/format.js';
import { ROOT } from '../support/engineHarness.js';
import { englishWordsIn } from '../support/visibleEnglish.js';
import { expectEveryDossierWaits } from '../support/invariant.js';
import { onboard } from '../people/support/personSessions.js';
import { ARTIFACTS, ensureDesignerBuilt, launchDesignerBrowser, startDesignerServer, type DesignerBrowser, type DesignerServer } from './support/designerBrowser.js';

jest.setTimeout(90_000);

const BIRTH = '2.002621';
const SCREENSHOT = path.join(ROOT, 'designer/screenshots/publish-dialog.png');

let server: DesignerServer;
let browser: DesignerBrowser;
let page: Page;

beforeAll(async () => {
  ensureDesignerBuilt();
  await mkdir(ARTIFACTS, { recursive: true });
  [server, browser] = await Promise.all([startDesignerServer(), launchDesignerBrowser()]);
  page = browser.page;
  await page.setViewportSize({ width: 1366, height: 768 });
  page.setDefaultTimeout(15_000);
  page.on('dialog', (dialog) => void dialog.accept());
}, 90_000);

afterAll(async () => {
  delete process.env.PUBLISH_REQUIRES_APPROVAL;
  await browser?.close();
  await server?.close();
});

const designer = <T>(fn: string) => page.evaluate(fn) as Promise<T>;

/**
 * The English words a person reads in an open dialog (its visible text and the
 * titles, placeholders and labels of what it holds), each with the text around
 * it, so a failure says where. The dialog is modal: it is all the page shows
 * that can be read and acted on.
 */
async function englishIn(selector: string): Promise<string[]> {
  const text = await page.locator(selector).evaluate((dialog: HTMLElement) => [
    dialog.innerText,
    ...Array.from(dialog.querySelectorAll('[title],[placeholder],[aria-label]')).map((e) => ['title', 'placeholder', 'aria-label'].map((a) => e.getAttribute(a) ?? '').join(' ')),
  ].join('\n'));
  return englishWordsIn(text).map((w) => {
    const at = text.search(new RegExp(`(^|[^\\p{L}])${w}([^\\p{L}]|$)`, 'iu'));
    return `${w}: …${text.slice(Math.max(0, at - 40), at + 40).replace(/\s+/g, ' ')}…`;
  });
}

test('an analyst saves a draft, shares it, publishes it with an effective time and reads the diff to the previous version', async () => {
  // Signed in as a person, with their own password.
  await page.goto(`${server.url}/designer/`);
  await page.locator('#signin-dialog[open]').waitFor();
  await page.fill('#signin-username', server.analyst.username);
  await page.fill('#signin-password', server.analyst.password);
  await page.click('#signin-submit');
  await page.locator('#signin-dialog[open]').waitFor({ state: 'detached' });

  // Open version 1 of the birth procedure from the library.
  await page.click(`.od-procedure[data-code="${BIRTH}"] .od-procedure-name`);
  await page.click(`.od-version[data-code="${BIRTH}"][data-version="1"]`);
  await page.waitForFunction(() => (window as any).onestopDesigner.lintCaughtUp() && document.querySelector('#doc-source')?.textContent?.includes('phiên bản 1'));

  // Keyboard shortcuts never fire while the focus is in a text field: Delete with the step selected and a field focused keeps it.
  const kept = await page.evaluate(() => {
    const modeler = (window as any).onestopDesigner.modeler;
    const task = modeler.get('elementRegistry').get('Task_RegisterBirth');
    modeler.get('selection').select(task);
    const field = document.createElement('input');
    document.body.append(field);
    field.focus();
    modeler.get('canvas')._svg.dispatchEvent(new KeyboardEvent('keydown', { key: 'Delete', bubbles: true }));
    field.remove();
    return !!modeler.get('elementRegistry').get('Task_RegisterBirth');
  });
  expect(kept).toBe(true);

  // Change something: the civil-status step moves to the police (still drawn in the civil-status lane) and gets 2 working days.
  await designer(`(() => {
    const modeler = window.onestopDesigner.modeler;
    const task = modeler.get('elementRegistry').get('Task_RegisterBirth');
    modeler.get('modeling').updateModdleProperties(task, task.businessObject, { 'onestop:department': 'CONGAN_XA', 'onestop:deadline': 'P2D' });
  })()`);
  await page.locator('#doc-dirty:not([hidden])').waitFor();
  // The lane rule warns live, and the lint button counts what the list lists.
  await page.locator('#problem-list [data-source="lint"][data-rule="onestop/lane-department"][data-element-id="Task_RegisterBirth"]').waitFor();
  const listed = await page.locator('#problem-list .od-problem[data-severity="warning"]').count();
  await page.locator('.bjsl-button', { hasText: `${listed} cảnh báo` }).waitFor();
  await page.locator('#problem-counts', { hasText: `${listed} cảnh báo` }).waitFor();

  // Save a draft: saved on the server, with a link to share.
  const [saved] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('/api/procedure-drafts') && r.request().method() === 'POST'),
    page.click('#btn-save-draft'),
  ]);
  expect(saved.status()).toBe(201);
  const draft = await saved.json();
  await page.locator('#status[data-kind="ok"]', { hasText: 'Đã lưu bản nháp' }).waitFor();
  expect(page.url()).toContain(`?ban-nhap=${draft.id}`);
  await page.locator(`.od-draft[data-draft-id="${draft.id}"]`).waitFor();

  // A colleague opening the link gets the draft in the designer.
  const colleague = await browser.context.newPage();
  await colleague.goto(`${server.url}${draft.link}`);
  await colleague.waitForFunction(() => document.querySelector('#doc-source')?.textContent?.includes('bản nháp'));
  expect(await colleague.evaluate(() => (window as any).onestopDesigner.modeler.get('elementRegistry').get('Task_RegisterBirth').businessObject.get('onestop:deadline'))).toBe('P2D');
  await colleague.close();

  // Publish: the dialog lists the warnings and takes the effective time, tomorrow 08:00 in Vietnam.
  await page.click('#btn-deploy');
  const dialog = page.locator('#publish-dialog[open]');
  await dialog.waitFor();
  await dialog.locator('li[data-rule="lane-department"][data-element-id="Task_RegisterBirth"]').waitFor();
  expect(await dialog.locator('li[data-rule="lane-department"]').textContent()).toContain('Đăng ký khai sinh');
  const tomorrow = new Date(Date.parse(`${vnDay(new Date())}T08:00:00+07:00`) + 86_400_000);
  await page.fill('#publish-effective', formatDateTime(tomorrow));
  expect(await englishIn('#publish-dialog')).toEqual([]);
  const shot = path.join(ARTIFACTS, 'designer-publish-dialog.png');
  await page.screenshot({ path: shot });
  // The README's picture: refreshed on request only (or when missing), so test runs leave the work tree alone.
  if (process.env.UPDATE_DESIGNER_SCREENSHOT === '1' || !existsSync(SCREENSHOT)) await copyFile(shot, SCREENSHOT);
  const [published] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith(`/api/procedure-drafts/${draft.id}/publish`)),
    page.click('#publish-confirm'),
  ]);
  expect(published.status()).toBe(201);
  expect((await published.json()).version).toMatchObject({ version: 2, effectiveAt: tomorrow.toISOString() });
  await page.locator('#status[data-kind="ok"]', { hasText: `phiên bản 2, có hiệu lực từ ${formatDateTime(tomorrow)}` }).waitFor();

  // The lint button and the problem list count the same warnings after the publication too.
  const warnings = await page.locator('#problem-list .od-problem[data-severity="warning"]').count();
  await page.locator('.bjsl-button', { hasText: `${warnings} cảnh báo` }).waitFor();

  // A server problem is a badge beside its element, never over it, and lets every click through.
  const badge = await page.evaluate(() => {
    const app = (window as any).onestopDesigner;
    app.modeler.get('serverProblems').set([{ elementId: 'Task_RegisterBirth', message: 'x', rule: 'user-task-department', severity: 'error' }]);
    const overlay = document.querySelector('.djs-overlays[data-container-id="Task_RegisterBirth"] .onestop-server-problem') as HTMLElement;
    const shape = document.querySelector('.djs-element.djs-shape[data-element-id="Task_RegisterBirth"] .djs-visual')!.getBoundingClientRect();
    const mark = overlay.querySelector('.onestop-server-problem-badge')!.getBoundingClientRect();
    const overlaps = mark.left < shape.right && mark.right > shape.left && mark.top < shape.bottom && mark.bottom > shape.top;
    const result = { overlaps, pointerEvents: getComputedStyle(overlay).pointerEvents, width: mark.width };
    app.modeler.get('serverProblems').clear();
    return result;
  });
  expect(badge).toEqual({ overlaps: false, pointerEvents: 'none', width: expect.any(Number) });
  expect(badge.width).toBeLessThan(30);

  // The version list: who published what, from when.
  const v2 = page.locator(`.od-version[data-code="${BIRTH}"][data-version="2"]`);
  await v2.waitFor();
  expect(await v2.locator('.od-version-effective').textContent()).toContain(formatDateTime(tomorrow));
  expect(await v2.textContent()).toContain(server.analyst.fullName);
  expect(await page.locator(`.od-draft[data-draft-id="${draft.id}"]`).count()).toBe(0);

  // The diff to version 1: the step, its department and its deadline.
  await page.click(`.od-compare[data-code="${BIRTH}"][data-version="2"]`);
  const diff = page.locator('#diff-dialog[open]');
  await diff.waitFor();
  const changed = diff.locator('.od-diff-changed[data-element-id="Task_RegisterBirth"]');
  expect(await changed.textContent()).toMatch(/đơn vị xử lý.*thời hạn/);
  expect(await diff.textContent()).toContain('CONGAN_XA');
  expect(await diff.textContent()).toContain('2 ngày làm việc');
  expect(await englishIn('#diff-dialog')).toEqual([]);
  await page.screenshot({ path: path.join(ARTIFACTS, 'designer-version-diff.png') });
  // The visual diff: version 2 opens with the changed step outlined.
  await page.click('#diff-mark');
  await page.waitForFunction(() => document.querySelector('.djs-element[data-element-id="Task_RegisterBirth"]')?.classList.contains('onestop-diff-changed'));

  const procedure = await (await server.api(`/api/procedures/${BIRTH}`)).json();
  expect(procedure.versions[1]).toMatchObject({ version: 2, effectiveAt: tomorrow.toISOString(), deployedBy: expect.stringContaining(server.analyst.fullName) });
  await expectEveryDossierWaits(server.tb.db.pool);
  expect(browser.errors).toEqual([]);
});

test('with approval required, the author sends the version for approval, cannot approve it, and another analyst does', async () => {
  process.env.PUBLISH_REQUIRES_APPROVAL = '1';
  const second = { username: 'chuyen.vien.hai', fullName: 'Chuyên viên thẩm định' };
  await onboard(server.tb, second.username, [{ role: 'analyst' }], second.fullName);

  // The author gives the police step three days and publishes: the dialog says a second analyst must approve.
  await designer(`(() => {
    const modeler = window.onestopDesigner.modeler;
    const task = modeler.get('elementRegistry').get('Task_RegisterBirth');
    modeler.get('modeling').updateModdleProperties(task, task.businessObject, { 'onestop:deadline': 'P3D' });
  })()`);
  await page.click('#btn-deploy');
  const dialog = page.locator('#publish-dialog[open]');
  await dialog.locator('.od-approval-note').waitFor();
  expect(await page.locator('#publish-confirm').textContent()).toBe('Gửi phê duyệt');
  expect(await englishIn('#publish-dialog')).toEqual([]);
  const [sent] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/publish') && r.request().method() === 'POST'),
    page.click('#publish-confirm'),
  ]);
  expect(sent.status()).toBe(202);
  const { draft } = await sent.json();
  await page.locator('#status[data-kind="ok"]', { hasText: 'để phê duyệt' }).waitFor();
  const pending = page.locator(`.od-draft.awaiting[data-draft-id="${draft.id}"]`);
  await pending.waitFor();

  // The author cannot approve their own version.
  await pending.locator('.od-approve').click();
  await page.locator('#status[data-kind="error"]', { hasText: 'không tự phê duyệt' }).waitFor();

  // Another analyst signs in and approves: version 3, with the approver in the version list.
  await Promise.all([
    page.waitForResponse((r) => r.url().includes('/api/session') && r.request().method() === 'DELETE'),
    page.click('#btn-signin'),
  ]);
  await page.click('#btn-signin');
  await page.locator('#signin-dialog[open]').waitFor();
  await page.fill('#signin-username', second.username);
  await page.fill('#signin-password', server.analyst.password);
  await page.click('#signin-submit');
  await page.locator('#signin-dialog[open]').waitFor({ state: 'detached' });
  await page.locator(`.od-draft.awaiting[data-draft-id="${draft.id}"] .od-approve`).click();
  await page.locator('#status[data-kind="ok"]', { hasText: 'Đã phê duyệt' }).waitFor();
  const v3 = page.locator(`.od-version[data-code="${BIRTH}"][data-version="3"]`);
  await v3.locator('.od-version-approver', { hasText: second.fullName }).waitFor();
  expect(await v3.textContent()).toContain(server.analyst.fullName);
  expect(browser.errors).toEqual([]);
});
