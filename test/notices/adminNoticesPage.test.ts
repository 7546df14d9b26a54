// The administrator words the notices to citizens in the workspace
// (/app/admin/notices): a placeholder the notice does not know is refused
// and said in Vietnamese beside the form; the delivery log shows the
// recipient masked.

import { jest } from '@jest/globals';
import type { Page } from 'playwright-core';
import { bearer, birthDossier, createKey } from '../api/support/apiTestbed.js';
import { ensureDesignerBuilt, launchWorkspaceBrowser, signIn, startWorkspaceServer, type WorkspaceBrowser, type WorkspaceServer } from '../workspace/support/workspaceBrowser.js';
import { englishWordsOnPage } from '../support/visibleEnglish.js';

jest.setTimeout(60_000);

let server: WorkspaceServer;
let browser: WorkspaceBrowser;
let admin: Page;

beforeAll(async () => {
  ensureDesignerBuilt();
  [server, browser] = await Promise.all([startWorkspaceServer('2026-03-02T09:00:00+07:00'), launchWorkspaceBrowser()]);
  admin = await browser.tab({ width: 1366, height: 768 });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('an unknown placeholder is refused beside the form in Vietnamese; a good wording is saved; the log masks the recipient', async () => {
  const desk = await createKey(server.tb, 'desk');
  const { body } = await server.tb.api.post('/api/dossiers').set(bearer(desk)).send(birthDossier({ channel: 'direct' })).expect(201);

  await signIn(admin, server.url, server.tb.admin);
  await admin.goto(`${server.url}/app/admin/notices?poll=500`);
  await admin.locator('#view[data-loaded="true"]').waitFor();
  expect(await admin.locator('#ws-nav a[href="/app/admin/notices"]').innerText()).toBe('Thông báo công dân');

  await admin.fill('#admin-notice-returned-subject', 'Đã trả kết quả hồ sơ {so_ho_so}');
  await admin.click('[data-save="returned"]');
  const status = admin.locator('#admin-notice-returned-status');
  await status.filter({ hasText: 'không dùng được' }).waitFor();
  expect(await status.innerText()).toBe('Tiêu đề: không dùng được {so_ho_so}; mẫu này dùng được {ma_ho_so}, {thu_tuc}, {duong_dan_tra_cuu}, {ngay_tra_ket_qua}, {hinh_thuc_tra}.');

  await admin.fill('#admin-notice-returned-subject', 'Đã trao kết quả hồ sơ {ma_ho_so}');
  await admin.click('[data-save="returned"]');
  await admin.locator('#admin-notice-returned-status', { hasText: 'Đã lưu.' }).waitFor();
  expect(await admin.locator('#admin-notice-returned h2').innerText()).toContain('Đã sửa');
  const list = await server.tb.api.get('/api/notices/templates').set(bearer(server.tb.admin)).expect(200);
  expect(list.body.items.find((t: { kind: string }) => t.kind === 'returned').subject).toBe('Đã trao kết quả hồ sơ {ma_ho_so}');

  // Newest first: the text to the phone, then the e-mail, both waiting for the sender.
  const rows = admin.locator('#admin-notice-log tbody tr', { hasText: body.code });
  await rows.nth(1).waitFor();
  expect(await rows.allInnerTexts()).toEqual([
    `${body.code}\tTiếp nhận hồ sơ\tTin nhắn\t091****678\tChờ gửi\t0\t\t02/03/2026 09:00\t`,
    `${body.code}\tTiếp nhận hồ sơ\tThư điện tử\tm***@example.vn\tChờ gửi\t0\t\t02/03/2026 09:00\t`,
  ]);
  expect(await englishWordsOnPage(admin)).toEqual([]);
  expect(browser.errors).toEqual([]);
});
