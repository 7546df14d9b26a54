import { bearer, createKey, createTestbed, type Testbed } from '../api/support/apiTestbed.js';
import { serveWithFrontEnd, type ServedTestbed } from '../support/frontEndServer.js';
import { launchChromium, type LaunchedChromium } from '../support/chromiumBrowser.js';

// Security headers on the API and the pages, the pages actually working under
// their Content-Security-Policy, and the anonymous lookup rate-limited.

let tb: Testbed;
let served: ServedTestbed;
let browser: LaunchedChromium;

beforeAll(async () => {
  tb = await createTestbed();
  served = await serveWithFrontEnd(tb);
  browser = await launchChromium('onestop-csp', { viewport: { width: 1280, height: 800 }, timezoneId: 'Asia/Ho_Chi_Minh' });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await served?.close();
});

test('API answers and pages carry CSP, frame protection, Referrer-Policy and no HSTS over plain HTTP', async () => {
  for (const route of ['/health', '/api/procedures', '/designer/', '/']) {
    const res = await fetch(served.url + route);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain("'unsafe-inline' 'unsafe-eval'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('strict-transport-security')).toBeNull();
  }
  // Scripts only from our origin; 'unsafe-eval' is there because both apps
  // compile deployed form schemas with the server's ajv in the page.
  expect((await fetch(`${served.url}/`)).headers.get('content-security-policy')).toMatch(/(^|;)\s*script-src 'self' 'unsafe-eval'\s*(;|$)/);
});

test.each(['/designer/', '/'])('%s loads in Chromium with no CSP violation', async (route) => {
  const page = await browser.context.newPage();
  const violations: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy|Refused to (load|execute|apply|evaluate|connect)/i.test(msg.text())) violations.push(msg.text());
  });
  page.on('pageerror', (err) => {
    if (/Content Security Policy|unsafe-eval/i.test(err.message)) violations.push(err.message);
  });
  await page.goto(served.url + route, { waitUntil: 'networkidle' });
  // The page did render its own interface (scripts ran).
  expect(await page.locator('body *').count()).toBeGreaterThan(3);
  expect(violations).toEqual([]);
  await page.close();
}, 60_000);

test('the public lookup answers 429 with Retry-After beyond its limit', async () => {
  const desk = await createKey(tb, 'desk');
  expect(desk).toBeTruthy();
  let last: Response | null = null;
  for (let i = 0; i < 40 && last?.status !== 429; i++) last = await fetch(`${served.url}/api/public/dossiers/H26.99-260302-0001`);
  expect(last?.status).toBe(429);
  expect(last?.headers.get('retry-after')).toMatch(/^\d+$/);
  expect(last?.headers.get('content-type')).toMatch(/application\/problem\+json/);
  // Signed-in endpoints are not counted against it.
  expect((await fetch(`${served.url}/api/procedures`, { headers: bearer(desk) })).status).toBe(200);
});
