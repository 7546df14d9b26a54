// Browser-test plumbing for the designer: build the bundle when stale, a
// real API + designer server on a test database, and Debian's Chromium
// driven by playwright-core (never a downloaded browser).

import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { serveWithFrontEnd } from '../../support/frontEndServer.js';
import { createKey, createTestbed, PROCESSES, type Testbed } from '../../api/support/apiTestbed.js';
import { ROOT } from '../../support/engineHarness.js';
import { onboard, OWN_PASSWORD } from '../../people/support/personSessions.js';
import { launchChromium } from '../../support/chromiumBrowser.js';

export { CHROMIUM } from '../../support/chromiumBrowser.js';
export const ARTIFACTS = path.join(ROOT, 'test-artifacts');

/** Builds designer/dist in a child process when any of its inputs is newer (esbuild stays out of jest's module system). */
export function ensureDesignerBuilt(): void {
  execFileSync(process.execPath, [path.join(ROOT, 'designer/build.mjs'), '--if-stale'], { cwd: ROOT, stdio: 'pipe' });
}

export interface DesignerServer {
  tb: Testbed;
  url: string;
  /** A system's analyst key (the test's own setup calls, and the key sign-in a system still has). */
  analystKey: string;
  /** The analyst, a person who signs in with a username and password. */
  analyst: { username: string; password: string; fullName: string };
  /** A call to the real API with the analyst's key. */
  api(pathname: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

/** The real API (createApiRouter via the API testbed) plus mountDesigner, with the sample procedures deployed. */
export async function startDesignerServer(): Promise<DesignerServer> {
  const tb = await createTestbed();
  const served = await serveWithFrontEnd(tb);
  const analystKey = await createKey(tb, 'analyst', undefined, 'Hệ thống phân tích');
  const analyst = { username: 'chuyen.vien', password: OWN_PASSWORD, fullName: 'Chuyên viên phân tích' };
  await onboard(tb, analyst.username, [{ role: 'analyst' }], analyst.fullName);
  const url = served.url;
  return {
    tb,
    url,
    analystKey,
    analyst,
    api: (pathname, init = {}) => fetch(`${url}${pathname}`, { ...init, headers: { Authorization: `Bearer ${analystKey}`, ...(init.headers ?? {}) } }),
    close: served.close,
  };
}

export interface DesignerBrowser {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors (resource 4xx answers excepted). */
  errors: string[];
  close(): Promise<void>;
}

export async function launchDesignerBrowser(): Promise<DesignerBrowser> {
  const browser = await launchChromium('onestop-designer-chromium', { viewport: { width: 1600, height: 900 }, timezoneId: 'Asia/Ho_Chi_Minh' });
  const { context } = browser;
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/Failed to load resource/.test(msg.text())) errors.push(`console: ${msg.text()}`);
  });
  return {
    context,
    page,
    errors,
    close: browser.close,
  };
}

export const sampleFiles = async (): Promise<string[]> => (await readdir(PROCESSES)).filter((f) => f.endsWith('.bpmn')).sort();

export const readSample = (file: string) => readFile(path.join(PROCESSES, file), 'utf8');
