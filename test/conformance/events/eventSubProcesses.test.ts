import { createTestDatabase, type TestDatabase } from '../../support/testDatabase.js';
import { FixedClock } from '../../support/fixedClock.js';
import { engineFor, fixture, seedDepartments } from '../../support/engineHarness.js';
import { expectEveryDossierWaits } from '../../support/invariant.js';
import { lintBpmn, errorsOf } from '../../../engine/lint/lintBpmn.js';
import { lintMessage } from '../../../engine/lint/lintMessages.js';
import { NotFoundError } from '../../../engine/errors.js';
import type { OnestopEngine } from '../../../engine/onestopEngine.js';

// Event sub-processes (timer, message and error starts; interrupting or not;
// in the process and inside an embedded sub-process) walked on a real
// PostgreSQL. Their timer starts are durable waits like any other timer: due
// times on our rows, fired by the sweep, no engine alive in between.

let db: TestDatabase;
let clock: FixedClock;
let engine: OnestopEngine;
const applicant = { name: 'Lê Văn Cường', idNumber: '001088000007' };

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDepartments(db.pool);
  clock = new FixedClock('2026-03-02T09:00:00+07:00');
  engine = engineFor(db.pool, clock);
  for (const f of ['event-subprocess-timer', 'event-subprocess-message', 'event-subprocess-error']) await engine.deploy(await fixture('bpmn', 'events', `${f}.bpmn`));
});

afterEach(() => expectEveryDossierWaits(db.pool));
afterAll(() => db.drop());

const open = async (code: string) => (await engine.getDossier(code)).openTasks.map((t) => t.elementId).sort();
const status = async (code: string) => (await engine.getDossier(code)).status.name;
async function complete(code: string, elementId: string, data: Record<string, unknown> = {}) {
  const task = (await engine.getDossier(code)).openTasks.find((t) => t.elementId === elementId);
  if (!task) throw new Error(`${elementId} is not open on ${code}`);
  return engine.completeTask(task.id, { actor: 'officer', data });
}
async function waits(code: string) {
  const { rows } = await db.pool.query(
    `SELECT w.kind, w.element_id, w.due_at, w.status FROM waits w JOIN dossiers d ON d.id = w.dossier_id WHERE d.code = $1 ORDER BY w.id`,
    [code],
  );
  return rows as Array<{ kind: string; element_id: string; due_at: Date | null; status: string }>;
}
const openWaits = async (code: string) => (await waits(code)).filter((w) => w.status === 'open').map((w) => [w.kind, w.element_id, w.due_at?.toISOString() ?? null]);
const iso = (text: string) => new Date(text).toISOString();

test('timer starts: a non-interrupting reminder runs beside the step once, an interrupting escalation withdraws it', async () => {
  clock.set('2026-03-02T09:00:00+07:00');
  const d = await engine.submit('EV.ESP.TIMER', { applicant, data: {} });
  expect(await open(d.code)).toEqual(['Task_Check']);
  // Both starts wait on working time, counted from the start of the process.
  expect(await openWaits(d.code)).toEqual([
    ['timer', 'Start_Remind', iso('2026-03-03T09:00:00+07:00')],
    ['timer', 'Start_Escalate', iso('2026-03-05T09:00:00+07:00')],
  ]);

  clock.set('2026-03-03T09:00:00+07:00');
  expect(await engine.fireDueTimers()).toBe(1);
  expect(await open(d.code)).toEqual(['Task_Check', 'Task_Remind']);
  const remind = (await engine.getDossier(d.code)).openTasks.find((t) => t.elementId === 'Task_Remind');
  expect(remind?.department).toBe('MOTCUA_XA');
  // A duration fires once per run of its scope: the reminder is not armed again.
  await complete(d.code, 'Task_Remind');
  expect(await openWaits(d.code)).toEqual([['timer', 'Start_Escalate', iso('2026-03-05T09:00:00+07:00')]]);

  clock.set('2026-03-05T09:00:00+07:00');
  expect(await engine.fireDueTimers()).toBe(1);
  expect(await open(d.code)).toEqual(['Task_Head']);
  const history = (await engine.history(d.code)).map((e) => e.type);
  expect(history.filter((t) => t === 'timer.fired')).toHaveLength(2);
  expect(history).toContain('task.cancelled');
  expect(await engine.fireDueTimers()).toBe(0);

  await complete(d.code, 'Task_Head');
  expect(await status(d.code)).toBe('resolved');
});

test('timer starts end with their scope: a step completed first leaves no timer behind', async () => {
  clock.set('2026-03-02T09:00:00+07:00');
  const d = await engine.submit('EV.ESP.TIMER', { applicant, data: {} });
  await complete(d.code, 'Task_Check');
  expect(await status(d.code)).toBe('resolved');
  expect((await waits(d.code)).map((w) => w.status)).toEqual(['cancelled', 'cancelled']);
  clock.set('2026-03-20T09:00:00+07:00');
  expect(await engine.fireDueTimers()).toBe(0);
});

test('a timer start fires durably: a second engine on the same database after a restart fires it once', async () => {
  clock.set('2026-03-02T09:00:00+07:00');
  const d = await engine.submit('EV.ESP.TIMER', { applicant, data: {} });
  clock.set('2026-03-06T09:00:00+07:00');
  const restarted = engineFor(db.pool, clock);
  const fired = await Promise.all([restarted.fireDueTimers(), engine.fireDueTimers()]);
  // Both timers are due; each fires exactly once, whichever engine takes it.
  expect(fired[0] + fired[1]).toBe(2);
  expect(await engine.fireDueTimers()).toBe(0);
  const history = (await engine.history(d.code)).map((e) => e.type);
  expect(history.filter((t) => t === 'timer.fired')).toHaveLength(2);
  expect(await open(d.code)).toEqual(['Task_Head']);
  await complete(d.code, 'Task_Head');
});

test('message starts inside an embedded sub-process: a non-interrupting question opens an answer each time, an interrupting court order ends the review', async () => {
  const d = await engine.submit('EV.ESP.MESSAGE', { applicant, data: {} });
  expect(await open(d.code)).toEqual(['Task_Review']);
  expect((await openWaits(d.code)).map((w) => w[1])).toEqual(['Start_Ask', 'Start_Stop']);

  const asked = await engine.deliverMessage({ name: 'applicant-question', dossierCode: d.code, actor: 'desk' });
  expect(asked.triggered).toEqual(['Start_Ask']);
  expect(asked.tasks.map((t) => [t.elementId, t.department])).toEqual([['Task_Answer', 'MOTCUA_XA']]);
  // One answer at a time: while it is open a second question is not awaited.
  await expect(engine.deliverMessage({ name: 'applicant-question', dossierCode: d.code, actor: 'desk' })).rejects.toThrow(NotFoundError);
  await complete(d.code, 'Task_Answer');
  const again = await engine.deliverMessage({ name: 'applicant-question', dossierCode: d.code, actor: 'desk' });
  expect(again.tasks.map((t) => t.elementId)).toEqual(['Task_Answer']);
  expect(await open(d.code)).toEqual(['Task_Answer', 'Task_Review']);

  const stopped = await engine.deliverMessage({ name: 'court-order', dossierCode: d.code, actor: 'desk' });
  expect(stopped.triggered).toEqual(['Start_Stop']);
  // The review and the open answer are withdrawn; no start of the scope is awaited any more.
  expect(await open(d.code)).toEqual(['Task_Record']);
  expect(await openWaits(d.code)).toEqual([]);
  await expect(engine.deliverMessage({ name: 'court-order', dossierCode: d.code, actor: 'desk' })).rejects.toThrow(NotFoundError);

  // The sub-process ends with its event sub-process, and the process goes on after it.
  await complete(d.code, 'Task_Record');
  expect(await open(d.code)).toEqual(['Task_Decide']);
  await complete(d.code, 'Task_Decide');
  expect(await status(d.code)).toBe('resolved');
});

test('message starts are awaited only while their scope runs', async () => {
  const d = await engine.submit('EV.ESP.MESSAGE', { applicant, data: {} });
  await complete(d.code, 'Task_Review');
  expect(await open(d.code)).toEqual(['Task_Decide']);
  expect(await openWaits(d.code)).toEqual([]);
  await expect(engine.deliverMessage({ name: 'applicant-question', dossierCode: d.code, actor: 'desk' })).rejects.toThrow(NotFoundError);
  await complete(d.code, 'Task_Decide');
});

test('an error start catches the BPMN error thrown in its scope and withdraws the parallel step; without the error nothing happens', async () => {
  const disputed = await engine.submit('EV.ESP.ERROR', { applicant, data: {} });
  expect(await open(disputed.code)).toEqual(['Task_Fee', 'Task_Verify']);
  await complete(disputed.code, 'Task_Verify', { disputed: true });
  expect(await open(disputed.code)).toEqual(['Task_Refuse']);
  expect(await engine.incidents()).toEqual([]);
  await complete(disputed.code, 'Task_Refuse');
  expect(await status(disputed.code)).toBe('resolved');

  const clean = await engine.submit('EV.ESP.ERROR', { applicant, data: {} });
  await complete(clean.code, 'Task_Verify', { disputed: false });
  await complete(clean.code, 'Task_Fee');
  expect(await status(clean.code)).toBe('resolved');
});

describe('refused at deploy, each with its sentence', () => {
  const procedure = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xmlns:onestop="urn:onestop:bpmn:1.0" id="Defs" targetNamespace="urn:onestop:test">
  <bpmn:message id="Msg" name="m" />
  <bpmn:signal id="Sig" name="s" />
  <bpmn:process id="P" isExecutable="true" onestop:procedureCode="EV.REFUSED" onestop:deadline="P5D">
    <bpmn:startEvent id="Start" />
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Task" />
    <bpmn:userTask id="Task" onestop:department="MOTCUA_XA" onestop:deadline="P1D" />
    <bpmn:sequenceFlow id="F2" sourceRef="Task" targetRef="End" />
    <bpmn:endEvent id="End" />
${body}
  </bpmn:process>
</bpmn:definitions>`;
  const eventSubProcess = (start: string) => `    <bpmn:subProcess id="Esp" triggeredByEvent="true">
      <bpmn:startEvent id="Esp_Start">${start}</bpmn:startEvent>
      <bpmn:sequenceFlow id="E1" sourceRef="Esp_Start" targetRef="Esp_Task" />
      <bpmn:userTask id="Esp_Task" onestop:department="MOTCUA_XA" onestop:deadline="P1D" />
      <bpmn:sequenceFlow id="E2" sourceRef="Esp_Task" targetRef="Esp_End" />
      <bpmn:endEvent id="Esp_End" />
    </bpmn:subProcess>`;
  const supportErrors = async (xml: string) => errorsOf((await lintBpmn(xml)).problems).filter((p) => p.rule === 'supported-elements').map((p) => [p.elementId, p.message]);

  test('an event sub-process with a none start, or a signal start', async () => {
    expect(await supportErrors(procedure(eventSubProcess('')))).toEqual([['Esp_Start', expect.stringMatching(/would never start: draw its start event with a timer, a message or an error/)]]);
    expect(await supportErrors(procedure(eventSubProcess('<bpmn:signalEventDefinition signalRef="Sig" />')))).toEqual([['Esp_Start', expect.stringMatching(/signal event/)]]);
    const [problem] = errorsOf((await lintBpmn(procedure(eventSubProcess('')))).problems);
    expect(problem).toMatchObject({ code: 'event-sub-process-start' });
    expect(lintMessage(problem, 'vi')).toMatch(/tiến trình con sự kiện.*hẹn giờ, một tin nhắn hoặc một lỗi/);
  });

  test('a timer, message or error start is accepted in an event sub-process, not as the process start', async () => {
    for (const def of ['<bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition>', '<bpmn:messageEventDefinition messageRef="Msg" />', '<bpmn:errorEventDefinition />']) {
      expect(await supportErrors(procedure(eventSubProcess(def)))).toEqual([]);
    }
    const timerStart = procedure('').replace('<bpmn:startEvent id="Start" />', '<bpmn:startEvent id="Start"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:startEvent>');
    expect(await supportErrors(timerStart)).toEqual([['Start', expect.stringMatching(/use a none start event/)]]);
  });
});
