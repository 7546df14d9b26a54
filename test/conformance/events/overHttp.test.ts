import { bearer, createKey, createTestbed, type Testbed } from '../../api/support/apiTestbed.js';
import { fixture } from '../../support/engineHarness.js';
import { expectEveryDossierWaits } from '../../support/invariant.js';

// A consultation and an external job walked over HTTP only, every response
// checked against the OpenAPI document: messages, jobs, incidents.

let tb: Testbed;
let desk: string;
let police: string;
let tax: string;
let supervisor: string;
const applicant = { name: 'Hoàng Văn Em', idNumber: '001088000005' };

beforeAll(async () => {
  tb = await createTestbed();
  const analyst = await createKey(tb, 'analyst');
  for (const f of ['receive-task', 'external-job']) {
    await tb.api.post('/api/procedures').set(bearer(analyst)).set('Content-Type', 'application/xml').send(await fixture('bpmn', 'events', `${f}.bpmn`)).expect(201);
  }
  desk = await createKey(tb, 'desk');
  police = await createKey(tb, 'officer', 'CONGAN_XA');
  tax = await createKey(tb, 'officer', 'THUE');
  supervisor = await createKey(tb, 'supervisor');
});

afterEach(() => expectEveryDossierWaits(tb.db.pool));
afterAll(() => tb.close());

const submit = async (procedureCode: string) => (await tb.api.post('/api/dossiers').set(bearer(desk)).send({ procedureCode, applicant, data: {}, channel: 'direct' }).expect(201)).body as { code: string; tasks: Array<{ elementId: string }> };
const fetchJobs = (token: string, jobType: string) => tb.api.post('/api/jobs/fetch-and-lock').set(bearer(token)).send({ jobType, max: 10, lockSeconds: 60 });

test('a consultation: the police’s system takes the request job, the police answer by message, once', async () => {
  const d = await submit('EV.RECEIVE');
  expect(d.tasks.map((t) => t.elementId)).toEqual(['Send_Request']);
  // Another department's officer sees none of the police's jobs.
  expect((await fetchJobs(tax, 'consultation-request').expect(200)).body.items).toEqual([]);
  const [job] = (await fetchJobs(police, 'consultation-request').expect(200)).body.items;
  expect(job).toMatchObject({ dossierCode: d.code, elementId: 'Send_Request', department: 'CONGAN_XA' });
  await tb.api.post(`/api/jobs/${job.id}/complete`).set(bearer(police)).send({}).expect(200);
  const waiting = (await tb.api.get(`/api/dossiers/${d.code}`).set(bearer(desk)).expect(200)).body.waitingOn;
  expect(waiting.messages).toEqual([expect.objectContaining({ elementId: 'Receive_Answer', messageName: 'police-answer', department: 'CONGAN_XA', dueAt: new Date('2026-03-04T09:00:00+07:00').toISOString() })]);
  expect(waiting.jobs).toEqual([]);

  const bad = await tb.api.post('/api/messages').set(bearer(police)).send({ name: 'police-answer', dossierCode: d.code, data: { residenceConfirmed: 'yes' } }).expect(422);
  expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
  const res = await tb.api.post('/api/messages').set(bearer(police)).send({ name: 'police-answer', dossierCode: d.code, data: { residenceConfirmed: true } }).expect(200);
  expect(res.body).toMatchObject({ dossierCode: d.code, triggered: ['Receive_Answer'], tasks: [{ elementId: 'Task_Decide', department: 'TUPHAP_XA' }] });
  const again = await tb.api.post('/api/messages').set(bearer(desk)).send({ name: 'police-answer', dossierCode: d.code }).expect(404);
  expect(again.body.detail).toContain('does not wait for a message "police-answer"');
});

test('jobs and awaited replies are not an officer’s work: neither GET /api/tasks nor the workspace inbox lists them', async () => {
  const d = await submit('EV.RECEIVE');
  const tasksOf = async (path: string) => ((await tb.api.get(path).set(bearer(police)).expect(200)).body.items as Array<{ dossierCode: string; elementId: string }>).filter((t) => t.dossierCode === d.code);
  // The police's system has a job on the dossier; the police officers' lists stay empty.
  const [job] = (await fetchJobs(police, 'consultation-request').expect(200)).body.items.filter((j: { dossierCode: string }) => j.dossierCode === d.code);
  expect(job).toMatchObject({ elementId: 'Send_Request' });
  expect(await tasksOf('/api/tasks')).toEqual([]);
  expect(await tasksOf('/api/inbox')).toEqual([]);
  // The reply the police await, with its deadline, is a wait of the dossier, not a step in their inbox.
  await tb.api.post(`/api/jobs/${job.id}/complete`).set(bearer(police)).send({}).expect(200);
  expect(await tasksOf('/api/inbox')).toEqual([]);
  expect(await tasksOf(`/api/tasks?dossierCode=${encodeURIComponent(d.code)}`)).toEqual([]);
  const waiting = (await tb.api.get(`/api/dossiers/${d.code}`).set(bearer(desk)).expect(200)).body.waitingOn;
  expect(waiting.messages.map((m: { elementId: string }) => m.elementId)).toEqual(['Receive_Answer']);
  // The step that follows the answer is an officer's, and is listed.
  await tb.api.post('/api/messages').set(bearer(police)).send({ name: 'police-answer', dossierCode: d.code, data: { residenceConfirmed: true } }).expect(200);
  const justice = await createKey(tb, 'officer', 'TUPHAP_XA');
  const listed = ((await tb.api.get(`/api/tasks?dossierCode=${encodeURIComponent(d.code)}`).set(bearer(justice)).expect(200)).body.items as Array<{ elementId: string }>).map((t) => t.elementId);
  expect(listed).toEqual(['Task_Decide']);
});

test('an external job out of retries is an incident a supervisor sees and an administrator retries', async () => {
  const d = await submit('EV.JOB');
  const [job] = (await fetchJobs(tax, 'tax-notice').expect(200)).body.items;
  await tb.api.post(`/api/jobs/${job.id}/complete`).set(bearer(tax)).send({ data: { taxAmount: 'much' } }).expect(422);
  const failed = await tb.api.post(`/api/jobs/${job.id}/fail`).set(bearer(tax)).send({ message: 'tax system down', retries: 0 }).expect(200);
  expect(failed.body.incidentId).toEqual(expect.any(String));
  const waiting = (await tb.api.get(`/api/dossiers/${d.code}`).set(bearer(desk)).expect(200)).body.waitingOn;
  expect(waiting.jobs.map((j: { elementId: string }) => j.elementId)).toEqual(['Job_Tax']);
  expect(waiting.incidents).toEqual([expect.objectContaining({ kind: 'job-failed', elementId: 'Job_Tax' })]);
  await tb.api.post(`/api/jobs/${job.id}/complete`).set(bearer(tax)).send({ data: { taxAmount: 1 } }).expect(409);

  const list = await tb.api.get('/api/incidents').set(bearer(supervisor)).expect(200);
  expect(list.body.items).toEqual([expect.objectContaining({ dossierCode: d.code, kind: 'job-failed', elementId: 'Job_Tax', jobId: job.id, status: 'open' })]);
  await tb.api.post(`/api/incidents/${list.body.items[0].id}/retry`).set(bearer(supervisor)).expect(403);
  await tb.api.post(`/api/incidents/${list.body.items[0].id}/retry`).set(bearer(tb.admin)).expect(200);
  expect((await tb.api.get('/api/incidents').set(bearer(supervisor)).expect(200)).body.items).toEqual([]);

  const [again] = (await fetchJobs(tax, 'tax-notice').expect(200)).body.items;
  const done = await tb.api.post(`/api/jobs/${again.id}/complete`).set(bearer(tax)).send({ data: { taxAmount: 0 } }).expect(200);
  expect(done.body.status.name).toBe('resolved');
});
