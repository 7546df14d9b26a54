import { bearer, birthDossier, createKey, createTestbed, databaseFingerprint, sample, type Testbed } from './support/apiTestbed.js';
import { fixture } from '../support/engineHarness.js';

// Every refused request: a problem document (checked against the OpenAPI
// Problem schema by the harness) that says what is wrong, and not one byte
// changed in the database.

let tb: Testbed;
let desk: string;
let analyst: string;
let officer: string;
let code: string;
let taskId: string;

beforeAll(async () => {
  tb = await createTestbed();
  analyst = await createKey(tb, 'analyst');
  desk = await createKey(tb, 'desk');
  officer = await createKey(tb, 'officer', 'TUPHAP_XA');
  await tb.api.post('/api/procedures').set(bearer(analyst)).set('Content-Type', 'application/xml').send(await sample('birth-residence-insurance.bpmn')).expect(201);
  const submitted = await tb.api.post('/api/dossiers').set(bearer(desk)).send(birthDossier()).expect(201);
  code = submitted.body.code;
  taskId = submitted.body.tasks[0].id;
});
afterAll(() => tb.close());

/** Runs the request and checks that it was refused with `status` and changed nothing. */
async function refused(status: number, send: () => PromiseLike<{ status: number; body: Record<string, unknown>; headers: Record<string, string> }>) {
  const before = await databaseFingerprint(tb);
  const res = await send();
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, type: expect.stringMatching(/^urn:onestop:problem:/), title: expect.any(String), detail: expect.any(String) });
  expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(ts|js):\d+/); // no stack trace
  expect(await databaseFingerprint(tb)).toEqual(before);
  return res.body as { detail: string; errors?: Array<{ in?: string; path?: string; elementId?: string | null; message: string }> };
}

describe('malformed requests are refused with 400', () => {
  test('a body that is not JSON', async () => {
    const p = await refused(400, () => tb.api.post('/api/dossiers').set(bearer(desk)).set('Content-Type', 'application/json').send('{"procedureCode": "2.002621", '));
    expect(p.detail).toMatch(/not valid JSON/);
  });

  test('a missing required field is named by its path', async () => {
    const body = birthDossier();
    delete (body.applicant as Partial<typeof body.applicant>).idNumber;
    const p = await refused(400, () => tb.api.post('/api/dossiers').set(bearer(desk)).send(body));
    expect(p.detail).toBe('the request body is invalid: body/applicant/idNumber is required');
    // `code` and `params` let the workspace word it itself ("Số định danh cá nhân: cần nhập.").
    expect(p.errors).toEqual([{ in: 'body', path: '/applicant/idNumber', message: 'is required', code: 'required', params: { missingProperty: 'idNumber' } }]);
  });

  test('wrong types, every one listed', async () => {
    const p = await refused(400, () => tb.api.post('/api/dossiers').set(bearer(desk)).send(birthDossier({ applicant: { name: 42, idNumber: '001190000123' }, channel: 'fax', data: [] })));
    expect(p.errors).toEqual(expect.arrayContaining([
      expect.objectContaining({ in: 'body', path: '/applicant/name', message: 'must be string', code: 'type' }),
      expect.objectContaining({ in: 'body', path: '/channel', message: 'must be one of "online", "direct", "post"', code: 'enum' }),
      expect.objectContaining({ in: 'body', path: '/data', message: 'must be object', code: 'type' }),
    ]));
  });

  test('unknown fields, at the top and nested', async () => {
    const p = await refused(400, () =>
      tb.api.post('/api/dossiers').set(bearer(desk)).send({ ...birthDossier(), priority: 'high', applicant: { ...birthDossier().applicant, nickname: 'Mai' } }),
    );
    expect(p.errors).toEqual(expect.arrayContaining([
      expect.objectContaining({ in: 'body', path: '/priority', message: 'is not a known field', code: 'additionalProperties' }),
      expect.objectContaining({ in: 'body', path: '/applicant/nickname', message: 'is not a known field', code: 'additionalProperties' }),
    ]));
  });

  test('a body on an endpoint that takes none', async () => {
    await refused(400, () => tb.api.post(`/api/tasks/${taskId}/claim`).set(bearer(officer)).send({ assignee: 'someone' }));
  });

  test('a malformed query, or an unknown query parameter', async () => {
    const p = await refused(400, () => tb.api.get('/api/dossiers?limit=lots&status=lost').set(bearer(desk)));
    expect(p.errors).toEqual(expect.arrayContaining([
      expect.objectContaining({ in: 'query', path: '/limit', message: 'must be integer', code: 'type' }),
      expect.objectContaining({ in: 'query', path: '/status', code: 'enum' }),
    ]));
    const q = await refused(400, () => tb.api.get('/api/tasks?departmnet=BHXH').set(bearer(desk)));
    expect(q.detail).toBe('the query is invalid: query/departmnet is not a known query parameter');
  });

  test('an X-Onestop-User header that is not a name', async () => {
    await refused(400, () => tb.api.post(`/api/tasks/${taskId}/claim`).set(bearer(officer)).set('X-Onestop-User', 'x'.repeat(101)));
  });
});

describe('media type and size', () => {
  test('JSON sent as something else is refused with 415', async () => {
    const p = await refused(415, () => tb.api.post('/api/dossiers').set(bearer(desk)).set('Content-Type', 'text/plain').send(JSON.stringify(birthDossier())));
    expect(p.detail).toMatch(/application\/json/);
  });

  test('a BPMN file sent as JSON is refused with 415', async () => {
    await refused(415, () => tb.api.post('/api/procedures').set(bearer(analyst)).send({ xml: '<definitions/>' }));
  });

  test('a JSON body over 1 MB is refused with 413, saying the limit', async () => {
    const big = birthDossier({ data: { ...birthDossier().data, note: 'x'.repeat(1024 * 1024) } });
    const p = await refused(413, () => tb.api.post('/api/dossiers').set(bearer(desk)).send(big));
    expect(p.detail).toBe('the request body is larger than the limit of 1 MB for this endpoint');
  });

  test('a BPMN file over 5 MB is refused with 413', async () => {
    const xml = (await sample('birth-residence-insurance.bpmn')).replace('</bpmn:definitions>', `<!-- ${'x'.repeat(5 * 1024 * 1024)} --></bpmn:definitions>`);
    const p = await refused(413, () => tb.api.post('/api/procedures').set(bearer(analyst)).set('Content-Type', 'application/xml').send(xml));
    expect(p.detail).toMatch(/5 MB/);
  });
});

describe('invalid content is refused with 422 and every problem', () => {
  test('a BPMN file that breaks the rules: errors name the elements', async () => {
    const p = await refused(422, async () => tb.api.post('/api/procedures').set(bearer(analyst)).set('Content-Type', 'application/xml').send(await fixture('bpmn', 'bad-condition-javascript.bpmn')));
    expect(p.errors!.length).toBeGreaterThan(0);
    expect(p.errors!.every((e) => 'elementId' in e && e.message)).toBe(true);
    expect(p.errors!.some((e) => e.elementId)).toBe(true);
  });

  test('a file that is not well-formed XML', async () => {
    const p = await refused(422, async () => tb.api.post('/api/procedures').set(bearer(analyst)).set('Content-Type', 'application/xml').send(await fixture('bpmn', 'bad-not-well-formed.bpmn')));
    expect(p.errors!.length).toBeGreaterThan(0);
  });

  test('dossier data that does not satisfy the start form', async () => {
    const body = birthDossier();
    const p = await refused(422, () =>
      tb.api.post('/api/dossiers').set(bearer(desk)).send({ ...body, data: { ...body.data, childGender: 'X', requesterPhone: '12345', childFullName: undefined } }),
    );
    expect(p.errors!.map((e) => e.path).sort()).toEqual(['/data/childFullName', '/data/childGender', '/data/requesterPhone']);
  });

  test('step data that does not satisfy the step form', async () => {
    const p = await refused(422, () =>
      tb.api.post(`/api/tasks/${taskId}/complete`).set(bearer(officer)).send({ data: { birthCertificateNumber: '1', personalIdentificationNumber: 'abc' } }),
    );
    expect(p.errors).toEqual(expect.arrayContaining([
      expect.objectContaining({ path: '/data/personalIdentificationNumber' }),
      expect.objectContaining({ path: '/data/civilStatusOfficer', message: 'is required' }),
    ]));
  });

  test('an unknown procedure, or a reception date in the future', async () => {
    const p = await refused(422, () => tb.api.post('/api/dossiers').set(bearer(desk)).send(birthDossier({ procedureCode: '9.999999' })));
    expect(p.errors).toEqual([{ in: 'body', path: '/procedureCode', message: 'is not a deployed procedure' }]);
    const q = await refused(422, () => tb.api.post('/api/dossiers').set(bearer(desk)).send(birthDossier({ receivedAt: '2026-03-02T10:00:00+07:00' })));
    expect(q.detail).toMatch(/future/);
  });

  test('an apology naming an unknown department', async () => {
    await refused(422, () => tb.api.post(`/api/dossiers/${code}/apology`).set(bearer(desk)).send({ reason: 'x', responsibleDepartment: 'NO_SUCH', newDueAt: '2026-03-10T09:00:00+07:00' }));
  });
});

describe('unknown things are 404', () => {
  test('an unknown dossier code, everywhere', async () => {
    const unknown = '000.00.12.H26-260302-9999';
    for (const path of ['', '/history', '/control-slip']) {
      const p = await refused(404, () => tb.api.get(`/api/dossiers/${unknown}${path}`).set(bearer(desk)));
      expect(p.detail).toBe(`dossier ${unknown} does not exist`);
    }
    await refused(404, () => tb.api.get(`/api/public/dossiers/${unknown}`));
    await refused(404, () => tb.api.post(`/api/dossiers/${unknown}/withdraw`).set(bearer(desk)));
    await refused(404, () => tb.api.post(`/api/dossiers/${unknown}/apology`).set(bearer(desk)).send({ reason: 'x', responsibleDepartment: 'TUPHAP_XA', newDueAt: '2026-03-10T09:00:00+07:00' }));
    await refused(404, () => tb.api.post(`/api/dossiers/${unknown}/supplement-request`).set(bearer(officer)).send({ reason: 'x', items: ['y'] }));
  });

  test('unknown or malformed task ids, key ids, procedures, versions', async () => {
    await refused(404, () => tb.api.get('/api/tasks/00000000-0000-4000-8000-000000000000').set(bearer(desk)));
    const p = await refused(404, () => tb.api.post('/api/tasks/not-a-uuid/complete').set(bearer(officer)).send({ data: {} }));
    expect(p.detail).toBe('task not-a-uuid does not exist');
    await refused(404, () => tb.api.delete('/api/keys/00000000-0000-4000-8000-000000000000').set(bearer(tb.admin)));
    await refused(404, () => tb.api.get('/api/procedures/9.999999').set(bearer(desk)));
    await refused(404, () => tb.api.get('/api/procedures/2.002621/versions/7/bpmn').set(bearer(desk)));
    await refused(404, () => tb.api.put('/api/departments/NO_SUCH/webhook').set(bearer(tb.admin)).send({ url: 'http://127.0.0.1:9/hook', secret: 'a-long-enough-secret' }));
  });

  test('an unknown endpoint, and a known one with another method (405)', async () => {
    await refused(404, () => tb.api.get('/api/dossier').set(bearer(desk)));
    const res = await tb.api.delete(`/api/dossiers/${code}`).set(bearer(desk)).expect(405);
    expect(res.headers.allow).toBe('GET');
  });
});

describe('conflicts are 409', () => {
  test('completing a task twice', async () => {
    const submitted = await tb.api.post('/api/dossiers').set(bearer(desk)).send(birthDossier()).expect(201);
    const id = submitted.body.tasks[0].id;
    const data = { birthCertificateNumber: '9', birthRegistrationDate: '2026-03-02', personalIdentificationNumber: '001226000001', electronicBirthCertificateIssued: true, civilStatusOfficer: 'A' };
    await tb.api.post(`/api/tasks/${id}/complete`).set(bearer(officer)).send({ data }).expect(200);
    const p = await refused(409, () => tb.api.post(`/api/tasks/${id}/complete`).set(bearer(officer)).send({ data }));
    expect(p.detail).toMatch(/already completed/);
  });

  test('a task claimed by someone else', async () => {
    const submitted = await tb.api.post('/api/dossiers').set(bearer(desk)).send(birthDossier()).expect(201);
    const id = submitted.body.tasks[0].id;
    await tb.api.post(`/api/tasks/${id}/claim`).set(bearer(officer)).set('X-Onestop-User', 'An').expect(200);
    const p = await refused(409, () => tb.api.post(`/api/tasks/${id}/claim`).set(bearer(officer)).set('X-Onestop-User', 'Binh'));
    expect(p.detail).toMatch(/claimed by An/);
    await refused(409, () => tb.api.post(`/api/tasks/${id}/complete`).set(bearer(officer)).set('X-Onestop-User', 'Binh').send({ data: {} }));
  });

  test('returning a result that is not ready', async () => {
    await refused(409, () => tb.api.post(`/api/dossiers/${code}/return`).set(bearer(desk)));
  });
});
