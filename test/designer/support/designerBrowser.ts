// Browser-test plumbing for the designer: build the bundle when stale, a
// real API + designer server on a test database, and Debian's Chromium
// driven by playwright-core (never a downloaded browser).

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { mountDesigner } from '../../../api/designerRoutes.js';
import { createKey, createTestbed, PROCESSES, type Testbed } from '../../api/support/apiTestbed.js';
import { ROOT } from '../../support/engineHarness.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = path.join(ROOT, 'test-artifacts');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** Builds designer/dist in a child process when any of its inputs is newer (esbuild stays out of jest's module system). */
export function ensureDesignerBuilt(): void {
  execFileSync(process.execPath, [path.join(ROOT, 'designer/build.mjs'), '--if-stale'], { cwd: ROOT, stdio: 'pipe' });
}

export interface DesignerServer {
  tb: Testbed;
  url: string;
  analystKey: string;
  /** A call to the real API with the analyst's key. */
  api(pathname: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

/** The real API (createApiRouter via the API testbed) plus mountDesigner, with the sample procedures deployed. */
export async function startDesignerServer(): Promise<DesignerServer> {
  const tb = await createTestbed();
  mountDesigner(tb.app);
  const report = await tb.engine.loadProcessesFolder(PROCESSES);
  if (report.refused.length) throw new Error(`samples refused: ${JSON.stringify(report.refused)}`);
  const analystKey = await createKey(tb, 'analyst', undefined, 'Chuyên viên phân tích');
  const server: Server = await new Promise((resolve) => {
    const s = tb.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    tb,
    url,
    analystKey,
    api: (pathname, init = {}) => fetch(`${url}${pathname}`, { ...init, headers: { Authorization: `Bearer ${analystKey}`, ...(init.headers ?? {}) } }),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await tb.close();
    },
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
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not at ${CHROMIUM}: install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH`);
  }
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'onestop-designer-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1600, height: 900 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    acceptDownloads: true,
  });
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
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

export const sampleFiles = async (): Promise<string[]> => (await readdir(PROCESSES)).filter((f) => f.endsWith('.bpmn')).sort();

export const readSample = (file: string) => readFile(path.join(PROCESSES, file), 'utf8');
