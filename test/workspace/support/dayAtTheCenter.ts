// What the desk and tablet walks share: people who sign in with their own
// password (never a system key), residence dossiers seeded through the
// engine, the watch on failed requests, and the check that a page shows no
// English while Vietnamese is chosen.

import { existsSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from '../../support/engineHarness.js';
import { englishWordsOnPage } from '../../support/visibleEnglish.js';
import { onboard, OWN_PASSWORD } from '../../people/support/personSessions.js';
import type { Testbed } from '../../api/support/apiTestbed.js';
import { expectEveryDossierWaits } from '../../support/invariant.js';
import { ARTIFACTS, type WorkspaceBrowser, type WorkspaceServer } from './workspaceBrowser.js';

export const CUTRU = 'T.CUTRU';
export const LAPTOP = { width: 1366, height: 768 };
export const TABLET = { width: 768, height: 1024 };

/** A person of the center, onboarded (own password chosen) through the API. */
export async function person(tb: Testbed, username: string, fullName: string, memberships: Array<{ role: string; department?: string }>): Promise<{ username: string; password: string }> {
  await onboard(tb, username, memberships, fullName);
  return { username, password: OWN_PASSWORD };
}

/** Signs a tab in on the landing page with a username and password; waits for the role's home page. */
export async function signInAs(page: Page, url: string, who: { username: string; password: string }): Promise<void> {
  await page.bringToFront();
  await page.goto(`${url}/?poll=500`);
  await page.fill('#ws-username', who.username);
  await page.fill('#ws-password', who.password);
  await page.click('#ws-login');
  await page.locator('#view[data-loaded="true"]').waitFor();
}

/** A residence-confirmation dossier received through the engine at the clock's time. */
export async function residenceDossier(tb: Testbed, applicant: { name: string; idNumber: string; phone?: string }, channel: 'direct' | 'online' | 'post' = 'direct'): Promise<string> {
  const r = await tb.engine.submit(CUTRU, {
    applicant,
    channel,
    actor: 'Bộ phận Một cửa',
    data: { requesterFullName: applicant.name, dateOfBirth: '1990-05-20', residenceAddress: 'Số 12, thôn Đông, xã Đông Anh, Hà Nội', purpose: 'Thủ tục ngân hàng', copies: 1, electronicCopy: false },
  });
  return r.code;
}

/**
 * Requests that failed (4xx/5xx, or never answered), minus those the walk
 * provokes on purpose (`expected` substrings of "STATUS METHOD path").
 */
export function watchRequests(page: Page): { failed: string[]; expect(pattern: string): void; unexpected(): string[]; reset(): void } {
  const failed: string[] = [];
  const expected: string[] = [];
  page.on('response', (res) => {
    if (res.status() >= 400) failed.push(`${res.status()} ${res.request().method()} ${new URL(res.url()).pathname}`);
  });
  page.on('requestfailed', (req) => {
    // A page left while its poll was under way aborts that poll: not a failure a person sees.
    if (!/ERR_ABORTED/.test(req.failure()?.errorText ?? '')) failed.push(`failed ${req.method()} ${new URL(req.url()).pathname}: ${req.failure()?.errorText}`);
  });
  return {
    failed,
    expect: (pattern) => expected.push(pattern),
    unexpected: () => failed.filter((f) => !expected.some((p) => f.includes(p))),
    reset: () => {
      failed.length = 0;
      expected.length = 0;
    },
  };
}

/** No English word on the page (text, dialogs, placeholders, titles, labels): a failure names them with the page. */
export async function expectVietnameseOnly(page: Page, where: string): Promise<void> {
  const words = await englishWordsOnPage(page);
  if (words.length) throw new Error(`${where}: English words on screen: ${words.join(', ')}\n${(await page.locator('body').innerText()).slice(0, 3000)}`);
}

/** A screenshot in test-artifacts/, and the README's copy in web/workspace/screenshots/ (refreshed on request, or when missing). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `workspace-${name}.png`);
  await page.screenshot({ path: file });
  const readmeCopy = path.join(ROOT, 'web/workspace/screenshots', `${name}.png`);
  if (process.env.UPDATE_WORKSPACE_SCREENSHOTS === '1' || !existsSync(readmeCopy)) await copyFile(file, readmeCopy);
}

/** Whether the element lies wholly inside the viewport, left to right (nothing clipped off the side). */
export async function withinWidth(page: Page, selector: string): Promise<boolean> {
  const box = await page.locator(selector).first().boundingBox();
  const width = page.viewportSize()!.width;
  return !!box && box.x >= 0 && box.x + box.width <= width;
}

/**
 * The hooks of a walk: after each test no page error, no unexpected failed
 * request, no dossier processing with nothing to wait on; at the end the
 * browser and the server closed. `walk` gives what beforeAll made.
 */
export function walkHooks(walk: () => { server?: WorkspaceServer; browser?: WorkspaceBrowser; requests?: ReturnType<typeof watchRequests> }): void {
  afterEach(async () => {
    const { server, browser, requests } = walk();
    expect(browser?.errors).toEqual([]);
    expect(requests?.unexpected()).toEqual([]);
    requests?.reset();
    if (server) await expectEveryDossierWaits(server.tb.db.pool);
  });
  afterAll(async () => {
    const { server, browser } = walk();
    await browser?.close();
    await server?.close();
  });
}
