// A day of work at the service center, through the browser only (Debian's
// Chromium driven by playwright-core, against the real API and front end on
// a test database whose clock the test moves):
//
//   09:00  the desk receives two residence-confirmation dossiers (T.CUTRU,
//          test/fixtures/workspace) and prints the receipt;
//          the civil-status officer reviews one and asks the citizen of the
//          other for a supplement; the police officer finds the first in its
//          inbox, which never shows another department's step;
//   11:00  the police step (30 calendar minutes) is late: it appears on the
//          supervisor's dashboard within seconds; the dossier page marks it on
//          the diagram; the officer completes it; the supervisor's form 06
//          counts the dossier as late, on screen and in the CSV download;
//          the desk returns the result, records the supplement and an apology
//          letter.
//
// Screenshots of the dashboard, the inbox and the dossier page go to
// test-artifacts/; UPDATE_WORKSPACE_SCREENSHOTS=1 (or a missing file) also
// refreshes web/workspace/screenshots/ for the README.

import { jest } from '@jest/globals';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { birthDossier, BIRTH_STEP_DATA } from '../api/support/apiTestbed.js';
import { ROOT } from '../support/engineHarness.js';
import {
  ARTIFACTS,
  ensureDesignerBuilt,
  front,
  launchWorkspaceBrowser,
  personFor,
  seedLastWeek,
  signIn,
  startWorkspaceServer,
  type WorkspaceBrowser,
  type WorkspaceServer,
} from './support/workspaceBrowser.js';

jest.setTimeout(60_000);

const CUTRU = 'T.CUTRU';
const SCREENSHOTS = path.join(ROOT, 'web/workspace/screenshots');

let server: WorkspaceServer;
let browser: WorkspaceBrowser;
let desk: Page;
let justice: Page;
let police: Page;
let supervisor: Page;
const codes: Record<string, string> = {};

beforeAll(async () => {
  ensureDesignerBuilt();
  await mkdir(ARTIFACTS, { recursive: true });
  [server, browser] = await Promise.all([startWorkspaceServer('2026-03-04T08:00:00+07:00'), launchWorkspaceBrowser()]);
  await seedLastWeek(server.tb, birthDossier, BIRTH_STEP_DATA as unknown as Record<string, Record<string, unknown>>);
  // Wednesday 11 March 2026, 09:00 in Hanoi: the day begins; overnight breaches are on record.
  server.tb.clock.set('2026-03-11T09:00:00+07:00');
  await server.tb.engine.sweepDeadlines();
  [desk, justice, police, supervisor] = await Promise.all([browser.tab(), browser.tab(), browser.tab(), browser.tab()]);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(async () => {
  // No page may have thrown or logged an error, or shown one in its status line.
  expect(browser.errors).toEqual([]);
  for (const page of [desk, justice, police, supervisor]) {
    if (!page || page.isClosed() || !page.url().startsWith(server.url)) continue;
    const status = page.locator('#ws-status[data-kind="error"]');
    expect(await status.count() ? await status.textContent() : null).toBeNull();
  }
});

async function screenshot(page: Page, name: 'dashboard' | 'inbox' | 'dossier', fullPage = false): Promise<void> {
  const file = path.join(ARTIFACTS, `workspace-${name}.png`);
  await page.screenshot({ path: file, fullPage });
  const readmeCopy = path.join(SCREENSHOTS, `${name}.png`);
  // The README's pictures: refreshed on request only, so test runs leave the work tree alone.
  if (process.env.UPDATE_WORKSPACE_SCREENSHOTS === '1' || !existsSync(readmeCopy)) {
    await mkdir(SCREENSHOTS, { recursive: true });
    await copyFile(file, readmeCopy);
  }
}

const inboxRows = (page: Page) => page.locator('#ws-inbox-table tbody tr[data-task]');

async function submitResidence(name: string, requester: string, email: string): Promise<string> {
  await desk.selectOption('#ws-procedure', CUTRU);
  await desk.locator('#ws-data-requesterFullName').waitFor();
  await desk.fill('#ws-applicant-name', requester);
  await desk.fill('#ws-applicant-idNumber', '001190012345');
  await desk.fill('#ws-applicant-phone', '0912345678');
  await desk.fill('#ws-applicant-email', email);
  await desk.fill('#ws-data-requesterFullName', requester);
  await desk.fill('#ws-data-dateOfBirth', '20/05/1990');
  await desk.fill('#ws-data-residenceAddress', 'Số 12, thôn Đông, xã Đông Anh, Hà Nội');
  await desk.selectOption('#ws-data-purpose', 'Bổ sung hồ sơ xin việc');
  await desk.check('#ws-data-electronicCopy');
  await desk.click('#ws-submit');
  const code = await desk.locator('#ws-receipt-code').textContent();
  codes[name] = code!;
  return code!;
}

test('the landing page signs a desk officer in with a username and password; the session (a cookie) holds for the designer too', async () => {
  const deskPerson = await personFor(server.url, server.keys.desk, 'Nguyễn Thị Một Cửa');
  await desk.goto(`${server.url}/?poll=500`);
  // A system's key is still checked (and a wrong one refused); people sign in as themselves.
  await desk.fill('#ws-key', 'osk_not-a-key');
  await desk.click('#ws-signin');
  await desk.locator('#ws-signin-error', { hasText: 'Khóa không hợp lệ' }).waitFor();
  await desk.fill('#ws-username', deskPerson.username);
  await desk.fill('#ws-password', 'not-the-password');
  await desk.click('#ws-login');
  await desk.locator('#ws-login-error', { hasText: 'Sai tên đăng nhập hoặc mật khẩu.' }).waitFor();
  await desk.screenshot({ path: path.join(ARTIFACTS, 'workspace-landing.png') });
  await signIn(desk, server.url, deskPerson);
  expect(new URL(desk.url()).pathname).toBe('/app/desk');
  // No key in the tab: the session is an HttpOnly cookie no script reads.
  expect(await desk.evaluate(() => [sessionStorage.getItem('onestop.designer.token'), document.cookie])).toEqual([null, '']);
  expect(await desk.locator('#ws-nav a').allTextContents()).toEqual(['Tiếp nhận & trả kết quả', 'Hồ sơ']);

  // An analyst signing in here is sent on to the designer, already signed in there.
  const analyst = await browser.tab();
  await signIn(analyst, server.url, server.keys.analyst, 'Chuyên viên Phân tích');
  await analyst.click('#view a[data-page="/designer/"]');
  await analyst.waitForURL(`${server.url}/designer/`);
  await analyst.locator('#signed-in:not([hidden])').waitFor();
  expect(await analyst.locator('#signin-dialog[open]').count()).toBe(0);
  await analyst.close();
});

test('the desk receives a dossier from the start form: browser checks first, the server’s errors on their fields, then the receipt', async () => {
  await front(desk);
  await desk.selectOption('#ws-procedure', CUTRU);
  await desk.locator('#ws-data-requesterFullName').waitFor();
  // The fields in the order the analyst wrote them, dates typed dd/mm/yyyy.
  expect(await desk.locator('[data-form="ws-data"] > .ws-field').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-field'))))
    .toEqual(['requesterFullName', 'dateOfBirth', 'residenceAddress', 'purpose', 'copies', 'electronicCopy']);
  expect(await desk.locator('#ws-data-dateOfBirth').getAttribute('placeholder')).toBe('dd/mm/yyyy');

  // Nothing filled: every required field is flagged in the browser, nothing is sent.
  await desk.click('#ws-submit');
  await desk.locator('#ws-submit-error', { hasText: 'Hồ sơ chưa hợp lệ' }).waitFor();
  expect(await desk.locator('[data-form="ws-data"] [data-field="requesterFullName"] .ws-field-error').textContent()).toBe('bắt buộc');
  expect(await desk.locator('[data-form="ws-applicant"] [data-field="idNumber"] .ws-field-error').textContent()).toBe('bắt buộc');
  expect((await server.tb.engine.context.pool.query(`SELECT count(*)::int AS n FROM dossiers WHERE procedure_code = $1`, [CUTRU])).rows[0].n).toBe(0);

  // A malformed e-mail address is the server's to refuse: its error lands on the field.
  await desk.fill('#ws-applicant-name', 'Phạm Thị Lan');
  await desk.fill('#ws-applicant-idNumber', '001190012345');
  await desk.fill('#ws-applicant-email', 'lan@');
  await desk.fill('#ws-data-requesterFullName', 'Phạm Thị Lan');
  await desk.fill('#ws-data-dateOfBirth', '31/02/1990');
  await desk.fill('#ws-data-residenceAddress', 'Số 12, thôn Đông, xã Đông Anh, Hà Nội');
  await desk.selectOption('#ws-data-purpose', 'Bổ sung hồ sơ xin việc');
  await desk.click('#ws-submit');
  // 31 February is no date: the browser says so.
  expect(await desk.locator('[data-form="ws-data"] [data-field="dateOfBirth"] .ws-field-error').textContent()).toBe('phải là ngày hợp lệ');
  await desk.fill('#ws-data-dateOfBirth', '20/05/1990');
  await desk.click('#ws-submit');
  await desk.locator('[data-form="ws-applicant"] [data-field="email"] .ws-field-error', { hasText: 'thư điện tử' }).waitFor();
  expect(await desk.locator('[data-form="ws-applicant"] [data-field="email"]').getAttribute('class')).toContain('ws-invalid');

  await desk.fill('#ws-applicant-email', 'lan.pham@example.vn');
  await desk.click('#ws-submit');
  const code = await desk.locator('#ws-receipt-code').textContent();
  codes.A = code!;
  expect(code).toMatch(/^000\.00\.12\.H26-260311-\d{4}$/);
  // Promised in 90 calendar minutes, written in Vietnam time (the browser's zone is Paris).
  expect(await desk.locator('#ws-receipt-promised').textContent()).toBe('11/03/2026 10:30');
  await desk.click('#ws-print-receipt');
  expect(await desk.evaluate(() => (window as unknown as { __printed: number }).__printed)).toBe(1);

  await desk.click('#ws-another');
  await submitResidence('B', 'Đỗ Văn Minh', 'minh.do@example.vn');
  const stored = (await server.tb.engine.getDossier(codes.A));
  expect(stored.data).toEqual({ requesterFullName: 'Phạm Thị Lan', dateOfBirth: '1990-05-20', residenceAddress: 'Số 12, thôn Đông, xã Đông Anh, Hà Nội', purpose: 'Bổ sung hồ sơ xin việc', copies: 1, electronicCopy: false });
  expect(stored.applicant).toEqual({ name: 'Phạm Thị Lan', idNumber: '001190012345', email: 'lan.pham@example.vn' });
});

test('the civil-status officer claims and completes a review in its inbox, with the form checked before sending, and asks for a supplement on the other', async () => {
  await signIn(justice, server.url, server.keys.justice, 'Lê Thu Hà');
  expect(new URL(justice.url()).pathname).toBe('/app/inbox');
  await inboxRows(justice).filter({ has: justice.locator(`a:text("${codes.A}")`) }).waitFor();
  expect(await inboxRows(justice).evaluateAll((rows) => [...new Set(rows.map((r) => r.getAttribute('data-department')))])).toEqual(['TUPHAP_XA']);

  const rowA = justice.locator(`#ws-inbox-table tr[data-dossier="${codes.A}"]`);
  expect(await rowA.getAttribute('data-urgency')).toBe('due_today');
  expect(await rowA.locator('[data-urgency]').textContent()).toBe('Đến hạn hôm nay · còn 1 giờ làm việc');
  await rowA.locator('[data-action="claim"]').click();
  await justice.locator('#ws-unclaim').waitFor();
  expect(await justice.locator('#ws-task-state').textContent()).toBe('Đang xử lý: Lê Thu Hà (@le.thu.ha)');
  // The dossier's data, with the form's titles.
  expect(await justice.locator('#ws-task dd[data-key="residenceAddress"]').textContent()).toBe('Số 12, thôn Đông, xã Đông Anh, Hà Nội');

  await justice.click('#ws-complete');
  await justice.locator('#ws-complete-error', { hasText: '2 lỗi' }).waitFor();
  expect(await justice.locator('[data-form="ws-step"] [data-field="reviewResult"] .ws-field-error').textContent()).toBe('bắt buộc');
  await justice.selectOption('#ws-step-reviewResult', { label: 'Đủ điều kiện' });
  await justice.fill('#ws-step-reviewer', 'Lê Thu Hà');
  await justice.fill('#ws-step-reviewNote', 'Hồ sơ đầy đủ, thông tin khớp cơ sở dữ liệu.');
  await justice.click('#ws-complete');
  await justice.locator('#ws-status', { hasText: `Đã hoàn thành bước “Thẩm định hồ sơ” của hồ sơ ${codes.A}` }).waitFor();
  await justice.locator(`#ws-inbox-table tr[data-dossier="${codes.A}"]`).waitFor({ state: 'detached' });

  // The other dossier lacks a paper: ask once, listing every missing item.
  await justice.locator(`#ws-inbox-table tr[data-dossier="${codes.B}"] a:text("Mở")`).click();
  await justice.locator('#ws-supplement summary').click();
  await justice.fill('#ws-supplement-reason', 'Thiếu giấy tờ chứng minh nơi thường trú');
  await justice.fill('#ws-supplement-items', 'Bản sao sổ hộ khẩu hoặc giấy xác nhận cư trú\nẢnh căn cước công dân rõ nét');
  await justice.click('#ws-supplement-send');
  await justice.locator('#ws-status', { hasText: 'Đã gửi yêu cầu bổ sung' }).waitFor();
  expect((await server.tb.engine.getDossier(codes.B)).status.name).toBe('supplement_requested');
  await justice.locator(`#ws-inbox-table tr[data-dossier="${codes.B}"][data-urgency="paused"]`).waitFor();
});

test('the police officer’s inbox has the next step; an officer’s inbox never shows another department’s step', async () => {
  await signIn(police, server.url, server.keys.police, 'Trần Văn Nam');
  const confirm = police.locator(`#ws-inbox-table tr[data-dossier="${codes.A}"]`);
  await confirm.waitFor();
  const confirmTaskId = (await confirm.getAttribute('data-task'))!;
  expect(await confirm.locator('td').nth(4).textContent()).toBe('Xác nhận cư trú');
  expect(await inboxRows(police).evaluateAll((rows) => [...new Set(rows.map((r) => r.getAttribute('data-department')))])).toEqual(['CONGAN_XA']);

  // The civil-status inbox, refreshed several times since: only its own steps, never the police step.
  await front(justice);
  const before = await server.tb.engine.context.pool.query(`SELECT count(*)::int AS n FROM tasks WHERE department <> 'TUPHAP_XA' AND status IN ('open', 'claimed')`);
  expect(before.rows[0].n).toBeGreaterThan(0);
  await justice.goto(`${server.url}/app/inbox`);
  await justice.waitForFunction(() => (window as unknown as { onestopWorkspace: { refreshCount: number } }).onestopWorkspace.refreshCount >= 2);
  expect(await inboxRows(justice).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-department')))).not.toContain('CONGAN_XA');
  expect(await justice.locator(`tr[data-task="${confirmTaskId}"]`).count()).toBe(0);
  expect(await justice.locator('#ws-inbox-department').count()).toBe(0);
  // Even by its address, the police step is refused to the civil-status officer.
  await justice.goto(`${server.url}/app/inbox/${confirmTaskId}`);
  await justice.locator('#ws-task-refused[data-refused="403"]').waitFor();
  expect(await justice.locator('#ws-task-refused').textContent()).toContain('CONGAN_XA');
  expect(await justice.locator('#ws-step-form').count()).toBe(0);
  // And an officer has no dashboard.
  await justice.goto(`${server.url}/app/dashboard`);
  await justice.locator('#view [data-refused]').waitFor();
});

test('11:00: the police step is late; the supervisor’s dashboard shows it within seconds, and the dossier page marks it', async () => {
  await signIn(supervisor, server.url, server.keys.supervisor);
  expect(new URL(supervisor.url()).pathname).toBe('/app/dashboard');
  // Last week's overdue health-insurance step is there already; nothing of T.CUTRU yet, but dossier A is about to be late.
  await supervisor.locator('#ws-breach-groups tr[data-department="BHXH"][data-procedure="2.002621"]').waitFor();
  expect(await supervisor.locator(`#ws-breach-groups tr[data-procedure="${CUTRU}"]`).count()).toBe(0);
  await supervisor.locator(`#ws-atrisk-table tr[data-dossier="${codes.A}"]`).waitFor();

  server.tb.clock.set('2026-03-11T11:00:00+07:00');
  const swept = await server.tb.engine.sweepDeadlines();
  expect(swept.breaches.map((b) => b.dossierCode)).toContain(codes.A);
  const started = Date.now();
  const group = supervisor.locator(`#ws-breach-groups tr[data-department="CONGAN_XA"][data-procedure="${CUTRU}"]`);
  await group.waitFor({ timeout: 5_000 });
  expect(Date.now() - started).toBeLessThan(5_000);
  // Oldest first: last week's breaches, then today's; overdue since 09:30.
  expect(await supervisor.locator('#ws-breach-groups tbody tr').evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-department')}|${r.getAttribute('data-procedure')}`)))
    .toEqual(['BHXH|2.002621', '|2.002621', `CONGAN_XA|${CUTRU}`, `|${CUTRU}`]);
  expect(await group.locator('td').nth(4).textContent()).toBe('11/03/2026 09:30');
  expect(await group.locator('td').nth(5).textContent()).toBe('quá hạn 1,5 giờ làm việc');

  // The number opens the dossiers behind it.
  await group.locator('td:nth-child(3) a').click();
  await supervisor.locator(`#ws-list-table tr[data-dossier="${codes.A}"]`).waitFor();
  expect(await supervisor.locator('#ws-list-table tbody tr').count()).toBe(1);
  await supervisor.locator(`#ws-list-table a:text("${codes.A}")`).click();

  // The dossier page: the review done, the police step current and late, on the diagram and in the control slip.
  await supervisor.locator('#view[data-loaded="true"] #ws-slip-table').waitFor();
  await supervisor.locator('.djs-element[data-element-id="Task_Confirm"].ws-current.ws-late').waitFor();
  expect(await supervisor.locator('.djs-element[data-element-id="Task_Review"]').getAttribute('class')).toMatch(/\bws-done\b/);
  expect(await supervisor.locator('.djs-element[data-element-id="Task_Review"]').getAttribute('class')).not.toMatch(/\bws-late\b/);
  expect(await supervisor.locator('.ws-badge[data-element="Task_Confirm"]').getAttribute('data-late')).toBe('true');
  expect(await supervisor.locator('#ws-slip-table tbody tr').evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-element')}:${r.querySelector('[data-timeliness]')?.getAttribute('data-timeliness')}`)))
    .toEqual(['Task_Review:on_time', 'Task_Confirm:overdue']);
  expect(await supervisor.locator('#ws-dossier-timeliness [data-timeliness]').getAttribute('data-timeliness')).toBe('overdue');
  await screenshot(supervisor, 'dossier', true);
});

test('the police officer sees the step turn red and completes it late', async () => {
  await front(police);
  const row = police.locator(`#ws-inbox-table tr[data-dossier="${codes.A}"]`);
  await police.locator(`#ws-inbox-table tr[data-dossier="${codes.A}"][data-urgency="late"]`).waitFor();
  expect(await row.locator('[data-urgency]').textContent()).toBe('Quá hạn 1,5 giờ làm việc');
  await row.locator('[data-action="claim"]').click();
  await police.locator('#ws-unclaim').waitFor();
  await police.check('#ws-step-residenceConfirmed');
  await police.fill('#ws-step-confirmationNumber', '12');
  await police.click('#ws-complete');
  // The pattern of the form, checked in the browser.
  await police.locator('[data-form="ws-step"] [data-field="confirmationNumber"] .ws-field-error', { hasText: 'không đúng định dạng' }).waitFor();
  await police.fill('#ws-step-confirmationNumber', '128/XN');
  // Corrected: the field's error goes as the officer types.
  expect(await police.locator('[data-form="ws-step"] [data-field="confirmationNumber"] .ws-field-error').textContent()).toBe('');
  await screenshot(police, 'inbox');
  await police.click('#ws-complete');
  await police.locator('#ws-status', { hasText: `Đã hoàn thành bước “Xác nhận cư trú” của hồ sơ ${codes.A}` }).waitFor();
  expect((await server.tb.engine.getDossier(codes.A)).timeliness).toBe('late');

  // The supervisor's dossier page follows: done, late, in the diagram and the slip.
  await front(supervisor);
  await supervisor.locator('.djs-element[data-element-id="Task_Confirm"].ws-done.ws-late').waitFor();
  await supervisor.locator('#ws-slip-table tr[data-element="Task_Confirm"] [data-timeliness="late"]').waitFor();
  expect(await supervisor.locator('#ws-slip-table tr[data-element="Task_Confirm"] td').nth(7).textContent()).toBe('Trần Văn Nam (@tran.van.nam)');
});

test('the supervisor’s form 06 counts the dossier as late, on screen, in the chart and in the downloaded CSV', async () => {
  await supervisor.click('#ws-nav a[href="/app/dashboard"]');
  const late = supervisor.locator(`#ws-form06-table tr[data-key="${CUTRU}"] td[data-column="resolvedLate"]`);
  await late.waitFor();
  expect(await late.textContent()).toBe('1');
  expect(await supervisor.locator(`#ws-form06-table tr[data-key="${CUTRU}"] td[data-column="resolvedTotal"]`).textContent()).toBe('1');
  // The breach is closed with the step: only last week's remain open.
  await supervisor.locator(`#ws-breach-groups tr[data-procedure="${CUTRU}"]`).first().waitFor({ state: 'detached' });

  // The chart (Chart.js) has the procedure at 0 % on time; the department chart has the police.
  const procedureChart = supervisor.locator('#ws-chart-procedure');
  const labels = JSON.parse((await procedureChart.getAttribute('data-labels'))!);
  const onTime = JSON.parse((await procedureChart.getAttribute('data-on-time'))!);
  expect(onTime[labels.indexOf(CUTRU)]).toBe(0);
  expect(JSON.parse((await supervisor.locator('#ws-chart-department').getAttribute('data-labels'))!)).toEqual(expect.arrayContaining(['BHXH', 'CONGAN_XA', 'TUPHAP_XA']));
  expect(await supervisor.evaluate(() => {
    const canvas = document.querySelector('#ws-chart-procedure') as HTMLCanvasElement;
    return canvas.width > 0 && canvas.height > 0;
  })).toBe(true);
  // The progress score with its parts.
  expect(await supervisor.locator('#ws-progress [data-part="resolvedTotal"]').textContent()).toBe('4');
  expect(await supervisor.locator('#ws-progress-score').textContent()).toMatch(/^\d+(,\d+)? \/ 20 điểm$/);

  const [download] = await Promise.all([supervisor.waitForEvent('download'), supervisor.click('#ws-csv')]);
  expect(download.suggestedFilename()).toBe('form06-procedure-2026-03-01-2026-03-11.csv');
  const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
  // Headed in Vietnamese, with the decimal comma (cells separated by semicolons) a Vietnamese spreadsheet reads.
  const [header, ...rows] = csv.trim().split('\r\n').map((line) => line.split(';'));
  const cutru = rows.find((r) => r[0] === CUTRU)!;
  expect(cutru[header.indexOf('Đã giải quyết – quá hạn')]).toBe('1');
  expect(cutru[header.indexOf('Quá hạn không có thư xin lỗi')]).toBe('1');
  expect(cutru[header.indexOf('Đã giải quyết – tổng số')]).toBe('1');

  await supervisor.click('#ws-print-form06');
  expect(await supervisor.evaluate(() => (window as unknown as { __printed: number }).__printed)).toBe(1);

  // Every number leads to its dossiers: the late cell lists dossier A.
  await late.locator('a').click();
  await supervisor.locator(`#ws-list-table tr[data-dossier="${codes.A}"]`).waitFor();
  expect(await supervisor.locator('#ws-list-summary').getAttribute('data-total')).toBe('1');
  await supervisor.goBack();
  await late.waitFor();
  await screenshot(supervisor, 'dashboard', true);
});

test('the desk returns the result, records the supplement, and an apology letter with a new date', async () => {
  await front(desk);
  await desk.click('#ws-tab-return');
  await desk.locator(`#ws-return-table tr[data-dossier="${codes.A}"] [data-action="return-result"]`).click();
  await desk.locator('#ws-status', { hasText: `Đã trả kết quả hồ sơ ${codes.A}` }).waitFor();
  expect((await server.tb.engine.getDossier(codes.A)).status.name).toBe('returned');

  await desk.click('#ws-tab-supplement');
  const row = desk.locator(`#ws-supplement-table tr[data-dossier="${codes.B}"]`);
  await row.locator(`[data-items="${codes.B}"]`, { hasText: 'Bản sao sổ hộ khẩu' }).waitFor();
  await row.locator('[data-action="record-supplement"]').click();
  // Decree 61: the clock restarts from zero, 90 minutes from 11:00.
  await desk.locator('#ws-status', { hasText: 'hạn mới 11/03/2026 12:30' }).waitFor();

  // Due within a working day and no letter yet: on the at-risk tab, where the desk writes the letter.
  await desk.click('#ws-tab-atRisk');
  const form = desk.locator(`form.ws-apology[data-code="${codes.B}"]`);
  await form.waitFor();
  expect(await form.locator('input[type="text"]').inputValue()).toBe('12/03/2026');
  await form.locator('textarea').fill('Chờ xác minh thông tin cư trú với Công an huyện');
  await form.locator('select').selectOption('CONGAN_XA');
  await form.locator('[data-action="apology"]').click();
  await desk.locator('#ws-status', { hasText: 'ngày hẹn mới 12/03/2026 17:00' }).waitFor();
  await form.waitFor({ state: 'detached' });
  const b = await server.tb.engine.getDossier(codes.B);
  expect(b.dueAt?.toISOString()).toBe('2026-03-12T10:00:00.000Z');

  // The dossier page tells the story.
  await desk.goto(`${server.url}/app/dossiers/${codes.B}`);
  await desk.locator('#ws-apology-text', { hasText: 'Chờ xác minh thông tin cư trú' }).waitFor();
  expect(await desk.locator('#ws-timeline li').evaluateAll((items) => items.map((i) => i.getAttribute('data-type'))))
    .toEqual(expect.arrayContaining(['dossier.received', 'task.created', 'supplement.requested', 'supplement.received', 'dossier.apology']));
  expect(await desk.locator('#ws-desk-actions').textContent()).not.toContain('Thư xin lỗi');

  // The desk's list of dossiers, newest first.
  await desk.click('#ws-nav a[href="/app/dossiers"]');
  await desk.locator(`#ws-list-table tr[data-dossier="${codes.B}"]`).waitFor();
  expect(await desk.locator('#ws-list-table tbody tr').evaluateAll((rows) => rows.slice(0, 2).map((r) => r.getAttribute('data-dossier')))).toEqual([codes.B, codes.A]);
  expect(await desk.locator(`#ws-list-table tr[data-dossier="${codes.A}"] [data-status]`).getAttribute('data-status')).toBe('returned');
});

test('the heat map shows the open tasks, the median time taken and the breaches on each step', async () => {
  await front(supervisor);
  await supervisor.goto(`${server.url}/app/heatmap/${CUTRU}`);
  const confirm = supervisor.locator('.ws-heat-badge[data-element="Task_Confirm"]');
  await confirm.waitFor();
  expect(await confirm.getAttribute('data-breaches')).toBe('1');
  expect(await supervisor.locator('.ws-heat-badge[data-element="Task_Review"]').getAttribute('data-open')).toBe('1');
  expect(await supervisor.locator('.djs-element[data-element-id="Task_Confirm"]').getAttribute('class')).toMatch(/ws-heat-4/);
  // Handed over at 09:00, done at 11:00: two working hours.
  expect(await supervisor.locator('#ws-heat-steps tr[data-element="Task_Confirm"] td').nth(4).textContent()).toBe('2 giờ làm việc');
  await supervisor.screenshot({ path: path.join(ARTIFACTS, 'workspace-heatmap.png') });

  // A supervisor may look into any department's inbox, and only look.
  await supervisor.click('#ws-nav a[href="/app/inbox"]');
  await supervisor.selectOption('#ws-inbox-department', 'TUPHAP_XA');
  await supervisor.locator(`#ws-inbox-table tr[data-dossier="${codes.B}"]`).waitFor();
  expect(await inboxRows(supervisor).evaluateAll((rows) => [...new Set(rows.map((r) => r.getAttribute('data-department')))])).toEqual(['TUPHAP_XA']);
  expect(await supervisor.locator('#ws-inbox-table [data-action="claim"]').count()).toBe(0);
  await supervisor.locator(`#ws-inbox-table tr[data-dossier="${codes.B}"] a:text("Mở")`).click();
  await supervisor.locator('#ws-step-form').waitFor();
  expect(await supervisor.locator('#ws-complete').count()).toBe(0);
  expect(await supervisor.locator('#ws-claim').count()).toBe(0);
});

test('English on request, and usable on a tablet', async () => {
  await supervisor.goto(`${server.url}/app/dashboard`);
  await supervisor.locator('#view[data-loaded="true"]').waitFor();
  await supervisor.click('#ws-lang');
  await supervisor.locator('h1', { hasText: 'Dashboard' }).waitFor();
  expect(await supervisor.locator('#ws-form06 h2').textContent()).toBe('Statistics report (Biểu II.06a)');
  await supervisor.click('#ws-lang');
  await supervisor.locator('h1', { hasText: 'Bảng điều hành' }).waitFor();

  for (const [page, where] of [[supervisor, '/app/dashboard'], [police, '/app/inbox'], [desk, `/app/dossiers/${codes.A}`]] as const) {
    await front(page);
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.goto(`${server.url}${where}`);
    await page.locator('#view[data-loaded="true"]').waitFor();
    // Nothing wider than the screen but the tables that scroll inside their own box.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
  }
  await desk.screenshot({ path: path.join(ARTIFACTS, 'workspace-dossier-tablet.png'), fullPage: true });
});
