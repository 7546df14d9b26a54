// The papers through the browser (Debian's Chromium, playwright-core): the
// desk attaches two scans at reception (one chosen, one dropped on the
// checklist); the leadership opens the PDF from its inbox in the browser's
// own viewer and completes its step attaching the signed permit; the
// citizen's lookup then says that an e-result exists, and nothing more.

import { jest } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { createKey } from '../api/support/apiTestbed.js';
import { ensureDesignerBuilt, front, launchWorkspaceBrowser, signIn, startWorkspaceServer, type WorkspaceBrowser, type WorkspaceServer } from '../workspace/support/workspaceBrowser.js';
import { pdfBytes, pngBytes } from './support/sampleFiles.js';

jest.setTimeout(90_000);

let server: WorkspaceServer;
let browser: WorkspaceBrowser;
let desk: Page;
let leaders: Page;
let citizen: Page;
let leadersKey: string;
let code = '';

beforeAll(async () => {
  ensureDesignerBuilt();
  [server, browser] = await Promise.all([startWorkspaceServer('2026-03-02T09:00:00+07:00'), launchWorkspaceBrowser()]);
  await server.tb.engine.deploy(await readFile(new URL('./fixtures/papers.bpmn', import.meta.url), 'utf8'), 'test');
  leadersKey = await createKey(server.tb, 'officer', 'UBND_XA_LANHDAO', 'Lãnh đạo UBND xã');
  [desk, leaders, citizen] = await Promise.all([browser.tab(), browser.tab(), browser.tab()]);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('the desk attaches two scans at reception: one chosen, one dropped, with the upload progress', async () => {
  await signIn(desk, server.url, server.keys.desk);
  await desk.goto(`${server.url}/app/desk?poll=500`);
  await desk.selectOption('#ws-procedure', 'T.PAPERS');
  await desk.locator('#ws-papers').waitFor();
  expect(await desk.locator('#ws-papers li.ws-paper').evaluateAll((items) => items.map((i) => i.getAttribute('data-code')))).toEqual(['TO_KHAI', 'BAN_VE', 'CCCD', 'UY_QUYEN']);
  await desk.fill('#ws-applicant-name', 'Lê Văn An');
  await desk.fill('#ws-applicant-idNumber', '001090000111');
  await desk.setInputFiles('#ws-paper-TO_KHAI-input', { name: 'to-khai.pdf', mimeType: 'application/pdf', buffer: pdfBytes('tờ khai', 300_000) });
  // A scan dropped on the checklist, as from the file manager.
  const png = pngBytes().toString('base64');
  const dropped = await desk.evaluateHandle((b64) => {
    const data = new DataTransfer();
    data.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], 'ban-ve.png', { type: 'image/png' }));
    return data;
  }, png);
  await desk.dispatchEvent('#ws-paper-BAN_VE', 'drop', { dataTransfer: dropped });
  await desk.locator('#ws-paper-BAN_VE-file', { hasText: 'ban-ve.png' }).waitFor();
  await desk.check('#ws-paper-CCCD-shown');
  // The progress the upload reports, kept as the bar shows it.
  await desk.evaluate(() => {
    const bar = document.querySelector<HTMLProgressElement>('#ws-papers-progress')!;
    new MutationObserver(() => ((window as unknown as { __progress: number }).__progress = bar.value)).observe(bar, { attributes: true });
  });
  await desk.click('#ws-submit');
  code = (await desk.locator('#ws-receipt-code').textContent())!;
  expect(await desk.locator('#ws-receipt-secret').textContent()).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  expect(await desk.evaluate(() => (window as unknown as { __progress?: number }).__progress)).toBe(100);
  const papers = (await server.tb.api.get(`/api/dossiers/${code}/documents`).set({ Authorization: `Bearer ${server.keys.desk}` }).expect(200)).body;
  expect(papers.papers.map((p: { code: string; versions: unknown[]; shown: boolean }) => [p.code, p.versions.length, p.shown])).toEqual([['TO_KHAI', 1, false], ['BAN_VE', 1, false], ['CCCD', 0, true], ['UY_QUYEN', 0, false]]);
});

test('the leadership opens the PDF from its inbox and completes its step attaching the signed permit', async () => {
  // The first step (appraisal) is done by its department's software.
  const first = (await server.tb.engine.getDossier(code)).openTasks[0];
  await server.tb.engine.completeTask(first.id, { actor: 'Tư pháp', data: {} });
  const sign = (await server.tb.engine.getDossier(code)).openTasks[0];

  await signIn(leaders, server.url, leadersKey, 'Nguyễn Văn Chủ tịch');
  await front(leaders);
  await leaders.goto(`${server.url}/app/inbox/${sign.id}?poll=500`);
  await leaders.locator('#ws-documents li.ws-paper[data-code="TO_KHAI"] button[data-open]').waitFor();
  const [viewer] = await Promise.all([
    leaders.context().waitForEvent('page'),
    leaders.locator('#ws-documents li.ws-paper[data-code="TO_KHAI"] button[data-open]').click(),
  ]);
  // The browser's own viewer gets the PDF's bytes (a blob: URL of type application/pdf).
  expect(viewer.url()).toMatch(/^blob:/);
  await viewer.close();
  const log = await server.tb.db.pool.query(`SELECT actor, action FROM document_access_log WHERE dossier_code = $1`, [code]);
  expect(log.rows).toEqual([{ actor: 'Nguyễn Văn Chủ tịch (@nguyen.van.chu.tich)', action: 'download' }]);

  await leaders.locator('#ws-claim').click();
  await leaders.locator('#ws-result-papers').waitFor();
  // Completing without the signed permit is refused with the paper's name.
  await leaders.click('#ws-complete');
  await leaders.locator('#ws-complete-error', { hasText: 'Giấy phép đã ký số' }).waitFor();
  await leaders.setInputFiles('#ws-result-GIAY_PHEP-input', { name: 'giay-phep.pdf', mimeType: 'application/pdf', buffer: pdfBytes('giấy phép') });
  await leaders.locator('#ws-result-GIAY_PHEP-status', { hasText: 'giay-phep.pdf' }).waitFor();
  await leaders.click('#ws-complete');
  await leaders.locator('#ws-status', { hasText: code }).waitFor();
  expect((await server.tb.engine.getDossier(code)).status.name).toBe('resolved');
});

test('the citizen’s lookup says only that an e-result is available', async () => {
  await front(citizen);
  await citizen.goto(`${server.url}/api/public/dossiers/${code}`);
  const answer = JSON.parse((await citizen.locator('body').textContent())!);
  expect(answer.eResultAvailable).toBe(true);
  expect(JSON.stringify(answer)).not.toMatch(/sha256|contentUrl|GIAY_PHEP/);
});
