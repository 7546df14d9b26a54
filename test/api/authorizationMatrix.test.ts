import type { Test } from 'supertest';
import { bearer, birthDossier, BIRTH_STEP_DATA, createKey, createTestbed, sample, type Testbed } from './support/apiTestbed.js';
import { asPerson, onboard, OWN_PASSWORD, signIn } from '../people/support/personSessions.js';
import { createDraft, publishDraft } from '../../engine/procedures/drafts.js';

// Every endpoint × every caller: each role, no token, a revoked token, and an
// officer of a department that has nothing to do with the dossier or task;
// each role again as a signed-in person (session cookie and CSRF token), a
// lead, and a session that has ended. Unlisted authenticated roles must get
// 403; no token, a revoked one and an ended session 401.

const KEYS = ['admin', 'analyst', 'desk', 'officer', 'otherOfficer', 'supervisor'] as const;
const PEOPLE = ['pAdmin', 'pAnalyst', 'pDesk', 'pOfficer', 'pOtherOfficer', 'pSupervisor', 'pLead'] as const;
const WHO = [...KEYS, ...PEOPLE, 'none', 'revoked', 'ended'] as const;
type Who = (typeof WHO)[number];
type Person = (typeof PEOPLE)[number];
/** A person answers as the key of the same role, unless the row says otherwise; a lead as an officer of its department. */
const AS_KEY: Record<Person, Who> = { pAdmin: 'admin', pAnalyst: 'analyst', pDesk: 'desk', pOfficer: 'officer', pOtherOfficer: 'otherOfficer', pSupervisor: 'supervisor', pLead: 'officer' };
const MEMBERSHIPS: Record<Person, Array<{ role: string; department?: string }>> = {
  pAdmin: [{ role: 'admin' }], pAnalyst: [{ role: 'analyst' }], pDesk: [{ role: 'desk' }], pOfficer: [{ role: 'officer', department: 'TUPHAP_XA' }],
  pOtherOfficer: [{ role: 'officer', department: 'CONGAN_XA' }], pSupervisor: [{ role: 'supervisor' }], pLead: [{ role: 'lead', department: 'TUPHAP_XA' }],
};
const isPerson = (who: Who): who is Person => (PEOPLE as readonly string[]).includes(who);
const username = (p: Person) => `matrix.${p.slice(1).toLowerCase()}`;

let tb: Testbed;
const tokens = {} as Record<Who, string | null>;
const credentials = {} as Record<Who, Record<string, string> | null>;
// The officer of TUPHAP_XA holds the first step of every fresh dossier; CONGAN_XA's does not.
const OFFICER_NAME = 'officer TUPHAP_XA';

// The matrix registers webhooks on a closed loopback port: allow it (destinations inside the network are refused by default).
process.env.WEBHOOK_ALLOW_HOSTS = '127.0.0.1:9';

beforeAll(async () => {
  // Every row calls the public routes once per caller: far more than a citizen may, so no rate limit here.
  tb = await createTestbed({ edges: { publicRateLimit: 100_000 } });
  tokens.admin = tb.admin;
  tokens.analyst = await createKey(tb, 'analyst');
  tokens.desk = await createKey(tb, 'desk');
  tokens.officer = await createKey(tb, 'officer', 'TUPHAP_XA', OFFICER_NAME);
  tokens.otherOfficer = await createKey(tb, 'officer', 'CONGAN_XA');
  tokens.supervisor = await createKey(tb, 'supervisor');
  tokens.none = null;
  tokens.revoked = await createKey(tb, 'desk', undefined, 'revoked desk');
  const keys = await tb.api.get('/api/keys').set(bearer(tb.admin)).expect(200);
  const revokedId = keys.body.items.find((k: { name: string }) => k.name === 'revoked desk').id;
  await tb.api.delete(`/api/keys/${revokedId}`).set(bearer(tb.admin)).expect(204);
  await tb.api.post('/api/procedures').set(bearer(tokens.analyst!)).set('Content-Type', 'application/xml').send(await sample('birth-residence-insurance.bpmn')).expect(201);
  for (const who of WHO) credentials[who] = tokens[who] ? bearer(tokens[who]!) : null;
  for (const p of PEOPLE) credentials[p] = asPerson(await onboard(tb, username(p), MEMBERSHIPS[p]));
  const ended = await signIn(tb, username('pDesk'), OWN_PASSWORD);
  await tb.api.delete('/api/session').set(asPerson(ended)).expect(204);
  credentials.ended = asPerson(ended);
});
afterAll(() => tb.close());

// ── Fixtures, made with the engine directly: they are not what is tested here. ──
// A small real PDF for the document rows, and a parser that keeps a binary answer's bytes.
const MATRIX_PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const bytes = (res: any, done: (e: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};
async function dossierWithPaper() {
  const d = await dossier();
  const up = await tb.api.post(`/api/dossiers/${d.code}/documents`).set(bearer(tokens.desk!)).field('documentCode', 'TO_KHAI_KHAI_SINH').attach('file', MATRIX_PDF, 'to-khai.pdf').expect(201);
  return { ...d, documentId: up.body.id as string };
}

async function dossier() {
  const { procedureCode, ...input } = birthDossier();
  const r = await tb.engine.submit(procedureCode, { ...input, channel: 'direct', actor: 'fixture' });
  return { code: r.code, taskId: r.tasks[0].id };
}
/** Filed online for the desk to check (status 1). */
async function filedDossier() {
  const { procedureCode, ...input } = birthDossier();
  return { code: (await tb.engine.submit(procedureCode, { ...input, channel: 'online', check: true, actor: 'fixture' })).code };
}
async function resolvedDossier() {
  const d = await dossier();
  const next = await tb.engine.completeTask(d.taskId, { actor: 'fixture', data: BIRTH_STEP_DATA.Task_RegisterBirth });
  for (const t of next.openTasks) await tb.engine.completeTask(t.id, { actor: 'fixture', data: BIRTH_STEP_DATA[t.elementId as keyof typeof BIRTH_STEP_DATA] });
  return d;
}
async function pausedDossier() {
  const d = await dossier();
  await tb.engine.requestSupplement(d.code, { actor: 'fixture', department: null, reason: 'ảnh mờ', items: ['Giấy chứng sinh bản rõ'] });
  return d;
}
async function claimedTask() {
  const d = await dossier();
  await tb.engine.claimTask(d.taskId, OFFICER_NAME);
  return d;
}
let deptSeq = 0;
let personSeq = 0;

/** A draft of the birth procedure written by someone else than every caller. */
async function draft(): Promise<Record<string, string>> {
  const xml = await sample('birth-residence-insurance.bpmn');
  return { id: (await createDraft(tb.engine.context, xml, { actor: 'fixture' })).id, xml };
}

/** A draft the fixture sent for approval (the setting on only for that). */
async function awaitingDraft(): Promise<Record<string, string>> {
  const made = await draft();
  process.env.PUBLISH_REQUIRES_APPROVAL = '1';
  try {
    await publishDraft(tb.engine.context, made.id, { actor: 'fixture' });
  } finally {
    delete process.env.PUBLISH_REQUIRES_APPROVAL;
  }
  return made;
}

/** A second version of the birth procedure, for its diff with the first. */
async function secondVersion(): Promise<Record<string, string>> {
  const xml = (await sample('birth-residence-insurance.bpmn')).replace(/(<bpmn:userTask id="Task_RegisterBirth"[^>]*?)onestop:deadline="[^"]*"/, '$1onestop:deadline="P2D"');
  return { version: String((await tb.engine.deploy(xml, 'fixture')).version) };
}

interface Row {
  name: string;
  /** Expected status for the roles allowed; others: 403 (authenticated) or 401. */
  allow: Partial<Record<Who, number>>;
  publicRoute?: boolean;
  /** The answer of a public route (200 by default). */
  publicStatus?: number;
  /** A person calls with a session of its own (the call ends it). */
  freshSession?: boolean;
  /** Prepared before each call (a state change can be made once). */
  prepare?: () => Promise<Record<string, string>>;
  call(f: Record<string, string>): Test;
}

const api = () => tb.api;
const ROWS: Row[] = [
  { name: 'POST /api/keys', allow: { admin: 201 }, call: () => api().post('/api/keys').send({ name: 'k', role: 'supervisor' }) },
  { name: 'GET /api/keys', allow: { admin: 200 }, call: () => api().get('/api/keys') },
  {
    name: 'DELETE /api/keys/{id}', allow: { admin: 204 },
    prepare: async () => ({ id: (await api().post('/api/keys').set(bearer(tb.admin)).send({ name: 'to revoke', role: 'analyst' }).expect(201)).body.id }),
    call: (f) => api().delete(`/api/keys/${f.id}`),
  },
  { name: 'GET /api/departments', allow: { admin: 200, analyst: 200, desk: 200, officer: 200, otherOfficer: 200, supervisor: 200 }, call: () => api().get('/api/departments') },
  { name: 'POST /api/departments', allow: { admin: 201 }, call: () => api().post('/api/departments').send({ code: `NEW_${++deptSeq}`, name: 'Phòng mới', agency: 'UBND xã' }) },
  { name: 'PUT /api/departments/{code}/webhook', allow: { admin: 200 }, call: () => api().put('/api/departments/BHXH/webhook').send({ url: 'http://127.0.0.1:9/hook', secret: 'a-secret-of-16-chars' }) },
  {
    name: 'DELETE /api/departments/{code}/webhook', allow: { admin: 204 },
    prepare: async () => {
      await api().put('/api/departments/VPDKDD/webhook').set(bearer(tb.admin)).send({ url: 'http://127.0.0.1:9/hook', secret: 'a-secret-of-16-chars' }).expect(200);
      return {};
    },
    call: () => api().delete('/api/departments/VPDKDD/webhook'),
  },
  { name: 'GET /api/webhook-deliveries', allow: { admin: 200 }, call: () => api().get('/api/webhook-deliveries') },
  { name: 'GET /api/notices/templates', allow: { admin: 200 }, call: () => api().get('/api/notices/templates') },
  { name: 'PUT /api/notices/templates/{kind}', allow: { admin: 200 }, call: () => api().put('/api/notices/templates/received').send({ subject: 'Đã tiếp nhận hồ sơ {ma_ho_so}', body: 'Hẹn trả: {ngay_hen_tra}' }) },
  { name: 'DELETE /api/notices/templates/{kind}', allow: { admin: 200 }, call: () => api().delete('/api/notices/templates/received') },
  { name: 'GET /api/notices/deliveries', allow: { admin: 200 }, call: () => api().get('/api/notices/deliveries') },
  {
    name: 'POST /api/procedures', allow: { analyst: 200 },
    prepare: async () => ({ xml: await sample('birth-residence-insurance.bpmn') }),
    call: (f) => api().post('/api/procedures').set('Content-Type', 'application/xml').send(f.xml),
  },
  { name: 'GET /api/procedures', allow: { admin: 200, analyst: 200, desk: 200, officer: 200, otherOfficer: 200, supervisor: 200 }, call: () => api().get('/api/procedures') },
  { name: 'GET /api/procedure-drafts', allow: { admin: 200, analyst: 200 }, call: () => api().get('/api/procedure-drafts') },
  {
    name: 'POST /api/procedure-drafts', allow: { analyst: 201 },
    prepare: async () => ({ xml: await sample('birth-residence-insurance.bpmn') }),
    call: (f) => api().post('/api/procedure-drafts').set('Content-Type', 'application/xml').send(f.xml),
  },
  { name: 'GET /api/procedure-drafts/{id}', allow: { admin: 200, analyst: 200 }, prepare: draft, call: (f) => api().get(`/api/procedure-drafts/${f.id}`) },
  { name: 'PUT /api/procedure-drafts/{id}', allow: { analyst: 200 }, prepare: draft, call: (f) => api().put(`/api/procedure-drafts/${f.id}`).set('Content-Type', 'application/xml').send(f.xml) },
  { name: 'GET /api/procedure-drafts/{id}/bpmn', allow: { admin: 200, analyst: 200 }, prepare: draft, call: (f) => api().get(`/api/procedure-drafts/${f.id}/bpmn`) },
  { name: 'POST /api/procedure-drafts/{id}/publish', allow: { analyst: 201 }, prepare: draft, call: (f) => api().post(`/api/procedure-drafts/${f.id}/publish`).send({}) },
  { name: 'POST /api/procedure-drafts/{id}/approve', allow: { analyst: 201 }, prepare: awaitingDraft, call: (f) => api().post(`/api/procedure-drafts/${f.id}/approve`) },
  {
    name: 'GET /api/procedures/{code}/diff', allow: { admin: 200, analyst: 200, desk: 200, officer: 200, otherOfficer: 200, supervisor: 200 },
    prepare: secondVersion, call: (f) => api().get(`/api/procedures/2.002621/diff?from=1&to=${f.version}`),
  },
  { name: 'GET /api/procedures/{code}', allow: { admin: 200, analyst: 200, desk: 200, officer: 200, otherOfficer: 200, supervisor: 200 }, call: () => api().get('/api/procedures/2.002621') },
  { name: 'GET /api/procedures/{code}/versions/{version}/bpmn', allow: { admin: 200, analyst: 200, desk: 200, officer: 200, otherOfficer: 200, supervisor: 200 }, call: () => api().get('/api/procedures/2.002621/versions/1/bpmn') },
  { name: 'POST /api/dossiers', allow: { desk: 201 }, call: () => api().post('/api/dossiers').send(birthDossier()) },
  { name: 'GET /api/dossiers', allow: { desk: 200, supervisor: 200 }, call: () => api().get('/api/dossiers?overdue=false') },
  { name: 'GET /api/dossiers/{code}', allow: { desk: 200, supervisor: 200, officer: 200 }, prepare: dossier, call: (f) => api().get(`/api/dossiers/${f.code}`) },
  { name: 'GET /api/dossiers/{code}/history', allow: { desk: 200, supervisor: 200, officer: 200 }, prepare: dossier, call: (f) => api().get(`/api/dossiers/${f.code}/history`) },
  { name: 'GET /api/dossiers/{code}/control-slip', allow: { desk: 200, supervisor: 200, officer: 200 }, prepare: dossier, call: (f) => api().get(`/api/dossiers/${f.code}/control-slip`) },
  { name: 'GET /api/dossiers/{code}/forms/{form}', allow: { desk: 200, supervisor: 200, officer: 200 }, prepare: dossier, call: (f) => api().get(`/api/dossiers/${f.code}/forms/06`) },
  {
    name: 'POST /api/dossiers/{code}/supplement-request', allow: { desk: 200, officer: 200 }, prepare: dossier,
    call: (f) => api().post(`/api/dossiers/${f.code}/supplement-request`).send({ reason: 'Giấy chứng sinh không rõ', items: ['Giấy chứng sinh bản chính'] }),
  },
  { name: 'POST /api/dossiers/{code}/supplement', allow: { desk: 200 }, prepare: pausedDossier, call: (f) => api().post(`/api/dossiers/${f.code}/supplement`).send({ data: { childHometown: 'Hà Nội' } }) },
  {
    name: 'POST /api/dossiers/{code}/apology', allow: { desk: 200 }, prepare: dossier,
    call: (f) => api().post(`/api/dossiers/${f.code}/apology`).send({ reason: 'Chờ xác minh', responsibleDepartment: 'CONGAN_XA', newDueAt: '2026-03-10T09:00:00+07:00' }),
  },
  { name: 'POST /api/dossiers/{code}/return', allow: { desk: 200 }, prepare: resolvedDossier, call: (f) => api().post(`/api/dossiers/${f.code}/return`) },
  { name: 'POST /api/dossiers/{code}/accept', allow: { desk: 200 }, prepare: filedDossier, call: (f) => api().post(`/api/dossiers/${f.code}/accept`) },
  { name: 'POST /api/dossiers/{code}/refuse', allow: { desk: 200 }, prepare: filedDossier, call: (f) => api().post(`/api/dossiers/${f.code}/refuse`).send({ reasons: ['Thiếu giấy tờ'] }) },
  { name: 'POST /api/dossiers/{code}/stop', allow: { desk: 200 }, prepare: dossier, call: (f) => api().post(`/api/dossiers/${f.code}/stop`).send({ reason: 'Công dân đề nghị' }) },
  // The sample has no fee: the desk is let through and told the dossier is not awaiting one.
  { name: 'POST /api/dossiers/{code}/fees', allow: { desk: 409 }, prepare: dossier, call: (f) => api().post(`/api/dossiers/${f.code}/fees`).send({ amount: 1000, paidAt: '2026-03-02T08:00:00+07:00', online: false }) },
  { name: 'GET /api/dossiers/{code}/portal-sync', allow: { desk: 200, supervisor: 200 }, prepare: dossier, call: (f) => api().get(`/api/dossiers/${f.code}/portal-sync`) },
  { name: 'POST /api/dossiers/{code}/withdraw', allow: { desk: 200 }, prepare: dossier, call: (f) => api().post(`/api/dossiers/${f.code}/withdraw`).send({ reason: 'Công dân rút' }) },
  { name: 'GET /api/tasks', allow: { desk: 200, supervisor: 200, officer: 200, otherOfficer: 200 }, call: () => api().get('/api/tasks') },
  { name: 'GET /api/tasks?department=TUPHAP_XA', allow: { desk: 200, supervisor: 200, officer: 200 }, call: () => api().get('/api/tasks?department=TUPHAP_XA') },
  { name: 'GET /api/tasks/{id}', allow: { desk: 200, supervisor: 200, officer: 200 }, prepare: dossier, call: (f) => api().get(`/api/tasks/${f.taskId}`) },
  { name: 'POST /api/tasks/{id}/claim', allow: { officer: 200 }, prepare: dossier, call: (f) => api().post(`/api/tasks/${f.taskId}/claim`) },
  // Claimed by the officer key's name: a person of the department may not release it.
  { name: 'POST /api/tasks/{id}/unclaim', allow: { officer: 200, pOfficer: 409, pLead: 409 }, prepare: claimedTask, call: (f) => api().post(`/api/tasks/${f.taskId}/unclaim`) },
  { name: 'POST /api/tasks/{id}/complete', allow: { officer: 200 }, prepare: dossier, call: (f) => api().post(`/api/tasks/${f.taskId}/complete`).send({ data: BIRTH_STEP_DATA.Task_RegisterBirth }) },
  { name: 'GET /api/breaches', allow: { supervisor: 200, officer: 200, otherOfficer: 200 }, call: () => api().get('/api/breaches?open=true') },
  { name: 'GET /api/breaches?department=TUPHAP_XA', allow: { supervisor: 200, officer: 200 }, call: () => api().get('/api/breaches?department=TUPHAP_XA') },
  { name: 'GET /api/reports/form06', allow: { supervisor: 200 }, call: () => api().get('/api/reports/form06?groupBy=department') },
  { name: 'GET /api/reports/form06 (CSV)', allow: { supervisor: 200 }, call: () => api().get('/api/reports/form06').set('Accept', 'text/csv') },
  // The browser workspace's reads (api/routes/workspaceRoutes.ts).
  { name: 'GET /api/me', allow: { admin: 200, analyst: 200, desk: 200, officer: 200, otherOfficer: 200, supervisor: 200 }, call: () => api().get('/api/me') },
  { name: 'GET /api/inbox', allow: { officer: 200, otherOfficer: 200, supervisor: 200 }, call: () => api().get('/api/inbox') },
  { name: 'GET /api/inbox?department=TUPHAP_XA', allow: { officer: 200, supervisor: 200 }, call: () => api().get('/api/inbox?department=TUPHAP_XA') },
  { name: 'GET /api/supervision/open-breaches', allow: { supervisor: 200 }, call: () => api().get('/api/supervision/open-breaches') },
  { name: 'GET /api/supervision/at-risk', allow: { supervisor: 200, desk: 200 }, call: () => api().get('/api/supervision/at-risk') },
  { name: 'GET /api/reports/ii06a', allow: { supervisor: 200 }, call: () => api().get('/api/reports/ii06a?groupBy=field') },
  { name: 'GET /api/reports/ii06a (XLSX)', allow: { supervisor: 200 }, call: () => api().get('/api/reports/ii06a').set('Accept', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') },
  { name: 'GET /api/reports/service-index', allow: { supervisor: 200 }, call: () => api().get('/api/reports/service-index') },
  { name: 'GET /api/reports/form06/dossiers', allow: { supervisor: 200 }, call: () => api().get('/api/reports/form06/dossiers?column=resolvedLate') },
  { name: 'GET /api/procedures/{code}/versions/{version}/heatmap', allow: { supervisor: 200, analyst: 200 }, call: () => api().get('/api/procedures/2.002621/versions/1/heatmap') },
  { name: 'GET /api/dossiers/{code}/progress', allow: { desk: 200, supervisor: 200, officer: 200 }, prepare: dossier, call: (f) => api().get(`/api/dossiers/${f.code}/progress`) },
  { name: 'GET /api/calendars', allow: { admin: 200, analyst: 200, desk: 200, officer: 200, otherOfficer: 200, supervisor: 200 }, call: () => api().get('/api/calendars') },
  { name: 'GET /api/rules', allow: { admin: 200, analyst: 200, desk: 200, officer: 200, otherOfficer: 200, supervisor: 200 }, call: () => api().get('/api/rules') },
  {
    name: 'POST /api/rules', allow: { admin: 201 },
    call: () => api().post('/api/rules').send({ id: `holiday-test-${Math.random().toString(36).slice(2, 10)}`, kind: 'holiday', body: { id: 'test', name: 'Ngày thử', calendar: 'solar', month: 3, day: 3, validFrom: '2031-01-01' }, validFrom: '2031-01-01T00:00:00+07:00', validTo: null }),
  },
  { name: 'PUT /api/calendars/{id}/day-swaps/{date}', allow: { admin: 200 }, call: () => api().put('/api/calendars/vn-default/day-swaps/2031-06-02').send({ kind: 'off', reason: 'Nghỉ bù' }) },
  {
    name: 'DELETE /api/calendars/{id}/day-swaps/{date}', allow: { admin: 204 },
    prepare: async () => {
      await api().put('/api/calendars/vn-default/day-swaps/2031-06-03').set(bearer(tb.admin)).send({ kind: 'off' }).expect(200);
      return {};
    },
    call: () => api().delete('/api/calendars/vn-default/day-swaps/2031-06-03'),
  },
  // Waiting elements (issue 10): nothing of the sample waits for a message, a job or an incident, so the allowed callers get 404 or an empty list.
  { name: 'POST /api/messages', allow: { admin: 404, desk: 404, officer: 404, otherOfficer: 404 }, prepare: dossier, call: (f) => api().post('/api/messages').send({ name: 'nothing-awaited', dossierCode: f.code }) },
  { name: 'POST /api/jobs/fetch-and-lock', allow: { admin: 200, officer: 200, otherOfficer: 200 }, call: () => api().post('/api/jobs/fetch-and-lock').send({ jobType: 'tax-notice', max: 1, lockSeconds: 30 }) },
  { name: 'POST /api/jobs/{id}/complete', allow: { admin: 404, officer: 404, otherOfficer: 404 }, call: () => api().post('/api/jobs/00000000-0000-4000-8000-000000000000/complete').send({}) },
  { name: 'POST /api/jobs/{id}/fail', allow: { admin: 404, officer: 404, otherOfficer: 404 }, call: () => api().post('/api/jobs/00000000-0000-4000-8000-000000000000/fail').send({ message: 'down', retries: 0 }) },
  { name: 'GET /api/incidents', allow: { admin: 200, supervisor: 200 }, call: () => api().get('/api/incidents') },
  { name: 'POST /api/incidents/{id}/retry', allow: { admin: 404 }, call: () => api().post('/api/incidents/999999/retry') },
  // People, sessions and the audit log (issue 13).
  { name: 'POST /api/session', publicRoute: true, allow: {}, call: () => api().post('/api/session').send({ username: username('pDesk'), password: OWN_PASSWORD }) },
  { name: 'DELETE /api/session', freshSession: true, allow: Object.fromEntries(PEOPLE.map((p) => [p, 204])), call: () => api().delete('/api/session') },
  {
    name: 'POST /api/session/password', allow: Object.fromEntries(PEOPLE.map((p) => [p, 422])),
    call: () => api().post('/api/session/password').send({ currentPassword: 'not-the-password', newPassword: 'Another-long-pass-99' }),
  },
  { name: 'GET /api/session/sso', publicRoute: true, allow: {}, call: () => api().get('/api/session/sso') },
  { name: 'GET /api/session/oidc/start', publicRoute: true, publicStatus: 404, allow: {}, call: () => api().get('/api/session/oidc/start') },
  { name: 'GET /api/session/oidc/callback', publicRoute: true, publicStatus: 404, allow: {}, call: () => api().get('/api/session/oidc/callback?code=x&state=y') },
  { name: 'POST /api/people', allow: { admin: 201, pAdmin: 201 }, call: () => api().post('/api/people').send({ username: `matrix.new${++personSeq}`, fullName: 'Người mới', memberships: [{ role: 'desk' }] }) },
  { name: 'GET /api/people', allow: { admin: 200, pAdmin: 200 }, call: () => api().get('/api/people') },
  {
    name: 'PATCH /api/people/{id}', allow: { admin: 200, pAdmin: 200 },
    prepare: async () => ({ id: (await api().post('/api/people').set(bearer(tb.admin)).send({ username: `matrix.edit${++personSeq}`, fullName: 'Sửa', memberships: [{ role: 'desk' }] }).expect(201)).body.id }),
    call: (f) => api().patch(`/api/people/${f.id}`).send({ fullName: 'Đã sửa' }),
  },
  {
    name: 'POST /api/people/import', allow: { admin: 200, pAdmin: 200 },
    call: () => api().post('/api/people/import?dryRun=true').send({ csv: 'username,fullName,role,department\nmatrix.csv,CSV,officer,TUPHAP_XA' }),
  },
  {
    name: 'POST /api/tasks/{id}/assign', allow: { officer: 403, pOfficer: 403, pLead: 200 }, prepare: dossier,
    call: (f) => api().post(`/api/tasks/${f.taskId}/assign`).send({ username: username('pOfficer') }),
  },
  { name: 'GET /api/audit', allow: { admin: 200, pAdmin: 200 }, call: () => api().get('/api/audit?action=session.') },
  // Dossier documents (issue 12): the sample's dossiers hold papers; the officer of the first step reads them, another department's does not.
  {
    name: 'POST /api/dossiers/{code}/documents', allow: { desk: 201, officer: 201 }, prepare: dossier,
    call: (f) => api().post(`/api/dossiers/${f.code}/documents`).field('documentCode', 'TO_KHAI_KHAI_SINH').attach('file', MATRIX_PDF, 'to-khai.pdf'),
  },
  { name: 'GET /api/dossiers/{code}/documents', allow: { desk: 200, supervisor: 200, officer: 200 }, prepare: dossier, call: (f) => api().get(`/api/dossiers/${f.code}/documents`) },
  { name: 'GET /api/documents/{id}/content', allow: { desk: 200, supervisor: 200, officer: 200 }, prepare: dossierWithPaper, call: (f) => api().get(`/api/documents/${f.documentId}/content`).buffer(true).parse(bytes) },
  {
    name: 'POST /api/tasks/{id}/documents', allow: { officer: 201 }, prepare: dossier,
    call: (f) => api().post(`/api/tasks/${f.taskId}/documents`).field('documentCode', 'GIAY_KHAI_SINH').field('name', 'Giấy khai sinh điện tử').attach('file', MATRIX_PDF, 'giay-khai-sinh.pdf'),
  },
  { name: 'GET /api/public/dossiers/{code}/result', publicRoute: true, publicStatus: 403, allow: {}, prepare: dossier, call: (f) => api().get(`/api/public/dossiers/${f.code}/result`) },
  { name: 'GET /api/public/dossiers/{code}/result/{id}', publicRoute: true, publicStatus: 403, allow: {}, prepare: dossierWithPaper, call: (f) => api().get(`/api/public/dossiers/${f.code}/result/${f.documentId}?secret=AAAA-BBBB-CCCC`) },
  { name: 'GET /api/reports/digitisation', allow: { supervisor: 200 }, call: () => api().get('/api/reports/digitisation?groupBy=department') },
  { name: 'GET /api/public/dossiers/{code}', publicRoute: true, allow: {}, prepare: dossier, call: (f) => api().get(`/api/public/dossiers/${f.code}`) },
  { name: 'GET /api/openapi.json', publicRoute: true, allow: {}, call: () => api().get('/api/openapi.json') },
  { name: 'GET /api/docs', publicRoute: true, allow: {}, call: () => api().get('/api/docs') },
  { name: 'GET /health', publicRoute: true, allow: {}, call: () => api().get('/health') },
];

function expected(row: Row, who: Who): number {
  if (row.publicRoute) return row.publicStatus ?? 200;
  if (who === 'none' || who === 'revoked' || who === 'ended') return 401;
  if (isPerson(who)) return row.allow[who] ?? row.allow[AS_KEY[who]] ?? 403;
  return row.allow[who] ?? 403;
}

test.each(ROWS.map((r) => [r.name, r] as const))('%s', async (_name, row) => {
  // Refusals first: they must change nothing, so one fixture serves them all.
  const order = [...WHO].sort((a, b) => Number(expected(row, a) < 300) - Number(expected(row, b) < 300));
  const shared = row.prepare ? await row.prepare() : {};
  const outcome: Partial<Record<Who, number>> = {};
  for (const who of order) {
    const allowed = expected(row, who) < 300;
    const f = allowed && row.prepare && !row.publicRoute ? await row.prepare() : shared;
    const req = row.call(f);
    const creds = row.freshSession && isPerson(who) ? asPerson(await signIn(tb, username(who), OWN_PASSWORD)) : credentials[who];
    if (creds) req.set(creds);
    const res = await req;
    outcome[who] = res.status;
  }
  expect(outcome).toEqual(Object.fromEntries(WHO.map((w) => [w, expected(row, w)])));
});

test('the matrix covers every operation of the document', async () => {
  const doc = (await tb.api.get('/api/openapi.json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
  const covered = new Set(ROWS.map((r) => r.name.split(/\?| \(/)[0]));
  expect(operations.filter((o) => !covered.has(o))).toEqual([]);
});

test('a refusal says why', async () => {
  const noToken = await tb.api.get('/api/tasks').expect(401);
  expect(noToken.headers['www-authenticate']).toMatch(/^Bearer/);
  expect(noToken.body.detail).toBe('this endpoint needs an API key: send "Authorization: Bearer <token>"');
  const revoked = await tb.api.get('/api/tasks').set(bearer(tokens.revoked!)).expect(401);
  expect(revoked.body.detail).toMatch(/^this API key \("revoked desk"\) was revoked at /);
  const wrongRole = await tb.api.get('/api/reports/form06').set(bearer(tokens.desk!)).expect(403);
  expect(wrongRole.body.detail).toBe('statistics report (Biểu II.06a, older path) needs the role supervisor; this key ("desk") is a desk key');
  const { taskId } = await dossier();
  const otherDepartment = await tb.api.post(`/api/tasks/${taskId}/complete`).set(bearer(tokens.otherOfficer!)).send({ data: {} }).expect(403);
  expect(otherDepartment.body.detail).toBe(`task ${taskId} is routed to department TUPHAP_XA; this key acts for CONGAN_XA`);
  const garbage = await tb.api.get('/api/tasks').set('Authorization', 'Basic abc').expect(401);
  expect(garbage.body.detail).toMatch(/Bearer/);
});
