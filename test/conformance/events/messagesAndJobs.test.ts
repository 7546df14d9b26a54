import { createTestDatabase, type TestDatabase } from '../../support/testDatabase.js';
import { FixedClock } from '../../support/fixedClock.js';
import { engineFor, fixture, seedDepartments } from '../../support/engineHarness.js';
import { expectEveryDossierWaits } from '../../support/invariant.js';
import { upsertDepartment } from '../../../engine/store/departments/departmentRows.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../../engine/errors.js';
import type { OnestopEngine } from '../../../engine/onestopEngine.js';

// Receive tasks, message catch and boundary events, event-based gateways and
// external jobs, walked through the engine on a real PostgreSQL.

let db: TestDatabase;
let clock: FixedClock;
let engine: OnestopEngine;
const applicant = { name: 'Phạm Thị Dung', idNumber: '001088000004' };
const HOUR = 3_600_000;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDepartments(db.pool);
  await upsertDepartment(db.pool, { code: 'THUE', name: 'Chi cục Thuế', agency: 'Thuế', calendarId: null });
  clock = new FixedClock('2026-03-02T09:00:00+07:00');
  engine = engineFor(db.pool, clock);
  for (const f of ['receive-task', 'message-catch', 'boundary-message-non-interrupting', 'event-based-gateway', 'external-job']) await engine.deploy(await fixture('bpmn', 'events', `${f}.bpmn`));
});

afterEach(() => expectEveryDossierWaits(db.pool));
afterAll(() => db.drop());

const open = async (code: string) => (await engine.getDossier(code)).openTasks.map((t) => t.elementId).sort();
const history = async (code: string) => (await engine.history(code)).map((e) => e.type);
async function complete(code: string, elementId: string, data: Record<string, unknown> = {}) {
  const task = (await engine.getDossier(code)).openTasks.find((t) => t.elementId === elementId);
  if (!task) throw new Error(`${elementId} is not open on ${code}`);
  return engine.completeTask(task.id, { actor: 'officer', data });
}

async function doJob(jobType: string, data: Record<string, unknown>) {
  const [job] = await engine.fetchJobs({ jobType, max: 1, lockSeconds: 60, worker: 'worker-1' });
  if (!job) throw new Error(`no ${jobType} job to fetch`);
  return { job, done: await engine.completeJob(job.id, { worker: 'worker-1', data }) };
}

test('a send job then a receive task with a reply deadline: the answer is validated, delivered once, and counted like a step', async () => {
  clock.set('2026-03-02T09:00:00+07:00');
  const d = await engine.submit('EV.RECEIVE', { applicant, data: {} });
  expect(d.tasks.map((t) => [t.elementId, t.department])).toEqual([['Send_Request', 'CONGAN_XA']]);
  // A job is not an officer's step: neither completed nor claimed as one.
  await expect(engine.completeTask(d.tasks[0].id, { actor: 'officer' })).rejects.toThrow(ConflictError);
  await expect(engine.claimTask(d.tasks[0].id, 'officer')).rejects.toThrow(/external job/);

  await doJob('consultation-request', {});
  // The reply is a leg of the police with its deadline: 2 working days.
  const reply = (await engine.getDossier(d.code)).openTasks.find((t) => t.elementId === 'Receive_Answer');
  expect(reply?.dueAt?.toISOString()).toBe(new Date('2026-03-04T09:00:00+07:00').toISOString());

  await expect(engine.deliverMessage({ name: 'police-answer', dossierCode: d.code, data: {}, actor: 'police' })).rejects.toThrow(ValidationError);
  await expect(engine.deliverMessage({ name: 'police-answer', dossierCode: d.code, data: { residenceConfirmed: true }, actor: 'x', actingFor: 'TUPHAP_XA' })).rejects.toThrow(ForbiddenError);
  await expect(engine.deliverMessage({ name: 'other-name', dossierCode: d.code, actor: 'police' })).rejects.toThrow(NotFoundError);

  clock.advance(HOUR);
  const r = await engine.deliverMessage({ name: 'police-answer', dossierCode: d.code, data: { residenceConfirmed: true }, actor: 'police', actingFor: 'CONGAN_XA' });
  expect(r.triggered).toEqual(['Receive_Answer']);
  expect(r.tasks.map((t) => t.elementId)).toEqual(['Task_Decide']);
  expect(await open(d.code)).toEqual(['Task_Decide']);
  // Never twice for one wait.
  await expect(engine.deliverMessage({ name: 'police-answer', dossierCode: d.code, data: { residenceConfirmed: true }, actor: 'police' })).rejects.toThrow(NotFoundError);
  const slip = await engine.controlSlip(d.code);
  expect(JSON.stringify(slip)).toContain('Police answer');
  expect((await engine.getDossier(d.code)).data).toMatchObject({ residenceConfirmed: true });

  await complete(d.code, 'Task_Decide');
  expect((await engine.getDossier(d.code)).status.name).toBe('resolved');
});

test('an intermediate message catch waits after a step; a boundary message withdraws the step', async () => {
  const a = await engine.submit('EV.CATCH', { applicant, data: {} });
  await complete(a.code, 'Task_Notice');
  expect(await open(a.code)).toEqual([]);
  const paid = await engine.deliverMessage({ name: 'tax-paid', dossierCode: a.code, actor: 'desk' });
  expect(paid.triggered).toEqual(['Catch_Paid']);
  expect((await engine.getDossier(a.code)).status.name).toBe('resolved');

  const b = await engine.submit('EV.CATCH', { applicant, data: {} });
  const stop = await engine.deliverMessage({ name: 'court-stop', dossierCode: b.code, actor: 'desk' });
  expect(stop.triggered).toEqual(['Msg_Stop']);
  expect(await open(b.code)).toEqual(['Task_Stop']);
  expect(await history(b.code)).toContain('task.cancelled');
  await expect(engine.deliverMessage({ name: 'tax-paid', dossierCode: b.code, actor: 'desk' })).rejects.toThrow(NotFoundError);
  // An interrupting boundary message fires once: its step is gone, so is the wait.
  await expect(engine.deliverMessage({ name: 'court-stop', dossierCode: b.code, actor: 'desk' })).rejects.toThrow(NotFoundError);
  expect(await open(b.code)).toEqual(['Task_Stop']);
});

test('a non-interrupting boundary message fires once per delivery while its step is open; each delivery takes the path once', async () => {
  const d = await engine.submit('EV.COMPLAINT', { applicant, data: {} });
  const first = await engine.deliverMessage({ name: 'complaint-forwarded', dossierCode: d.code, actor: 'desk', actingFor: 'MOTCUA_XA' });
  expect(first.triggered).toEqual(['Msg_Complaint_Received']);
  expect(first.tasks.map((t) => t.elementId)).toEqual(['Task_Reply']);
  expect(await open(d.code)).toEqual(['Task_Check', 'Task_Reply']);
  // Still awaited after the first complaint: a second one is delivered too.
  const second = await engine.deliverMessage({ name: 'complaint-forwarded', dossierCode: d.code, actor: 'desk' });
  expect(second.triggered).toEqual(['Msg_Complaint_Received']);
  // bpmn-elements runs one execution of an activity at a time: the second
  // reply is routed once the first is done, never lost and never doubled.
  expect(await open(d.code)).toEqual(['Task_Check', 'Task_Reply']);
  await complete(d.code, 'Task_Reply');
  expect(await open(d.code)).toEqual(['Task_Check', 'Task_Reply']);
  await complete(d.code, 'Task_Reply');
  expect(await open(d.code)).toEqual(['Task_Check']);
  expect((await history(d.code)).filter((t) => t === 'message.received')).toHaveLength(2);
  // Once the step is done, the boundary event is no longer awaited.
  await complete(d.code, 'Task_Check');
  expect((await engine.getDossier(d.code)).status.name).toBe('resolved');
  await expect(engine.deliverMessage({ name: 'complaint-forwarded', dossierCode: d.code, actor: 'desk' })).rejects.toThrow(ConflictError);
});

test('an event-based gateway: the message wins and the timer is withdrawn, or the timer wins and the message is no longer awaited', async () => {
  clock.set('2026-03-02T09:00:00+07:00');
  const a = await engine.submit('EV.GATEWAY', { applicant, data: {} });
  await engine.deliverMessage({ name: 'land-office-answer', dossierCode: a.code, actor: 'tuphap', actingFor: 'TUPHAP_XA' });
  expect(await open(a.code)).toEqual(['Task_Decide']);
  clock.set('2026-03-20T09:00:00+07:00');
  expect(await engine.fireDueTimers()).toBe(0);
  expect(await open(a.code)).toEqual(['Task_Decide']);

  clock.set('2026-03-02T09:00:00+07:00');
  const b = await engine.submit('EV.GATEWAY', { applicant, data: {} });
  clock.set('2026-03-09T09:00:00+07:00');
  expect(await engine.fireDueTimers()).toBe(1);
  expect(await open(b.code)).toEqual(['Task_Remind']);
  await expect(engine.deliverMessage({ name: 'land-office-answer', dossierCode: b.code, actor: 'desk' })).rejects.toThrow(NotFoundError);
});

test('an external job: fetch and lock, lock expiry, data checked against its form, retries then an incident, retry by an administrator', async () => {
  clock.set('2026-03-02T09:00:00+07:00');
  const d = await engine.submit('EV.JOB', { applicant, data: {} });
  expect(d.tasks.map((t) => [t.elementId, t.department])).toEqual([['Job_Tax', 'THUE']]);

  const [job] = await engine.fetchJobs({ jobType: 'tax-notice', max: 5, lockSeconds: 60, worker: 'w1' });
  expect(job).toMatchObject({ elementId: 'Job_Tax', dossierCode: d.code, department: 'THUE' });
  expect(await engine.fetchJobs({ jobType: 'tax-notice', max: 5, lockSeconds: 60, worker: 'w2' })).toEqual([]);
  await expect(engine.completeJob(job.id, { worker: 'w2', data: { taxAmount: 1 } })).rejects.toThrow(ConflictError);
  // The lock expires: another worker takes it.
  clock.advance(61_000);
  const [again] = await engine.fetchJobs({ jobType: 'tax-notice', max: 5, lockSeconds: 60, worker: 'w2' });
  expect(again.id).toBe(job.id);
  await expect(engine.completeJob(job.id, { worker: 'w1', data: { taxAmount: 1 } })).rejects.toThrow(ConflictError);
  await expect(engine.completeJob(job.id, { worker: 'w2', data: { taxAmount: -1 } })).rejects.toThrow(ValidationError);

  // Fails with one retry left, then with none: an incident, and the job is not fetched.
  expect(await engine.failJob(job.id, { worker: 'w2', message: 'tax system down', retries: 1, retryInSeconds: 30 })).toEqual({ retries: 1, incidentId: null });
  expect(await engine.fetchJobs({ jobType: 'tax-notice', max: 5, lockSeconds: 60, worker: 'w2' })).toEqual([]);
  clock.advance(30_000);
  await engine.fetchJobs({ jobType: 'tax-notice', max: 5, lockSeconds: 60, worker: 'w2' });
  const failed = await engine.failJob(job.id, { worker: 'w2', message: 'tax system down', retries: 0 });
  expect(failed.incidentId).toEqual(expect.any(String));
  expect(await engine.fetchJobs({ jobType: 'tax-notice', max: 5, lockSeconds: 60, worker: 'w2' })).toEqual([]);
  const [incident] = await engine.incidents();
  expect(incident).toMatchObject({ dossierCode: d.code, kind: 'job-failed', elementId: 'Job_Tax', status: 'open' });
  expect((await engine.getDossier(d.code)).status.name).toBe('processing');

  await engine.retryIncident(incident.id, 'admin');
  expect(await engine.incidents()).toEqual([]);
  const { done } = await doJob('tax-notice', { taxAmount: 1_200_000 });
  expect(done.created.map((t) => t.elementId)).toEqual(['Task_Collect']);
  expect((await engine.getDossier(d.code)).data).toMatchObject({ taxAmount: 1_200_000 });
});
