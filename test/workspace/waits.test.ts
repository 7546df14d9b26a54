import { jest } from '@jest/globals';
import type { Page } from 'playwright-core';
import { englishWordsIn } from '../support/visibleEnglish.js';
import { ensureDesignerBuilt, launchWorkspaceBrowser, signIn, startWorkspaceServer, type WorkspaceBrowser, type WorkspaceServer } from './support/workspaceBrowser.js';

// The dossier page says what the dossier waits on (here a boundary timer and
// the step it guards), with the timer's due time in Vietnam time although the
// browser runs in another zone, and marks the waiting elements on the diagram.
// The desk officer signs in with a personal password session.

jest.setTimeout(60_000);

const PROCEDURE = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:onestop="urn:onestop:bpmn:1.0" id="Defs_Waits" targetNamespace="urn:onestop:test">
  <bpmn:process id="P_Waits" name="Xác nhận có thời hạn" isExecutable="true" onestop:procedureCode="EV.WAITS" onestop:deadline="P10D">
    <bpmn:startEvent id="Start" />
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task_Check" />
    <bpmn:userTask id="Task_Check" name="Thẩm định hồ sơ" onestop:department="TUPHAP_XA" onestop:deadline="P3D" />
    <bpmn:boundaryEvent id="Timer_Late" name="Quá hai ngày làm việc" attachedToRef="Task_Check">
      <bpmn:timerEventDefinition id="TD_Late"><bpmn:timeDuration>P2D</bpmn:timeDuration></bpmn:timerEventDefinition>
    </bpmn:boundaryEvent>
    <bpmn:sequenceFlow id="F2" sourceRef="Task_Check" targetRef="End" />
    <bpmn:sequenceFlow id="F3" sourceRef="Timer_Late" targetRef="Task_Head" />
    <bpmn:userTask id="Task_Head" name="Lãnh đạo xem xét" onestop:department="MOTCUA_XA" onestop:deadline="P1D" />
    <bpmn:sequenceFlow id="F4" sourceRef="Task_Head" targetRef="End_Escalated" />
    <bpmn:endEvent id="End" />
    <bpmn:endEvent id="End_Escalated" />
  </bpmn:process>
</bpmn:definitions>`;

let server: WorkspaceServer;
let browser: WorkspaceBrowser;
let desk: Page;

beforeAll(async () => {
  ensureDesignerBuilt();
  // Monday 2 March 2026, 09:00 in Hanoi.
  [server, browser] = await Promise.all([startWorkspaceServer('2026-03-02T09:00:00+07:00'), launchWorkspaceBrowser()]);
  await server.tb.engine.deploy(PROCEDURE, 'test');
  desk = await browser.tab();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('a dossier waiting on a boundary timer shows the timer with its due time in Vietnam time, and the diagram marks it', async () => {
  const { code } = await server.tb.engine.submit('EV.WAITS', { applicant: { name: 'Đỗ Thị Hoa', idNumber: '001088000009' }, data: {} });
  await signIn(desk, server.url, server.keys.desk, 'Nguyễn Thị Chờ');
  await desk.goto(`${server.url}/app/dossiers/${code}?poll=500`);
  await desk.locator('#view[data-loaded="true"]').waitFor();

  const timerRow = desk.locator('#ws-waits-table tr[data-wait-kind="timer"]');
  await timerRow.waitFor();
  const text = await timerRow.innerText();

  expect(text).toContain('Quá hai ngày làm việc');
  // P2D = two working days: Wednesday 4 March 09:00 in Vietnam (the browser's own zone is Paris).
  expect(text).toContain('04/03/2026 09:00');
  expect(await desk.locator('#ws-waits-table tr[data-wait-kind="task"][data-element="Task_Check"]').count()).toBe(1);

  // On the diagram: a marker on the boundary timer and on its step, each with its badge.
  await desk.locator('.djs-element[data-element-id="Timer_Late"].ws-waiting').waitFor({ state: 'attached' });
  expect(await desk.locator('.djs-element[data-element-id="Task_Check"].ws-waiting').count()).toBe(1);
  expect(await desk.locator('[data-wait-element="Timer_Late"]').getAttribute('data-wait-kind')).toBe('timer');
  expect(await desk.locator('.djs-element[data-element-id="Task_Head"].ws-waiting').count()).toBe(0);

  // All of it in Vietnamese.
  expect(englishWordsIn(await desk.locator('#ws-waits').innerText())).toEqual([]);

  // The timer fires: the escalation step is awaited and the timer no longer.
  server.tb.clock.set('2026-03-04T09:00:00+07:00');
  expect(await server.tb.engine.fireDueTimers()).toBe(1);
  // Two days later the session of Monday has ended: the officer signs in again.
  await signIn(desk, server.url, server.keys.desk, 'Nguyễn Thị Chờ');
  await desk.goto(`${server.url}/app/dossiers/${code}?poll=500`);
  await desk.locator('#view[data-loaded="true"]').waitFor();
  await desk.locator('#ws-waits-table tr[data-wait-kind="task"][data-element="Task_Head"]').waitFor();
  expect(await desk.locator('#ws-waits-table tr[data-wait-kind="timer"]').count()).toBe(0);
  await desk.locator('.djs-element[data-element-id="Task_Head"].ws-waiting').waitFor({ state: 'attached' });
  expect(await desk.locator('.djs-element[data-element-id="Timer_Late"].ws-waiting').count()).toBe(0);
  expect(browser.errors).toEqual([]);
});
