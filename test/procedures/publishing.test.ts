// Procedures go live deliberately, through the API: a draft (even one that
// does not parse) is saved and linted, publishing refuses a broken draft with
// its problems, a version published to take effect later leaves the dossiers
// received before it on the previous version, a second analyst approves when
// the setting asks for it, and the diff of two versions names what changed.

import { birthDossier, bearer, createKey, createTestbed, PROCESSES, sample, type Testbed } from '../api/support/apiTestbed.js';
import { expectEveryDossierWaits } from '../support/invariant.js';

const BIRTH = '2.002621';
const HOUR = 3_600_000;

let tb: Testbed;
let author: string;
let reviewer: string;
let desk: string;
let v1Xml: string;

beforeAll(async () => {
  tb = await createTestbed();
  const report = await tb.engine.loadProcessesFolder(PROCESSES);
  expect(report.refused).toEqual([]);
  [author, reviewer, desk] = await Promise.all([
    createKey(tb, 'analyst', undefined, 'Chuyên viên Lan'),
    createKey(tb, 'analyst', undefined, 'Chuyên viên Minh'),
    createKey(tb, 'desk', undefined, 'Một cửa'),
  ]);
  v1Xml = await sample('birth-residence-insurance.bpmn');
});

afterAll(async () => {
  delete process.env.PUBLISH_REQUIRES_APPROVAL;
  await tb?.close();
});

/** The birth procedure with its registration step moved to the police and given two working days. */
const edited = (xml: string) => xml.replace(/(<bpmn:userTask id="Task_RegisterBirth"[^>]*?)onestop:deadline="[^"]*"/, '$1onestop:deadline="P2D"');

const saveDraft = (xml: string, key = author) => tb.api.post('/api/procedure-drafts?basedOnVersion=1').set(bearer(key)).set('Content-Type', 'application/xml').send(xml);

async function receive(receivedAt?: Date): Promise<{ code: string; version: number }> {
  const res = await tb.api.post('/api/dossiers').set(bearer(desk)).send({ ...birthDossier(), ...(receivedAt ? { receivedAt: receivedAt.toISOString() } : {}) }).expect(201);
  return { code: res.body.code, version: res.body.version };
}

test('a draft that does not parse is saved with its problems but cannot be published (422 with the problems)', async () => {
  const res = await saveDraft('<bpmn:definitions  this is not xml').expect(201);
  expect(res.body).toMatchObject({ status: 'draft', procedureCode: null, createdBy: 'Chuyên viên Lan', link: `/designer/?ban-nhap=${res.body.id}` });
  expect(res.body.problems.some((p: { severity: string }) => p.severity === 'error')).toBe(true);

  const refused = await tb.api.post(`/api/procedure-drafts/${res.body.id}/publish`).set(bearer(author)).send({}).expect(422);
  expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(refused.body.errors.length).toBeGreaterThan(0);
  expect((await tb.api.get(`/api/procedures/${BIRTH}`).set(bearer(author)).expect(200)).body.latestVersion).toBe(1);
});

test('a draft is listed, read back as drawn, and receives no dossier', async () => {
  const draft = (await saveDraft(edited(v1Xml)).expect(201)).body;
  expect(draft).toMatchObject({ procedureCode: BIRTH, basedOnVersion: 1, status: 'draft' });
  expect(draft.problems.filter((p: { severity: string }) => p.severity === 'error')).toEqual([]);
  const list = (await tb.api.get(`/api/procedure-drafts?procedureCode=${BIRTH}`).set(bearer(reviewer)).expect(200)).body;
  expect(list.items.map((d: { id: string }) => d.id)).toContain(draft.id);
  const xml = await tb.api.get(`/api/procedure-drafts/${draft.id}/bpmn`).set(bearer(reviewer)).expect(200);
  expect(xml.text).toBe(edited(v1Xml));
  expect((await receive()).version).toBe(1);
  // Not for the desk.
  await tb.api.get(`/api/procedure-drafts/${draft.id}`).set(bearer(desk)).expect(403);
});

test('published with an effective time tomorrow: dossiers received before it keep version 1, after it get version 2', async () => {
  const draft = (await saveDraft(edited(v1Xml)).expect(201)).body;
  const past = new Date(tb.clock.now().getTime() - 2 * HOUR);
  const late = await tb.api.post(`/api/procedure-drafts/${draft.id}/publish`).set(bearer(author)).send({ effectiveAt: past.toISOString() }).expect(422);
  expect(late.body.detail).toMatch(/past/);

  const effectiveAt = new Date(tb.clock.now().getTime() + 24 * HOUR);
  const published = (await tb.api.post(`/api/procedure-drafts/${draft.id}/publish`).set(bearer(author)).send({ effectiveAt: effectiveAt.toISOString() }).expect(201)).body;
  expect(published.version).toMatchObject({ code: BIRTH, version: 2, created: true, effectiveAt: effectiveAt.toISOString() });
  expect(published.draft).toMatchObject({ status: 'published', publishedVersion: 2 });
  // A published draft is no longer a draft: not listed, not changed, not published again.
  const list = (await tb.api.get('/api/procedure-drafts').set(bearer(author)).expect(200)).body;
  expect(list.items.map((d: { id: string }) => d.id)).not.toContain(draft.id);
  await tb.api.put(`/api/procedure-drafts/${draft.id}`).set(bearer(author)).set('Content-Type', 'application/xml').send(v1Xml).expect(409);
  await tb.api.post(`/api/procedure-drafts/${draft.id}/publish`).set(bearer(author)).send({}).expect(409);

  expect((await receive()).version).toBe(1);
  expect((await tb.api.get(`/api/procedures/${BIRTH}`).set(bearer(desk)).expect(200)).body).toMatchObject({ latestVersion: 2, versionInForce: 1 });
  tb.clock.advance(25 * HOUR);
  expect((await tb.api.get(`/api/procedures/${BIRTH}`).set(bearer(desk)).expect(200)).body.versionInForce).toBe(2);
  const after = await receive();
  expect(after.version).toBe(2);
  // A paper dossier entered now, received before the effective time, keeps version 1.
  const before = await receive(new Date(effectiveAt.getTime() - 2 * HOUR));
  expect(before.version).toBe(1);

  const procedure = (await tb.api.get(`/api/procedures/${BIRTH}`).set(bearer(desk)).expect(200)).body;
  expect(procedure.versions[1]).toMatchObject({ version: 2, deployedBy: 'Chuyên viên Lan', effectiveAt: effectiveAt.toISOString(), approvedBy: null });
  await expectEveryDossierWaits(tb.db.pool);
});

test('the diff of versions 1 and 2 names the step whose deadline changed', async () => {
  const diff = (await tb.api.get(`/api/procedures/${BIRTH}/diff?from=1&to=2`).set(bearer(author)).expect(200)).body;
  expect(diff).toMatchObject({ code: BIRTH, from: 1, to: 2, same: false });
  expect(diff.deadlines).toEqual([expect.objectContaining({ id: 'Task_RegisterBirth', to: 'P2D' })]);
  expect(diff.elements.changed).toEqual([expect.objectContaining({ id: 'Task_RegisterBirth', aspects: ['deadline'] })]);
  await tb.api.get(`/api/procedures/${BIRTH}/diff?from=1&to=9`).set(bearer(author)).expect(404);
  await tb.api.get(`/api/procedures/${BIRTH}/diff?from=2&to=2`).set(bearer(author)).expect(400);
});

test('with approval required, a second analyst (not the author) approves; a change withdraws the request; direct deploy is closed', async () => {
  process.env.PUBLISH_REQUIRES_APPROVAL = '1';
  try {
    const v3 = v1Xml.replace(/(<bpmn:userTask id="Task_RegisterBirth"[^>]*?)onestop:deadline="[^"]*"/, '$1onestop:deadline="P3D"');
    const draft = (await saveDraft(v3).expect(201)).body;
    expect(draft.approvalRequired).toBe(true);
    const asked = await tb.api.post(`/api/procedure-drafts/${draft.id}/publish`).set(bearer(author)).send({}).expect(202);
    expect(asked.body).toMatchObject({ version: null, draft: { status: 'awaiting_approval', publishRequestedBy: 'Chuyên viên Lan' } });
    await tb.api.post(`/api/procedure-drafts/${draft.id}/publish`).set(bearer(author)).send({}).expect(409);
    // The author cannot approve their own draft.
    await tb.api.post(`/api/procedure-drafts/${draft.id}/approve`).set(bearer(author)).expect(403);
    expect((await receive()).version).toBe(2);

    // A change sends it back to a draft: the approver would approve something else.
    await tb.api.put(`/api/procedure-drafts/${draft.id}`).set(bearer(author)).set('Content-Type', 'application/xml').send(v3).expect(200);
    await tb.api.post(`/api/procedure-drafts/${draft.id}/approve`).set(bearer(reviewer)).expect(409);
    await tb.api.post(`/api/procedure-drafts/${draft.id}/publish`).set(bearer(author)).send({}).expect(202);

    const approved = (await tb.api.post(`/api/procedure-drafts/${draft.id}/approve`).set(bearer(reviewer)).expect(201)).body;
    expect(approved.version).toMatchObject({ version: 3, created: true });
    const procedure = (await tb.api.get(`/api/procedures/${BIRTH}`).set(bearer(author)).expect(200)).body;
    expect(procedure.versions[2]).toMatchObject({ version: 3, deployedBy: 'Chuyên viên Lan', approvedBy: 'Chuyên viên Minh' });
    expect((await receive()).version).toBe(3);

    const direct = await tb.api.post('/api/procedures').set(bearer(author)).set('Content-Type', 'application/xml').send(edited(v1Xml)).expect(409);
    expect(direct.body.detail).toMatch(/draft/);
  } finally {
    delete process.env.PUBLISH_REQUIRES_APPROVAL;
  }
});
