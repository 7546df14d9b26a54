// The procedure designer in a real browser (Debian's Chromium via
// playwright-core) against the real API on a test database: sign in, open a
// deployed sample, edit one-stop properties in the panel, watch the lint,
// deploy, get refused, and open every sample file.

import { jest } from '@jest/globals';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { parseBpmn } from '../../engine/bpmn/parseBpmn.js';
import { ROOT } from '../support/engineHarness.js';
import {
  ARTIFACTS,
  ensureDesignerBuilt,
  launchDesignerBrowser,
  readSample,
  sampleFiles,
  startDesignerServer,
  type DesignerBrowser,
  type DesignerServer,
} from './support/designerBrowser.js';

jest.setTimeout(60_000);

const BIRTH = '2.002621';
const POLICE = 'Công an xã Đông Anh (đăng ký, quản lý cư trú)';
const SOCIAL_INSURANCE = 'Bảo hiểm xã hội cơ sở Đông Anh';

let server: DesignerServer;
let browser: DesignerBrowser;
let page: Page;
/** Texts of the confirm dialogs seen, and how the next ones are answered. */
const dialogs: string[] = [];
let acceptDialogs = true;

beforeAll(async () => {
  ensureDesignerBuilt();
  await mkdir(ARTIFACTS, { recursive: true });
  [server, browser] = await Promise.all([startDesignerServer(), launchDesignerBrowser()]);
  page = browser.page;
  page.setDefaultTimeout(10_000);
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void (acceptDialogs ? dialog.accept() : dialog.dismiss());
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

// --- helpers ---------------------------------------------------------------

const shape = (id: string) => page.locator(`.djs-element.djs-shape[data-element-id="${id}"]`);
const entry = (id: string) => page.locator(`[data-entry-id="${id}"]`);

async function selected(): Promise<string | undefined> {
  return page.evaluate(() => (window as any).onestopDesigner.modeler.get('selection').get()[0]?.id);
}

async function select(id: string): Promise<void> {
  // A click on the selected element would deselect it.
  if ((await selected()) === id) return;
  const target = shape(id);
  const box = await target.boundingBox();
  if (!box) throw new Error(`${id} is not drawn`);
  const isLane = await page.evaluate((elementId) => (window as any).onestopDesigner.modeler.get('elementRegistry').get(elementId).type === 'bpmn:Lane', id);
  // A lane is picked on its label strip (its middle holds other shapes).
  if (isLane) await page.mouse.click(box.x + 12, box.y + box.height / 2);
  else await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForFunction((elementId) => (window as any).onestopDesigner.modeler.get('selection').get()[0]?.id === elementId, id);
}

async function attr(id: string, name: string): Promise<unknown> {
  return page.evaluate(([elementId, property]) => (window as any).onestopDesigner.modeler.get('elementRegistry').get(elementId).businessObject.get(property), [id, name]);
}

async function waitForAttr(id: string, name: string, value: unknown): Promise<void> {
  await page.waitForFunction(
    ([elementId, property, expected]) => (window as any).onestopDesigner.modeler.get('elementRegistry').get(elementId).businessObject.get(property) === expected,
    [id, name, value] as const,
  );
}

async function chooseDepartment(search: string, label: string | null): Promise<void> {
  if (label === null) {
    await page.selectOption('#bio-properties-panel-onestop-department', '');
    return;
  }
  await page.fill('#onestop-department-search', search);
  await page.selectOption('#bio-properties-panel-onestop-department', { label });
}

/**
 * Ticks or unticks a panel checkbox with a DOM click: the panel's sticky
 * group headers can move under a pointer click while it scrolls into view.
 */
async function toggle(checkbox: ReturnType<Page['locator']>): Promise<void> {
  await checkbox.evaluate((input: HTMLInputElement) => input.click());
}

const lintProblem = (elementId: string, rule: string) =>
  page.locator(`#problem-list [data-source="lint"][data-element-id="${elementId}"][data-rule="${rule}"]`);

async function openFile(file: string): Promise<void> {
  const name = path.basename(file);
  await page.setInputFiles('#file-input', file);
  await page.waitForFunction((fileName) => document.querySelector('#status')?.textContent?.includes(fileName) && (window as any).onestopDesigner.lintCaughtUp(), name);
}

// --- tests -------------------------------------------------------------------

test('an analyst signs in with a username and password and sees the deployed procedures; the bpmn.io watermark is visible', async () => {
  await page.goto(`${server.url}/designer`);
  expect(page.url()).toBe(`${server.url}/designer/`);
  await page.locator('#signin-dialog[open]').waitFor();
  // A system's key is still checked (and a wrong one refused); people sign in as themselves.
  await page.click('#signin-system summary');
  await page.fill('#signin-key', 'osk_not-a-key');
  await page.click('#signin-submit');
  await page.locator('#signin-error', { hasText: 'không hợp lệ' }).waitFor();
  await page.fill('#signin-key', '');
  await page.fill('#signin-username', server.analyst.username);
  await page.fill('#signin-password', 'not-the-password');
  await page.click('#signin-submit');
  await page.locator('#signin-error', { hasText: 'Không đăng nhập được' }).waitFor();

  await page.fill('#signin-password', server.analyst.password);
  await page.click('#signin-submit');
  await page.locator('#signin-dialog[open]').waitFor({ state: 'detached' });
  // No key in the tab: the session is an HttpOnly cookie, the CSRF token goes with every change.
  expect(await page.evaluate(() => [sessionStorage.getItem('onestop.designer.token'), document.cookie, !!sessionStorage.getItem('onestop.session.csrf')])).toEqual([null, '', true]);
  expect(await page.locator('#signed-in').textContent()).toContain(server.analyst.fullName);

  const procedures = page.locator('.od-procedure');
  await procedures.first().waitFor();
  expect(await procedures.count()).toBe((await sampleFiles()).length);
  expect(await page.locator('#btn-deploy').textContent()).toBe('Triển khai');
  expect(await page.locator('.bjs-powered-by').isVisible()).toBe(true);
});

test('opens a deployed sample and edits a step’s department and deadline in the panel, with undo and redo', async () => {
  await page.click(`.od-procedure[data-code="${BIRTH}"] .od-procedure-name`);
  await page.click(`.od-version[data-code="${BIRTH}"][data-version="1"]`);
  await page.locator('#status', { hasText: `${BIRTH} · phiên bản 1` }).waitFor();
  await page.waitForFunction(() => (window as any).onestopDesigner.lintCaughtUp());
  expect(await page.locator('#problem-list [data-severity="error"]').count()).toBe(0);

  await select('Task_RegisterBirth');
  const department = page.locator('#bio-properties-panel-onestop-department');
  // Inherited from its lane until the step names its own.
  expect(await department.inputValue()).toBe('');
  expect(await department.locator('option').first().textContent()).toContain('Theo làn: Công chức Tư pháp – Hộ tịch xã Đông Anh');

  // The search ignores Vietnamese diacritics.
  await page.fill('#onestop-department-search', 'cong an');
  expect(await department.locator('option').allTextContents()).toEqual(['— Theo làn: Công chức Tư pháp – Hộ tịch xã Đông Anh —', POLICE]);
  await page.selectOption('#bio-properties-panel-onestop-department', { label: POLICE });
  await waitForAttr('Task_RegisterBirth', 'onestop:department', 'CONGAN_XA');
  await page.locator('#doc-dirty:not([hidden])').waitFor();

  await page.click('#btn-undo');
  await waitForAttr('Task_RegisterBirth', 'onestop:department', undefined);
  expect(await department.inputValue()).toBe('');
  await page.click('#btn-redo');
  await waitForAttr('Task_RegisterBirth', 'onestop:department', 'CONGAN_XA');
  expect(await department.inputValue()).toBe('CONGAN_XA');

  // PT8H is shown as 8 hours; 1 working day is stored as P1D.
  const amount = page.locator('#bio-properties-panel-onestop-deadline');
  const unit = page.locator('#bio-properties-panel-onestop-deadline-unit');
  expect(await amount.inputValue()).toBe('8');
  expect(await unit.inputValue()).toBe('H');
  await amount.fill('1');
  await unit.selectOption('D');
  await waitForAttr('Task_RegisterBirth', 'onestop:deadline', 'P1D');
  expect(await entry('onestop-deadline').textContent()).toContain('P1D');
  expect(await unit.locator('option:checked').textContent()).toBe('ngày làm việc');

  await page.fill('#onestop-department-search', '');
  const file = path.join(ARTIFACTS, 'designer-lanes-panel.png');
  await page.screenshot({ path: file });
  // The README's picture: refreshed on request only, so test runs leave the work tree alone.
  const readmeCopy = path.join(ROOT, 'designer/screenshot.png');
  if (process.env.UPDATE_DESIGNER_SCREENSHOT === '1' || !existsSync(readmeCopy)) await copyFile(file, readmeCopy);
});

test('a task without a department gets a lint problem, which disappears when the department is set', async () => {
  const rule = 'onestop/user-task-department';
  expect(await lintProblem('Task_IssueHealthInsuranceCard', rule).count()).toBe(0);

  await select('Lane_SocialInsurance');
  expect(await page.locator('[data-entry-id="onestop-department"] label').first().textContent()).toBe('Phòng ban của làn');
  await chooseDepartment('', null);
  await waitForAttr('Lane_SocialInsurance', 'onestop:department', undefined);

  await lintProblem('Task_IssueHealthInsuranceCard', rule).waitFor();
  expect(await lintProblem('Task_IssueHealthInsuranceCard', rule).textContent()).toContain('chưa có phòng ban xử lý hợp lệ');
  await page.locator('.djs-overlays[data-container-id="Task_IssueHealthInsuranceCard"] .bjsl-overlay').waitFor();

  await select('Task_IssueHealthInsuranceCard');
  expect(await page.locator('[data-entry-id="onestop-department"].has-error').count()).toBe(1);
  await chooseDepartment('bảo hiểm', SOCIAL_INSURANCE);
  await waitForAttr('Task_IssueHealthInsuranceCard', 'onestop:department', 'BHXH');
  await lintProblem('Task_IssueHealthInsuranceCard', rule).waitFor({ state: 'detached' });
  expect(await page.locator('.djs-overlays[data-container-id="Task_IssueHealthInsuranceCard"] .bjsl-overlay').count()).toBe(0);
});

test('the form schema editor validates as you type, previews the form, and undoes', async () => {
  await select('StartEvent_DossierReceived');
  const text = page.locator('#bio-properties-panel-onestop-formSchema');
  const original = await text.inputValue();
  expect(JSON.parse(original).type).toBe('object');
  expect(await page.locator('.onestop-form-preview [data-field]').count()).toBeGreaterThan(5);

  await text.fill('{ "type": "object", "properties": ');
  await page.locator('.onestop-form-schema-status', { hasText: 'Không hợp lệ: it is not JSON' }).waitFor();
  expect(await page.locator('[data-entry-id="onestop-formSchema"].has-error').count()).toBe(1);
  await lintProblem('StartEvent_DossierReceived', 'onestop/form-schema').waitFor();

  const schema = {
    type: 'object',
    properties: {
      hoTen: { type: 'string', title: 'Họ và tên người yêu cầu', minLength: 1 },
      ngaySinh: { type: 'string', format: 'date', title: 'Ngày sinh' },
      soBanSao: { type: 'integer', minimum: 0, title: 'Số bản sao' },
      hinhThuc: { type: 'string', enum: ['Trực tiếp', 'Bưu chính'], title: 'Hình thức nhận' },
    },
    required: ['hoTen'],
  };
  await text.fill(JSON.stringify(schema, null, 2));
  await page.locator('.onestop-form-schema-status', { hasText: 'Hợp lệ: 4 trường' }).waitFor();
  const preview = page.locator('.onestop-form-preview');
  expect(await preview.locator('[data-field="hoTen"] label').textContent()).toBe('Họ và tên người yêu cầu *');
  // A date as a Vietnamese office writes it, not in the browser's own order.
  expect(await preview.locator('[data-field="ngaySinh"] input').evaluate((input: HTMLInputElement) => [input.type, input.placeholder])).toEqual(['text', 'dd/mm/yyyy']);
  expect(await preview.locator('[data-field="hinhThuc"] option').allTextContents()).toEqual(['— Chọn —', 'Trực tiếp', 'Bưu chính']);
  await lintProblem('StartEvent_DossierReceived', 'onestop/form-schema').waitFor({ state: 'detached' });
  await page.waitForFunction(
    (expected) => (window as any).onestopDesigner.modeler.get('elementRegistry').get('StartEvent_DossierReceived').businessObject.extensionElements.values[0].body === expected,
    JSON.stringify(schema, null, 2),
  );

  await page.click('#btn-undo');
  await page.click('#btn-undo');
  await page.waitForFunction((expected) => (document.querySelector('#bio-properties-panel-onestop-formSchema') as HTMLTextAreaElement).value === expected, original);
});

test('deploys a new version; the API serves it with the changed attributes', async () => {
  // Saved as a draft, confirmed in the publish dialog (effective at once), then published.
  await page.click('#btn-deploy');
  await page.locator('#publish-dialog[open]').waitFor();
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/publish') && r.request().method() === 'POST'),
    page.click('#publish-confirm'),
  ]);
  expect(response.status()).toBe(201);
  await page.locator('#status[data-kind="ok"]', { hasText: `Đã triển khai ${BIRTH} phiên bản 2` }).waitFor();
  await page.locator('#doc-dirty[hidden]').waitFor({ state: 'attached' });
  await page.locator(`.od-version.current[data-code="${BIRTH}"][data-version="2"]`).waitFor();

  const procedure = await (await server.api(`/api/procedures/${BIRTH}`)).json();
  expect(procedure.latestVersion).toBe(2);
  const registerBirth = procedure.versions[1].steps.find((s: { elementId: string }) => s.elementId === 'Task_RegisterBirth');
  expect(registerBirth.department).toBe('CONGAN_XA');

  const xml = await (await server.api(`/api/procedures/${BIRTH}/versions/2/bpmn`)).text();
  const { elementsById } = await parseBpmn(xml);
  expect(elementsById.Task_RegisterBirth.department).toBe('CONGAN_XA');
  expect(elementsById.Task_RegisterBirth.deadline).toBe('P1D');
  expect(elementsById.Task_IssueHealthInsuranceCard.department).toBe('BHXH');
  expect(elementsById.Lane_SocialInsurance.department).toBeUndefined();
  expect(xml).toMatch(/<bpmn:userTask id="Task_RegisterBirth"[^>]*onestop:department="CONGAN_XA"/);
});

test('a refused deploy shows the server’s message on the element and in the problem list', async () => {
  await select('Task_IssueHealthInsuranceCard');
  await chooseDepartment('', null);
  await waitForAttr('Task_IssueHealthInsuranceCard', 'onestop:department', undefined);

  // The draft is saved and checked with the deploy rules; with an error nothing is asked or published.
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('/api/procedure-drafts') && r.request().method() === 'POST'),
    page.click('#btn-deploy'),
  ]);
  expect(response.status()).toBe(201);
  const draft = await response.json();
  const refusal = draft.problems.find((e: { elementId: string; severity: string }) => e.elementId === 'Task_IssueHealthInsuranceCard' && e.severity === 'error');
  expect(refusal.message).toContain('has no department');

  const overlay = page.locator('.djs-overlays[data-container-id="Task_IssueHealthInsuranceCard"] .onestop-server-problem');
  await overlay.waitFor();
  // The server sends the rule; the designer words it in the page's language (engine/lint/lintMessages.ts).
  const vietnamese = '“Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi” (Task_IssueHealthInsuranceCard) chưa có phòng ban xử lý hợp lệ: chọn một phòng ban đã khai báo cho bước, hoặc đặt bước vào làn của phòng ban đó.';
  expect(refusal.rule).toBe('user-task-department');
  expect(await overlay.locator('.onestop-server-problem-text').allTextContents()).toContain(vietnamese);
  expect(await shape('Task_IssueHealthInsuranceCard').getAttribute('class')).toContain('onestop-server-error');
  const listed = page.locator('#problem-list [data-source="server"][data-element-id="Task_IssueHealthInsuranceCard"]');
  expect(await listed.locator('.od-problem-message').textContent()).toBe(vietnamese);
  await page.locator('#status[data-kind="error"]', { hasText: 'Máy chủ từ chối triển khai' }).waitFor();
  await page.screenshot({ path: path.join(ARTIFACTS, 'designer-refused-deploy.png') });

  // Changing the element clears its server problem; nothing was deployed.
  await chooseDepartment('bảo hiểm', SOCIAL_INSURANCE);
  await overlay.waitFor({ state: 'detached' });
  expect(await listed.count()).toBe(0);
  expect((await (await server.api(`/api/procedures/${BIRTH}`)).json()).latestVersion).toBe(2);
});

test('switches to English and back', async () => {
  await select('Task_RegisterBirth');
  await page.click('#btn-lang');
  await page.locator('#btn-deploy', { hasText: 'Deploy' }).waitFor();
  await page.locator('[data-group-id="group-onestop"] .bio-properties-panel-group-header-title', { hasText: 'One-stop' }).waitFor();
  expect(await page.locator('[data-entry-id="onestop-department"] label').first().textContent()).toBe('Department');
  expect(await page.locator('#bio-properties-panel-onestop-deadline-unit option:checked').textContent()).toBe('working days');
  // The diagram, its selection and its unsaved state survive the switch.
  expect(await selected()).toBe('Task_RegisterBirth');
  expect(await attr('Task_RegisterBirth', 'onestop:deadline')).toBe('P1D');
  await page.screenshot({ path: path.join(ARTIFACTS, 'designer-english.png') });

  await page.click('#btn-lang');
  await page.locator('#btn-deploy', { hasText: 'Triển khai' }).waitFor();
  await page.locator('[data-group-id="group-onestop"] .bio-properties-panel-group-header-title', { hasText: 'Một cửa' }).waitFor();
});

test('token simulation can be switched on and off', async () => {
  await page.click('#btn-simulate');
  await page.locator('.bjs-container.simulation').waitFor();
  expect(await page.locator('#btn-simulate').getAttribute('aria-pressed')).toBe('true');
  await page.click('#btn-simulate');
  await page.locator('.bjs-container.simulation').waitFor({ state: 'detached' });
});

test('unsaved changes are confirmed before another diagram replaces them', async () => {
  await select('Task_RegisterBirth');
  await page.fill('#bio-properties-panel-onestop-deadline', '2');
  await waitForAttr('Task_RegisterBirth', 'onestop:deadline', 'P2D');
  await page.locator('#doc-dirty:not([hidden])').waitFor();

  acceptDialogs = false;
  dialogs.length = 0;
  await page.click('#btn-new');
  await page.waitForFunction(() => true);
  expect(dialogs).toEqual(['Sơ đồ hiện tại có thay đổi chưa được triển khai hoặc tải về. Bỏ các thay đổi này?']);
  expect(await attr('Task_RegisterBirth', 'onestop:deadline')).toBe('P2D');
  acceptDialogs = true;

  // The page also asks before unloading.
  const asked = await page.evaluate(() => {
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  });
  expect(asked).toBe(true);
});

test('a new procedure shows what is left to fill in; the procedure fields edit the process', async () => {
  await page.click('#btn-new');
  await page.locator('#status', { hasText: 'Đã mở quy trình mới' }).waitFor();
  await page.waitForFunction(() => (window as any).onestopDesigner.lintCaughtUp());
  await lintProblem('Task_Handle', 'onestop/user-task-department').waitFor();
  await lintProblem('Process_New', 'onestop/executable-process').waitFor();

  // Nothing selected: the panel shows the process.
  const code = page.locator('#bio-properties-panel-onestop-procedureCode');
  await code.fill('1.000001');
  await page.waitForFunction(() => (window as any).onestopDesigner.modeler.get('canvas').getRootElement().businessObject.get('onestop:procedureCode') === '1.000001');
  await lintProblem('Process_New', 'onestop/executable-process').waitFor({ state: 'detached' });
  await page.selectOption('#bio-properties-panel-onestop-supplementPolicy', 'extend');
  await page.waitForFunction(() => (window as any).onestopDesigner.modeler.get('canvas').getRootElement().businessObject.get('onestop:supplementPolicy') === 'extend');
  expect(await page.locator('#doc-title').textContent()).toBe('1.000001 · Thủ tục mới');

  // A step's first form creates the extension elements; undo removes them again.
  await select('Task_Handle');
  await page.locator('[data-entry-id="onestop-formSchema"] button', { hasText: 'Chèn mẫu' }).click();
  await page.waitForFunction(() => (window as any).onestopDesigner.modeler.get('elementRegistry').get('Task_Handle').businessObject.extensionElements?.values[0]?.$type === 'onestop:FormSchema');
  await page.locator('.onestop-form-preview [data-field="decision"] select').waitFor();
  await page.click('#btn-undo');
  await page.waitForFunction(() => (window as any).onestopDesigner.modeler.get('elementRegistry').get('Task_Handle').businessObject.extensionElements === undefined);

  // The counted box writes onestop:counted="false" only when unticked.
  const counted = page.locator('#bio-properties-panel-onestop-counted');
  expect(await counted.isChecked()).toBe(true);
  await toggle(counted);
  await waitForAttr('Task_Handle', 'onestop:counted', false);
  await page.waitForFunction(() => !(document.querySelector('#bio-properties-panel-onestop-counted') as HTMLInputElement).checked);
  await toggle(counted);
  await waitForAttr('Task_Handle', 'onestop:counted', undefined);

  // Download: the file carries the procedure code in its name and content, and the diagram counts as saved.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#btn-download')]);
  expect(download.suggestedFilename()).toBe('1.000001.bpmn');
  const downloaded = await readFile(await download.path(), 'utf8');
  expect(downloaded).toContain('onestop:procedureCode="1.000001"');
  expect(downloaded).toContain('onestop:supplementPolicy="extend"');
  await page.locator('#doc-dirty[hidden]').waitFor({ state: 'attached' });
});

test('every file in processes/ opens without import warnings and lints clean', async () => {
  for (const file of await sampleFiles()) {
    await openFile(path.join(ROOT, 'processes', file));
    expect({ file, importWarnings: await page.locator('#problem-list [data-source="import"]').allTextContents() }).toEqual({ file, importWarnings: [] });
    expect({ file, errors: await page.locator('#problem-list [data-severity="error"]').allTextContents() }).toEqual({ file, errors: [] });

    const { elementsById } = await parseBpmn(await readSample(file));
    const drawnInFile = Object.values(elementsById)
      .filter((e: any) => e.$type === 'bpmndi:BPMNShape' || e.$type === 'bpmndi:BPMNEdge')
      .map((e: any) => e.bpmnElement.id as string);
    const missing = await page.evaluate((ids) => {
      const registry = (window as any).onestopDesigner.modeler.get('elementRegistry');
      return ids.filter((id: string) => !registry.getGraphics(id));
    }, drawnInFile);
    expect({ file, missing }).toEqual({ file, missing: [] });
  }
  // The lanes sample of the screenshot, as the last one opened.
  expect(await page.locator('.djs-shape[data-element-id^="Lane_"]').count()).toBeGreaterThan(0);
});

test('gateway flows take a FEEL condition, checked as typed, or the default role', async () => {
  await openFile(path.join(ROOT, 'processes/construction-permit-house.bpmn'));
  await page.evaluate(() => (window as any).onestopDesigner.reveal('Flow_Reject'));
  const condition = page.locator('#bio-properties-panel-onestop-condition');
  expect(await condition.inputValue()).toBe('decision = "reject"');

  await condition.fill('decision = = "reject"');
  await page.locator('[data-entry-id="onestop-condition"] .bio-properties-panel-error', { hasText: 'no left-hand operand' }).waitFor();
  await lintProblem('Flow_Reject', 'onestop/feel-condition').waitFor();
  await condition.fill('decision != "approve"');
  await page.waitForFunction(() => (window as any).onestopDesigner.modeler.get('elementRegistry').get('Flow_Reject').businessObject.conditionExpression.body === 'decision != "approve"');
  await lintProblem('Flow_Reject', 'onestop/feel-condition').waitFor({ state: 'detached' });

  // As the default flow it needs (and keeps) no condition.
  await toggle(page.locator('#bio-properties-panel-onestop-default-flow'));
  await page.waitForFunction(() => {
    const flow = (window as any).onestopDesigner.modeler.get('elementRegistry').get('Flow_Reject').businessObject;
    return flow.sourceRef.default === flow && flow.conditionExpression === undefined;
  });
  await page.locator('#bio-properties-panel-onestop-condition:disabled').waitFor();
  expect(await condition.inputValue()).toBe('');
  await page.click('#btn-undo');
  await page.locator('#bio-properties-panel-onestop-condition:enabled').waitFor();
  expect(await condition.inputValue()).toBe('decision != "approve"');
});

test('a file without diagram interchange is laid out automatically', async () => {
  await openFile(path.join(ROOT, 'test/fixtures/bpmn/valid-no-di.bpmn'));
  await page.locator('#status', { hasText: 'bpmn-auto-layout' }).waitFor();
  for (const id of ['Start_Submit', 'Task_Receive', 'Split', 'Task_Police', 'Task_Insurance', 'Join', 'Task_Return', 'Gateway_Complete', 'Task_Supplement', 'End_Done']) {
    expect({ id, drawn: await shape(id).count() }).toEqual({ id, drawn: 1 });
  }
  expect(await attr('Task_Supplement', 'onestop:counted')).toBe(false);
});

test('the deadline budget rule warns in the browser as it does at deploy', async () => {
  await openFile(path.join(ROOT, 'test/fixtures/bpmn/warn-deadline-budget.bpmn'));
  const warnings = page.locator('#problem-list [data-source="lint"][data-severity="warning"][data-rule="onestop/deadline-budget"]');
  expect(await warnings.count()).toBeGreaterThan(0);
  expect(await page.locator('#problem-list [data-severity="error"]').count()).toBe(0);
});

test('no script errors in the page', () => {
  expect(browser.errors).toEqual([]);
});
