// An analyst, signed in with their own password, builds a reception form in
// the designer's form builder at 1366 × 768 – two dates and the rule that the
// second comes after the first – without typing JSON. The schema the builder
// stores is what the server validates: a dossier breaking the rule is refused
// with the analyst's Vietnamese sentence on the field, and the desk's page
// refuses it before sending. The builder, the palette and the "change type"
// menu show no English word.

import { jest } from '@jest/globals';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { bearer, createKey } from '../api/support/apiTestbed.js';
import { launchChromium, type LaunchedChromium } from '../support/chromiumBrowser.js';
import { ROOT } from '../support/engineHarness.js';
import { expectEveryDossierWaits } from '../support/invariant.js';
import { englishWordsOnPage } from '../support/visibleEnglish.js';
import { onboard, OWN_PASSWORD } from '../people/support/personSessions.js';
import { ARTIFACTS, ensureDesignerBuilt, startDesignerServer, type DesignerServer } from './support/designerBrowser.js';

jest.setTimeout(90_000);

const CODE = 'T.FORM.01';
const RULE_MESSAGE = 'Ngày hết hạn phải sau ngày bắt đầu có giá trị';
const SCREENSHOT = path.join(ROOT, 'designer', 'screenshots', 'form-builder.png');

/** A small procedure to start from (test set-up; the analyst builds its form). */
const PROCEDURE = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:onestop="urn:onestop:bpmn:1.0" id="Definitions_Form" targetNamespace="urn:onestop:processes">
  <bpmn:process id="Process_Form" name="Gia hạn thẻ (thử biểu mẫu)" isExecutable="true" onestop:procedureCode="${CODE}" onestop:deadline="P5D">
    <bpmn:startEvent id="StartEvent_Received" name="Tiếp nhận hồ sơ"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="Task_Handle" name="Xử lý hồ sơ" onestop:department="TUPHAP_XA" onestop:deadline="P3D"><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:userTask>
    <bpmn:endEvent id="EndEvent_Returned" name="Trả kết quả"><bpmn:incoming>Flow_2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_Received" targetRef="Task_Handle" />
    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Handle" targetRef="EndEvent_Returned" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_Form"><bpmndi:BPMNPlane id="BPMNPlane_Form" bpmnElement="Process_Form">
    <bpmndi:BPMNShape id="StartEvent_Received_di" bpmnElement="StartEvent_Received"><dc:Bounds x="182" y="142" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="Task_Handle_di" bpmnElement="Task_Handle"><dc:Bounds x="290" y="120" width="100" height="80" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="EndEvent_Returned_di" bpmnElement="EndEvent_Returned"><dc:Bounds x="462" y="142" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNEdge id="Flow_1_di" bpmnElement="Flow_1"><di:waypoint x="218" y="160" /><di:waypoint x="290" y="160" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="Flow_2_di" bpmnElement="Flow_2"><di:waypoint x="390" y="160" /><di:waypoint x="462" y="160" /></bpmndi:BPMNEdge>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`;

let server: DesignerServer;
let browser: LaunchedChromium;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  ensureDesignerBuilt();
  await mkdir(ARTIFACTS, { recursive: true });
  [server, browser] = await Promise.all([
    startDesignerServer(),
    launchChromium('onestop-form-builder', { viewport: { width: 1366, height: 768 }, timezoneId: 'Asia/Ho_Chi_Minh' }),
  ]);
  await onboard(server.tb, 'tran.lan', [{ role: 'analyst' }], 'Trần Thị Lan');
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) errors.push(`${res.status()} ${res.request().method()} ${res.url()}`);
  });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const shape = (id: string) => page.locator(`.djs-element.djs-shape[data-element-id="${id}"]`);

async function click(id: string): Promise<void> {
  const box = await shape(id).boundingBox();
  if (!box) throw new Error(`${id} is not drawn`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForFunction((elementId) => (window as any).onestopDesigner.modeler.get('selection').get()[0]?.id === elementId, id);
}

async function addDateField(label: string, key: string): Promise<void> {
  await page.click('.od-fb-add[data-type="date"]');
  await page.fill('#od-fb-label', label);
  await page.fill('#od-fb-key', key);
  await page.check('#od-fb-required');
  await page.locator(`.od-fb-field.selected[data-key="${key}"]`).waitFor();
}

test('an analyst builds a form with two dates and a rule between them, without typing JSON; the server refuses a dossier breaking it', async () => {
  // Signs in with their own password on the start page; the designer takes the same session.
  await page.goto(`${server.url}/`);
  await page.fill('#ws-username', 'tran.lan');
  await page.fill('#ws-password', OWN_PASSWORD);
  await page.click('#ws-login');
  await page.locator('#ws-signed-in').waitFor();
  // Before signing in, the start page's "who am I" is answered 401, as it should be.
  errors.length = 0;
  await page.goto(`${server.url}/designer/`);
  await page.locator('#signed-in', { hasText: 'Trần Thị Lan' }).waitFor();
  expect(await page.locator('#signin-dialog[open]').count()).toBe(0);
  await page.evaluate((xml) => (window as any).onestopDesigner.openXml(xml, { kind: 'new' }), PROCEDURE);

  await click('StartEvent_Received');
  await page.click('.onestop-open-form-builder');
  const dialog = page.locator('dialog.od-form-builder[open]');
  await dialog.waitFor();
  await page.fill('#od-fb-title', 'Tờ khai gia hạn thẻ');
  await addDateField('Thẻ có giá trị từ ngày', 'validFrom');
  await addDateField('Thẻ có giá trị đến ngày', 'validTo');

  // The rule: picked from lists; the builder writes its FEEL.
  await page.click('.od-fb-add-rule');
  const rule = page.locator('.od-fb-rule').first();
  await rule.locator('.od-fb-rule-field').selectOption('validTo');
  await rule.locator('.od-fb-rule-comparison').selectOption('after');
  await rule.locator('.od-fb-rule-other').selectOption('validFrom');
  await rule.locator('.od-fb-rule-message').fill(RULE_MESSAGE);
  expect(await rule.locator('.od-fb-rule-when').inputValue()).toBe('validTo <= validFrom');
  await dialog.locator('.onestop-form-preview [data-field="validTo"]').waitFor();
  expect(await page.locator('.od-fb-problems li').count()).toBe(0);

  expect(await englishWordsOnPage(page)).toEqual([]);
  await mkdir(path.dirname(SCREENSHOT), { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, 'form-builder.png') });
  if (process.env.UPDATE_DESIGNER_SCREENSHOT) await copyFile(path.join(ARTIFACTS, 'form-builder.png'), SCREENSHOT);

  await page.click('.od-fb-save');
  await dialog.waitFor({ state: 'detached' });
  const stored = JSON.parse(await page.evaluate(() => {
    const bo = (window as any).onestopDesigner.modeler.get('elementRegistry').get('StartEvent_Received').businessObject;
    return bo.extensionElements.values.find((v: any) => v.$type === 'onestop:FormSchema').body as string;
  }));
  expect(stored).toEqual({
    type: 'object',
    title: 'Tờ khai gia hạn thẻ',
    properties: {
      validFrom: { type: 'string', title: 'Thẻ có giá trị từ ngày', format: 'date' },
      validTo: { type: 'string', title: 'Thẻ có giá trị đến ngày', format: 'date' },
    },
    required: ['validFrom', 'validTo'],
    'x-rules': [{ when: 'validTo <= validFrom', field: 'validTo', message: RULE_MESSAGE }],
  });
  await page.waitForFunction(() => (window as any).onestopDesigner.lintCaughtUp());
  expect(await page.locator('#problem-list [data-severity="error"]').count()).toBe(0);

  // The palette, the context pad and the "change type" menu, in Vietnamese, without the script task.
  await click('Task_Handle');
  await page.click('.djs-context-pad [data-action="replace"]');
  const menu = page.locator('.djs-popup');
  await menu.waitFor();
  expect(await menu.locator('[data-id="replace-with-service-task"]').count()).toBe(1);
  expect(await menu.locator('[data-id="replace-with-script-task"]').count()).toBe(0);
  expect(await englishWordsOnPage(page)).toEqual([]);
  await page.keyboard.press('Escape');
  // Nothing selected: the panel shows the procedure's own properties.
  await page.evaluate(() => (window as any).onestopDesigner.modeler.get('selection').select(null));
  await page.locator('[data-group-id="group-onestop-procedure"]').waitFor();
  expect(await englishWordsOnPage(page)).toEqual([]);

  // What the designer stores is deployed as it is (the analyst's own session), and validated by the server.
  const deployed = await page.evaluate(async () => {
    const { xml } = await (window as any).onestopDesigner.modeler.saveXML({ format: true });
    const res = await fetch('/api/procedures', {
      method: 'POST',
      headers: { 'Content-Type': 'application/xml', 'X-CSRF-Token': sessionStorage.getItem('onestop.session.csrf') ?? '' },
      body: xml,
    });
    return { status: res.status, body: await res.json() };
  });
  expect(deployed).toMatchObject({ status: 201, body: { code: CODE } });

  // The server checks the rule itself, whoever sends the data.
  const deskKey = await createKey(server.tb, 'desk');
  const refused = await server.tb.api.post('/api/dossiers').set(bearer(deskKey)).send({
    procedureCode: CODE,
    channel: 'direct',
    applicant: { name: 'Lê Thị Hương', idNumber: '001190000123', phone: '0912345678' },
    data: { validFrom: '2026-11-30', validTo: '2020-01-01' },
  }).expect(422);
  expect(refused.body.errors).toEqual([expect.objectContaining({ path: '/data/validTo', message: RULE_MESSAGE })]);

  expect(errors).toEqual([]);
});

test('at the desk, the browser refuses the same dates with the same sentence before sending, and receives the corrected dossier', async () => {
  await onboard(server.tb, 'le.huong', [{ role: 'desk' }], 'Lê Thị Hương');
  const desk = await launchChromium('onestop-form-desk', { viewport: { width: 1366, height: 768 }, timezoneId: 'Asia/Ho_Chi_Minh' });
  try {
    const page = desk.context.pages()[0] ?? (await desk.context.newPage());
    page.setDefaultTimeout(10_000);
    const problems: string[] = [];
    const posts: string[] = [];
    page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
    });
    page.on('request', (req) => {
      if (req.method() === 'POST' && req.url().endsWith('/api/dossiers')) posts.push(req.url());
    });
    await page.goto(`${server.url}/`);
    await page.fill('#ws-username', 'le.huong');
    await page.fill('#ws-password', OWN_PASSWORD);
    await page.click('#ws-login');
    await page.waitForURL('**/app/desk');
    problems.length = 0; // the start page's "who am I" before signing in is a 401, as it should be

    await page.selectOption('#ws-procedure', CODE);
    await page.locator('#ws-data-validTo').waitFor();
    await page.fill('#ws-applicant-name', 'Lê Thị Hương');
    await page.fill('#ws-applicant-idNumber', '001190000123');
    await page.fill('#ws-data-validFrom', '30/11/2026');
    await page.fill('#ws-data-validTo', '01/01/2020');
    await page.click('#ws-submit');
    await page.locator('[data-form="ws-data"] [data-field="validTo"] .ws-field-error', { hasText: RULE_MESSAGE }).waitFor();
    expect(posts).toEqual([]);

    await page.fill('#ws-data-validTo', '29/11/2027');
    await page.click('#ws-submit');
    await page.locator('#ws-receipt-code').waitFor();
    expect(posts).toHaveLength(1);
    await expectEveryDossierWaits(server.tb.db.pool);
    expect(problems).toEqual([]);
  } finally {
    await desk.close();
  }
});
