// One browser check of the designer/server agreement on MIWG files: the
// designer (bpmn-js-bpmnlint in Debian's Chromium) lists the same problems,
// rule by rule and element by element, as deploy's lintBpmn on the server.

import { jest } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { lintBpmn } from '../../engine/lint/lintBpmn.js';
import {
  ensureDesignerBuilt,
  launchDesignerBrowser,
  startDesignerServer,
  type DesignerBrowser,
  type DesignerServer,
} from '../designer/support/designerBrowser.js';
import { adaptForOnestop } from './support/miwgCorpus.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

jest.setTimeout(90_000);

let server: DesignerServer;
let browser: DesignerBrowser;
let page: Page;
let dir: string;

beforeAll(async () => {
  ensureDesignerBuilt();
  dir = await mkdtemp(path.join(os.tmpdir(), 'miwg-designer-'));
  [server, browser] = await Promise.all([startDesignerServer(), launchDesignerBrowser()]);
  page = browser.page;
  page.setDefaultTimeout(15_000);
  await page.goto(`${server.url}/designer`);
  await page.locator('#signin-dialog[open]').waitFor();
  await page.fill('#signin-username', server.analyst.username);
  await page.fill('#signin-password', server.analyst.password);
  await page.click('#signin-submit');
  await page.locator('#signin-dialog[open]').waitFor({ state: 'detached' });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

// A no-script refusal, an invalid FEEL refusal, unsupported elements beside
// vendor extensions, a collaboration that lints clean, and DMN namespaces.
test.each(['A.2.1.bpmn', 'C.1.1.bpmn', 'C.8.1.bpmn', 'A.4.0.bpmn', 'C.7.0.bpmn'])('%s: the designer shows what the server refuses', async (file) => {
  const xml = await adaptForOnestop(file);
  const target = path.join(dir, file);
  await writeFile(target, xml, 'utf8');
  await page.setInputFiles('#file-input', target);
  await page.waitForFunction((name) => document.querySelector('#status')?.textContent?.includes(name) && (window as any).onestopDesigner.lintCaughtUp(), file);

  const shown = await page.locator('#problem-list [data-source="lint"]').evaluateAll((items) =>
    items.map((item) => `${(item.getAttribute('data-rule') ?? '').replace(/^onestop\//, '')}@${item.getAttribute('data-element-id')}`).sort());
  const departments = await (await server.api('/api/departments')).json() as { items: { code: string }[] };
  const { problems } = await lintBpmn(xml, { departments: departments.items.map((d) => d.code) });
  const expected = problems.filter((p) => p.rule !== 'well-formed').map((p) => `${p.rule}@${p.elementId}`).sort();
  expect({ file, shown }).toEqual({ file, shown: expected });
  // The refused files show their refusals live; the collaboration lints clean.
  expect(shown.length > 0).toBe(file !== 'A.4.0.bpmn');
  expect(browser.errors).toEqual([]);
});
