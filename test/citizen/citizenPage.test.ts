// The citizen follows the link printed on the receipt (taken from the PDF's
// own text) to the citizen page, in Debian's Chromium whose zone is UTC, and
// sees what to bring for the supplement in Vietnamese with Vietnam times
// (UTC+7), at 1366×768, 768×1024 and a phone's width: no English word, no
// personal data, no console error, no failed request. The QR code beside
// the link encodes the same address.

import { jest } from '@jest/globals';
import { existsSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import jsQRModule from 'jsqr';
import type { Page } from 'playwright-core';
import { bearer, birthDossier, createKey, createTestbed, type Testbed } from '../api/support/apiTestbed.js';
import { serveWithFrontEnd, type ServedTestbed } from '../support/frontEndServer.js';
import { launchChromium, type LaunchedChromium } from '../support/chromiumBrowser.js';
import { englishWordsOnPage } from '../support/visibleEnglish.js';
import { ARTIFACTS, ensureDesignerBuilt } from '../designer/support/designerBrowser.js';
import { ROOT } from '../support/engineHarness.js';
import { pdfContent } from '../printing/pdfText.js';
import { qrMatrix } from '../../engine/printing/qrMatrix.js';
import { pdfBytes, pngBytes } from '../documents/support/sampleFiles.js';
import { readFile } from 'node:fs/promises';

jest.setTimeout(60_000);

// jsqr is CommonJS with a declared default export: the function is the module or its `default`.
const jsQR = ((jsQRModule as unknown as { default?: typeof jsQRModule.default }).default ?? jsQRModule) as unknown as typeof jsQRModule.default;

const SCREENSHOT = path.join(ROOT, 'web/citizen/screenshots/citizen-page.png');
const ITEMS = ['Giấy chứng sinh (bản chính)', 'Tờ khai đăng ký khai sinh có chữ ký của người đi khai'];

let tb: Testbed;
let served: ServedTestbed;
let browser: LaunchedChromium;
let page: Page;
let code = '';
let link = '';
const problems: string[] = [];

beforeAll(async () => {
  ensureDesignerBuilt();
  await mkdir(ARTIFACTS, { recursive: true });
  // Monday 2 March 2026, 09:00 in Hanoi (02:00 UTC).
  tb = await createTestbed({ start: '2026-03-02T09:00:00+07:00' });
  served = await serveWithFrontEnd(tb);
  const desk = await createKey(tb, 'desk', undefined, 'Bộ phận Một cửa xã Đông Anh');
  const submitted = await tb.api.post('/api/dossiers').set(bearer(desk)).send(birthDossier({ channel: 'direct' })).expect(201);
  code = submitted.body.code;
  tb.clock.set('2026-03-02T10:15:00+07:00');
  await tb.api.post(`/api/dossiers/${code}/supplement-request`).set(bearer(desk)).send({ reason: 'Giấy chứng sinh bị mờ, không đọc được số', items: ITEMS }).expect(200);

  // The receipt, printed over real HTTP as the desk prints it.
  const receipt = await fetch(`${served.url}/api/dossiers/${code}/forms/01`, { headers: bearer(desk) });
  expect(receipt.status).toBe(200);
  const { text } = await pdfContent(new Uint8Array(await receipt.arrayBuffer()));
  link = /https?:\/\/\S+\/tra-cuu\/\S+/.exec(text)?.[0] ?? '';

  browser = await launchChromium('onestop-citizen-chromium', { viewport: { width: 1366, height: 768 }, timezoneId: 'UTC' });
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    // A refused request is judged by its response below; Chromium also logs it.
    if (msg.type() === 'error' && !/^Failed to load resource/.test(msg.text())) problems.push(`console: ${msg.text()}`);
  });
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} ${req.failure()?.errorText ?? ''}`));
  page.on('response', (res) => {
    // The one refusal the walk asks for on purpose: an unknown code.
    if (res.status() >= 400 && !res.url().includes('/api/public/dossiers/000.00.12.H26-260302-9999')) problems.push(`HTTP ${res.status()} ${res.url()}`);
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

afterEach(() => {
  expect(problems).toEqual([]);
});

async function loaded(p: Page): Promise<void> {
  await p.locator('#cz-main[data-loaded="true"]').waitFor();
}

/** The page is no wider than the screen: nothing to scroll sideways on a tablet or a phone. */
async function fitsTheWidth(p: Page): Promise<void> {
  const { scroll, width } = await p.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(scroll).toBeLessThanOrEqual(width);
}

test('the receipt carries the lookup link of the dossier, and its QR code encodes that link', () => {
  expect(link).toBe(`${served.url}/tra-cuu/${encodeURIComponent(code)}`);
  const qr = qrMatrix(link);
  const scale = 4;
  const quiet = 4;
  const side = (qr.size + 2 * quiet) * scale;
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const r = Math.floor(y / scale) - quiet;
      const c = Math.floor(x / scale) - quiet;
      if (r >= 0 && c >= 0 && r < qr.size && c < qr.size && qr.dark(r, c)) pixels.fill(0, (y * side + x) * 4, (y * side + x) * 4 + 3);
    }
  }
  expect(jsQR(pixels, side, side)?.data).toBe(link);
});

test('the citizen opens the link and sees the items to bring and where, in Vietnamese, times in UTC+7, nothing personal', async () => {
  await page.goto(link);
  await loaded(page);
  await page.locator('#cz-supplement').waitFor();
  expect(await page.locator('#cz-status').innerText()).toBe('Hồ sơ cần bổ sung giấy tờ. Thời hạn giải quyết tạm dừng cho đến khi Ông/Bà nộp bổ sung.');
  expect(await page.locator('#cz-supplement-items li').allInnerTexts()).toEqual(ITEMS);
  expect(await page.locator('#cz-supplement').innerText()).toContain('Lý do: Giấy chứng sinh bị mờ, không đọc được số');
  expect(await page.locator('#cz-supplement-where').innerText()).toMatch(/^Nơi nộp bổ sung: Bộ phận /);
  // The browser runs in UTC: 09:00 and 10:15 in Hanoi are 02:00 and 03:15 there.
  expect(await page.locator('#cz-received').innerText()).toBe('02/03/2026 09:00');
  expect(await page.locator('#cz-supplement-at').innerText()).toBe('Yêu cầu lúc 02/03/2026 10:15');
  expect(await page.locator('#cz-main').innerText()).toContain('giờ Việt Nam (UTC+7)');
  expect(await page.locator('#cz-eresult').innerText()).toContain('Chưa có kết quả điện tử.');

  expect(await englishWordsOnPage(page)).toEqual([]);
  const text = await page.locator('body').innerText();
  for (const personal of ['Nguyễn Thị Mai', '001190000123', '0912345678', 'mai.nguyen@example.vn', 'Trần Minh Khôi', 'thôn Đông']) expect(text).not.toContain(personal);

  const file = path.join(ARTIFACTS, 'citizen-page.png');
  await page.screenshot({ path: file, fullPage: true });
  if (process.env.UPDATE_CITIZEN_SCREENSHOTS === '1' || !existsSync(SCREENSHOT)) {
    await mkdir(path.dirname(SCREENSHOT), { recursive: true });
    await copyFile(file, SCREENSHOT);
  }
});

test('on a tablet (768×1024) and a phone (390×844) the same page fits the screen', async () => {
  for (const viewport of [{ width: 768, height: 1024 }, { width: 390, height: 844 }]) {
    await page.setViewportSize(viewport);
    await page.goto(link);
    await loaded(page);
    await page.locator('#cz-supplement-items li').first().waitFor();
    await fitsTheWidth(page);
    expect(await page.locator('#cz-supplement-items li').allInnerTexts()).toEqual(ITEMS);
    expect(await page.locator('#cz-received').innerText()).toBe('02/03/2026 09:00');
    expect(await page.locator('#cz-submit').isVisible()).toBe(true);
    expect(await englishWordsOnPage(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, `citizen-page-${viewport.width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1366, height: 768 });
});

test('the search box finds a dossier by its code; an unknown code is said so in Vietnamese; English when chosen', async () => {
  await page.goto(`${served.url}/tra-cuu`);
  await loaded(page);
  await page.click('#cz-submit');
  expect(await page.locator('#cz-message').innerText()).toBe('Hãy nhập mã hồ sơ.');

  await page.fill('#cz-code', '000.00.12.H26-260302-9999');
  await page.click('#cz-submit');
  await page.locator('#cz-message[data-kind="error"]').waitFor();
  expect(await page.locator('#cz-message').innerText()).toBe('Không tìm thấy hồ sơ có mã 000.00.12.H26-260302-9999. Hãy kiểm tra lại mã in trên giấy tiếp nhận.');
  expect(await englishWordsOnPage(page)).toEqual([]);

  await page.fill('#cz-code', code);
  await page.click('#cz-submit');
  await page.locator('#cz-supplement').waitFor();
  expect(new URL(page.url()).pathname).toBe(`/tra-cuu/${encodeURIComponent(code)}`);

  await page.click('#cz-lang');
  await page.locator('#cz-supplement h2', { hasText: 'Papers to add' }).waitFor();
  expect(await page.locator('#cz-status').innerText()).toBe('Papers must be added. The processing time is paused until you bring them.');
  expect(await page.locator('#cz-received').innerText()).toBe('02/03/2026 09:00');
  await page.click('#cz-lang');
  await page.locator('#cz-supplement h2', { hasText: 'Giấy tờ cần bổ sung' }).waitFor();
});

test('a resolved dossier with an e-result: the wrong secret is refused in Vietnamese, the receipt’s secret gives its papers', async () => {
  await tb.engine.deploy(await readFile(path.join(ROOT, 'test/documents/fixtures/papers.bpmn'), 'utf8'));
  const desk = await createKey(tb, 'desk');
  const justice = await createKey(tb, 'officer', 'TUPHAP_XA');
  const leaders = await createKey(tb, 'officer', 'UBND_XA_LANHDAO');
  const d = (await tb.api.post('/api/dossiers').set(bearer(desk))
    .field('dossier', JSON.stringify({ procedureCode: 'T.PAPERS', channel: 'direct', applicant: { name: 'Lê Văn An', idNumber: '001090000111' }, data: {} }))
    .attach('TO_KHAI', pdfBytes(), 'to-khai.pdf').attach('BAN_VE', pngBytes(), 'ban-ve.png').expect(201)).body;
  await tb.api.post(`/api/tasks/${d.tasks[0].id}/complete`).set(bearer(justice)).send({ data: {} }).expect(200);
  const sign = (await tb.api.get(`/api/tasks?dossierCode=${d.code}`).set(bearer(leaders)).expect(200)).body.items[0];
  const permit = (await tb.api.post(`/api/tasks/${sign.id}/documents`).set(bearer(leaders)).field('documentCode', 'GIAY_PHEP').attach('file', pdfBytes('giấy phép'), 'giay-phep.pdf').expect(201)).body;
  await tb.api.post(`/api/tasks/${sign.id}/complete`).set(bearer(leaders)).send({ data: {}, documents: [permit.id] }).expect(200);

  // The one refusal this walk asks for: a wrong secret.
  const wrong = 'AAAA-BBBB-CCCC';
  page.removeAllListeners('response');
  page.on('response', (res) => {
    if (res.status() >= 400 && !res.url().includes(`secret=${wrong}`)) problems.push(`HTTP ${res.status()} ${res.url()}`);
  });
  await page.goto(`${served.url}/tra-cuu/${encodeURIComponent(d.code)}`);
  await loaded(page);
  expect(await page.locator('#cz-status').innerText()).toBe('Hồ sơ đã có kết quả. Mời Ông/Bà đến nhận kết quả.');
  await page.fill('#cz-secret', wrong);
  await page.click('#cz-eresult-get');
  await page.locator('#cz-eresult-out', { hasText: 'Mã bí mật không đúng với hồ sơ này.' }).waitFor();
  expect(await englishWordsOnPage(page)).toEqual([]);

  await page.fill('#cz-secret', d.resultSecret);
  await page.click('#cz-eresult-get');
  const paper = page.locator('#cz-eresult-out a', { hasText: 'Giấy phép đã ký số' });
  await paper.waitFor();
  const download = await fetch(new URL((await paper.getAttribute('href'))!, served.url));
  expect(download.status).toBe(200);
  expect(download.headers.get('content-type')).toBe('application/pdf');
  expect(await englishWordsOnPage(page)).toEqual([]);
});
