// An analyst walks the designer in Chromium at 1366 × 768, signed in with
// their own password, with Vietnamese chosen: the palette (its hover titles
// too), the context pad of a step, the one-stop properties panel of a step,
// of the start event, of a sequence flow and of a gateway (every group
// opened), the lint panel with its overlays, the token simulation and the
// diagram's file buttons. No English word is shown anywhere, and the page
// logs no error. The palette's and the context pad's "task" makes a user task,
// the step the engine runs; nothing offered is refused at deploy.

import { jest } from '@jest/globals';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { entryFate, MADE_BY_ENTRY } from '../../designer/src/modules/palette/madeByEntry.js';
import { simulationText } from '../../designer/src/modules/translate/simulationTexts.js';
import { bpmnTranslate } from '../../web/shared/i18n/i18n.js';
import { ROOT } from '../support/engineHarness.js';
import { englishWordsIn, englishWordsOnPage } from '../support/visibleEnglish.js';
import { ensureDesignerBuilt, launchDesignerBrowser, startDesignerServer, type DesignerBrowser, type DesignerServer } from './support/designerBrowser.js';

jest.setTimeout(90_000);

/** Đăng ký thành lập doanh nghiệp tư nhân: lanes, steps, an exclusive gateway with conditions. */
const ENTERPRISE = '2.001610';

let server: DesignerServer;
let browser: DesignerBrowser;
let page: Page;

beforeAll(async () => {
  ensureDesignerBuilt();
  [server, browser] = await Promise.all([startDesignerServer(), launchDesignerBrowser()]);
  page = browser.page;
  await page.setViewportSize({ width: 1366, height: 768 });
  page.setDefaultTimeout(15_000);
  // Leaving the form builder with changes asks first.
  page.on('dialog', (dialog) => void dialog.accept());
  page.on('response', (res) => {
    if (res.status() >= 400) browser.errors.push(`${res.status()} ${res.request().method()} ${res.url()}`);
  });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** What is on screen, named, so a failure says where the English is. */
async function english(where: string): Promise<{ where: string; words: string[] }> {
  return { where, words: await englishWordsOnPage(page) };
}

const clean = (where: string) => ({ where, words: [] });

/** The id and type of the selected element. */
const selected = () => page.evaluate(() => {
  const bo = (window as any).onestopDesigner.modeler.get('selection').get()[0]?.businessObject;
  return { id: bo?.id as string, type: bo?.$type as string };
});

/** Selects an element by clicking it as a person would, and waits for its properties. */
async function select(id: string): Promise<void> {
  // A straight flow has no height: its centre is on the line, which the hit area widens.
  const box = await page.locator(`.djs-element[data-element-id="${id}"]`).boundingBox();
  if (!box) throw new Error(`${id} is not drawn`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  // A label over the centre selects its element's label, with the same properties.
  await page.waitForFunction((elementId) => (window as any).onestopDesigner.modeler.get('selection').get()[0]?.businessObject.id === elementId, id);
  await page.locator(`.bio-properties-panel-header-label`).first().waitFor();
}

/** Opens every closed group of the properties panel, so every entry is read. */
async function openEveryGroup(): Promise<void> {
  for (;;) {
    const closed = page.locator('.bio-properties-panel-group-header:not(.open)');
    if ((await closed.count()) === 0) return;
    await closed.first().click();
  }
}

test('an analyst reads only Vietnamese in the palette, the context pad, every panel, the lint, the simulation and the file buttons', async () => {
  await page.goto(`${server.url}/designer/`);
  await page.locator('#signin-dialog[open]').waitFor();
  expect(await english('sign-in')).toEqual(clean('sign-in'));
  await page.fill('#signin-username', server.analyst.username);
  await page.fill('#signin-password', server.analyst.password);
  await page.click('#signin-submit');
  await page.locator('#signin-dialog[open]').waitFor({ state: 'detached' });
  // Before signing in, "who am I" is answered 401, as it should be.
  browser.errors.length = 0;
  await page.click(`.od-procedure[data-code="${ENTERPRISE}"] .od-procedure-name`);
  await page.click(`.od-version[data-code="${ENTERPRISE}"][data-version="1"]`);
  await page.waitForFunction(() => (window as any).onestopDesigner.lintCaughtUp() && document.querySelector('#doc-source')?.textContent?.includes('phiên bản 1'));

  // Nothing selected: the palette with its titles, the procedure's panel, the lint panel, the file buttons.
  await openEveryGroup();
  expect(await english('palette, procedure panel, file buttons')).toEqual(clean('palette, procedure panel, file buttons'));

  // A step: its context pad and its whole one-stop panel.
  await select('Task_ExamineDossier');
  await page.locator('.djs-context-pad.open').waitFor();
  await openEveryGroup();
  expect(await english('step')).toEqual(clean('step'));

  // The start event, a sequence flow with a condition, the gateway.
  for (const id of ['StartEvent_DossierReceived', 'Flow_Valid', 'Gateway_DossierValid']) {
    await select(id);
    await openEveryGroup();
    expect(await english(id)).toEqual(clean(id));
    // Its "change type" menu too.
    await page.click('.djs-context-pad [data-action="replace"]');
    await page.locator('.djs-popup').waitFor();
    expect(await english(`${id}: change type`)).toEqual(clean(`${id}: change type`));
    if (id === 'StartEvent_DossierReceived') {
      // The engine starts a dossier at the desk only: no message, timer, conditional or signal start is offered.
      const offered = await page.locator('.djs-popup [data-id]').evaluateAll((entries) => entries.map((e) => e.getAttribute('data-id')));
      expect(offered).toContain('replace-with-none-end');
      expect(offered.filter((entry) => /(message|timer|conditional|signal)-start/.test(entry ?? ''))).toEqual([]);
    }
    await page.keyboard.press('Escape');
    await page.locator('.djs-popup').waitFor({ state: 'detached' });
  }

  // The reception form's builder: its preview writes a date as a Vietnamese office does, never the browser's mm/dd/yyyy.
  await select('StartEvent_DossierReceived');
  await page.click('.onestop-open-form-builder');
  const builder = page.locator('dialog.od-form-builder[open]');
  await builder.waitFor();
  await page.click('.od-fb-add[data-type="date"]');
  await page.fill('#od-fb-label', 'Ngày cấp giấy phép');
  await page.fill('#od-fb-key', 'licenceIssuedOn');
  const dateInput = builder.locator('.onestop-form-preview [data-field="licenceIssuedOn"] input');
  await dateInput.waitFor();
  expect(await dateInput.evaluate((input: HTMLInputElement) => [input.type, input.placeholder])).toEqual(['text', 'dd/mm/yyyy']);
  expect(await english('form builder')).toEqual(clean('form builder'));
  await page.click('.od-fb-cancel');
  await builder.waitFor({ state: 'detached' });

  // The token simulation, on and off.
  await page.click('#btn-simulate');
  await page.locator('#btn-simulate[aria-pressed="true"]').waitFor();
  expect(await english('simulation')).toEqual(clean('simulation'));
  // A dossier set off at the start event: the notifications and the log of the run.
  await page.locator('.djs-overlays[data-container-id="StartEvent_DossierReceived"] .bts-context-pad').click();
  await page.locator('.bts-notification').first().waitFor();
  await page.click('.bts-palette [title="Bật/tắt nhật ký mô phỏng"]');
  await page.locator('.bts-log:not(.hidden) .bts-entry:not(.placeholder)').first().waitFor();
  expect(await english('simulation run')).toEqual(clean('simulation run'));
  await page.click('#btn-simulate');
  await page.locator('#btn-simulate[aria-pressed="false"]').waitFor();

  // The palette's task is a user task (the step the engine runs), dropped on a free spot of the canvas.
  await page.click('.djs-palette [data-action="create.task"]');
  const lane = await page.locator('.djs-element[data-element-id="Lane_BusinessRegistration"]').boundingBox();
  const spot = { x: lane!.x + 110, y: lane!.y + lane!.height - 45 };
  await page.mouse.move(spot.x, spot.y - 20);
  await page.mouse.click(spot.x, spot.y);
  const created = await selected();
  expect(created.type).toBe('bpmn:UserTask');
  // Its name typed straight away, as bpmn-js opens the label of a new step.
  await page.keyboard.type('Thẩm tra hồ sơ');
  // Done by clicking the empty canvas below the pool.
  await page.mouse.click(spot.x + 250, lane!.y + lane!.height + 80);
  await page.waitForFunction((id) => (window as any).onestopDesigner.modeler.get('elementRegistry').get(id)?.businessObject.name === 'Thẩm tra hồ sơ', created.id);
  // So is the context pad's: a third branch of the gateway, without a condition yet (the lint says so).
  await select('Gateway_DossierValid');
  await page.click('.djs-context-pad [data-action="append.append-task"]');
  expect((await selected()).type).toBe('bpmn:UserTask');

  // The lint of the new steps: the problem list, the overlays and the messages an overlay shows on hover.
  await page.waitForFunction(() => (window as any).onestopDesigner.lintCaughtUp());
  // The new flow has no name: it is called by its kind, never by its generated id (Flow_…).
  const unnamed = page.locator('#problem-list [data-rule$="gateway-conditions"]');
  await unnamed.waitFor();
  expect(await unnamed.locator('.od-problem-where').textContent()).toBe('luồng tuần tự chưa đặt tên');
  expect(await unnamed.locator('.od-problem-message').textContent()).toMatch(/^Luồng tuần tự chưa đặt tên rời cổng rẽ nhánh/);
  await page.locator('.bjsl-overlay').first().hover();
  expect(await english('lint')).toEqual(clean('lint'));

  expect(browser.errors).toEqual([]);
});

describe('what the palette and the context pad offer', () => {
  test('a task is made a user task; a refused catch event or compensation is left out; the rest is kept', () => {
    expect(entryFate('create.task')).toBe('step');
    expect(entryFate('append.append-task')).toBe('step');
    expect(entryFate('append.signal-intermediate-event')).toBe('hide');
    expect(entryFate('append.condition-intermediate-event')).toBe('hide');
    expect(entryFate('append.compensation-activity')).toBe('hide');
    expect(entryFate('append.timer-intermediate-event')).toBe('keep');
    expect(entryFate('append.message-intermediate-event')).toBe('keep');
    expect(entryFate('append.receive-task')).toBe('keep');
    expect(entryFate('create.participant-expanded')).toBe('keep');
    expect(entryFate('hand-tool')).toBe('keep');
  });

  test('every entry judged is one bpmn-js still has', async () => {
    const features = path.join(ROOT, 'node_modules/bpmn-js/lib/features');
    const source = (await Promise.all(['palette/PaletteProvider.js', 'context-pad/ContextPadProvider.js'].map((f) => readFile(path.join(features, f), 'utf8')))).join('\n');
    expect(Object.keys(MADE_BY_ENTRY).filter((id) => !source.includes(`'${id}'`))).toEqual([]);
  });
});

describe('token simulation in Vietnamese', () => {
  test('its sentences, built ones included, and a name left as it is', () => {
    expect(simulationText('Set animation speed = Slow', bpmnTranslate)).toBe('Tốc độ mô phỏng: chậm');
    expect(simulationText(' Simulation Log ', bpmnTranslate)).toBe(' Nhật ký mô phỏng ');
    expect(simulationText('SubProcess finished', bpmnTranslate)).toBe('Quy trình con kết thúc');
    expect(simulationText('Thẩm định hồ sơ started', bpmnTranslate)).toBe('Thẩm định hồ sơ bắt đầu');
    expect(simulationText('Tiếp nhận hồ sơ', bpmnTranslate)).toBe('Tiếp nhận hồ sơ');
  });

  test('every English text its code writes is translated', async () => {
    const lib = path.join(ROOT, 'node_modules/bpmn-js-token-simulation/lib');
    const files = (await readdir(lib, { recursive: true })).filter((f) => f.endsWith('.js'));
    const texts = new Set<string>();
    for (const file of files) {
      const code = await readFile(path.join(lib, file), 'utf8');
      for (const m of code.matchAll(/(?:title|aria-label)="([^"$]+)"|text: '([^']+)'|elementName \|\| '([^']+)'|<p class="bts-entry placeholder">([^<]+)</g)) {
        texts.add(m[1] ?? m[2] ?? m[3] ?? m[4]);
      }
    }
    // The titles it builds from parts, as they come out.
    for (const built of ['Set animation speed = Normal', 'Add pause point', 'Remove pause point', 'Process started', 'Process canceled', 'SubProcess started']) texts.add(built);
    expect(texts.size).toBeGreaterThan(20);
    expect([...texts].filter((text) => englishWordsIn(simulationText(text, bpmnTranslate)).length > 0 || simulationText(text, bpmnTranslate) === text)).toEqual([]);
  });
});
