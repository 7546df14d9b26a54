import { Validator } from '@seriousme/openapi-schema-validator';
import { createTestbed, type Testbed } from './support/apiTestbed.js';

let tb: Testbed;

beforeAll(async () => {
  tb = await createTestbed();
});
afterAll(() => tb.close());

test('the published document is a valid OpenAPI 3.1 document', async () => {
  const res = await tb.api.get('/api/openapi.json').expect(200).expect('Content-Type', /json/);
  const validator = new Validator();
  const result = await validator.validate(res.body);
  expect(result.errors).toBeUndefined();
  expect(result.valid).toBe(true);
  expect(validator.version).toBe('3.1');
  expect(res.body.openapi).toBe('3.1.0');
});

test('it documents every endpoint of the contract', async () => {
  const doc = (await tb.api.get('/api/openapi.json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`)).sort();
  expect(operations).toEqual([
    'DELETE /api/calendars/{id}/day-swaps/{date}',
    'DELETE /api/departments/{code}/webhook',
    'DELETE /api/keys/{id}',
    'DELETE /api/notices/templates/{kind}',
    'DELETE /api/session',
    'GET /api/audit',
    'GET /api/breaches',
    'GET /api/calendars',
    'GET /api/departments',
    'GET /api/docs',
    'GET /api/documents/{id}/content',
    'GET /api/dossiers',
    'GET /api/dossiers/{code}',
    'GET /api/dossiers/{code}/control-slip',
    'GET /api/dossiers/{code}/documents',
    'GET /api/dossiers/{code}/forms/{form}',
    'GET /api/dossiers/{code}/history',
    'GET /api/dossiers/{code}/portal-sync',
    'GET /api/dossiers/{code}/progress',
    'GET /api/inbox',
    'GET /api/incidents',
    'GET /api/keys',
    'GET /api/me',
    'GET /api/notices/deliveries',
    'GET /api/notices/templates',
    'GET /api/openapi.json',
    'GET /api/people',
    'GET /api/procedure-drafts',
    'GET /api/procedure-drafts/{id}',
    'GET /api/procedure-drafts/{id}/bpmn',
    'GET /api/procedures',
    'GET /api/procedures/{code}',
    'GET /api/procedures/{code}/diff',
    'GET /api/procedures/{code}/versions/{version}/bpmn',
    'GET /api/procedures/{code}/versions/{version}/heatmap',
    'GET /api/public/dossiers/{code}',
    'GET /api/public/dossiers/{code}/result',
    'GET /api/public/dossiers/{code}/result/{id}',
    'GET /api/reports/digitisation',
    'GET /api/reports/form06',
    'GET /api/reports/form06/dossiers',
    'GET /api/reports/ii06a',
    'GET /api/reports/service-index',
    'GET /api/rules',
    'GET /api/session/oidc/callback',
    'GET /api/session/oidc/start',
    'GET /api/session/sso',
    'GET /api/supervision/at-risk',
    'GET /api/supervision/open-breaches',
    'GET /api/tasks',
    'GET /api/tasks/{id}',
    'GET /api/webhook-deliveries',
    'GET /health',
    'PATCH /api/people/{id}',
    'POST /api/departments',
    'POST /api/dossiers',
    'POST /api/dossiers/{code}/accept',
    'POST /api/dossiers/{code}/apology',
    'POST /api/dossiers/{code}/documents',
    'POST /api/dossiers/{code}/fees',
    'POST /api/dossiers/{code}/refuse',
    'POST /api/dossiers/{code}/return',
    'POST /api/dossiers/{code}/stop',
    'POST /api/dossiers/{code}/supplement',
    'POST /api/dossiers/{code}/supplement-request',
    'POST /api/dossiers/{code}/withdraw',
    'POST /api/incidents/{id}/retry',
    'POST /api/jobs/fetch-and-lock',
    'POST /api/jobs/{id}/complete',
    'POST /api/jobs/{id}/fail',
    'POST /api/keys',
    'POST /api/messages',
    'POST /api/people',
    'POST /api/people/import',
    'POST /api/procedure-drafts',
    'POST /api/procedure-drafts/{id}/approve',
    'POST /api/procedure-drafts/{id}/publish',
    'POST /api/procedures',
    'POST /api/rules',
    'POST /api/session',
    'POST /api/session/password',
    'POST /api/tasks/{id}/assign',
    'POST /api/tasks/{id}/claim',
    'POST /api/tasks/{id}/complete',
    'POST /api/tasks/{id}/documents',
    'POST /api/tasks/{id}/unclaim',
    'PUT /api/calendars/{id}/day-swaps/{date}',
    'PUT /api/departments/{code}/webhook',
    'PUT /api/notices/templates/{kind}',
    'PUT /api/procedure-drafts/{id}',
  ]);
});

test('the browsable reference is served from the server itself, no CDN', async () => {
  const page = await tb.api.get('/api/docs').expect(200).expect('Content-Type', /html/);
  const assets = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
  expect(assets.length).toBeGreaterThan(2);
  for (const asset of assets) {
    expect(asset).toMatch(/^\/api\/docs\//);
    await tb.api.get(asset).expect(200);
  }
  const init = await tb.api.get('/api/docs/swagger-initializer.js').expect(200);
  expect(init.text).toContain("url: '/api/openapi.json'");
  expect(init.text).not.toContain('petstore');
});

test('the response check of the test harness refuses what the document does not say', async () => {
  const fake = (status: number, body: unknown, type = 'application/json') =>
    ({ status, headers: { 'content-type': type }, text: JSON.stringify(body), body }) as never;
  // A field the public lookup must not have.
  expect(() =>
    tb.checker.check('get', '/api/public/dossiers/X-260302-0001', fake(200, {
      code: 'X', status: { name: 'processing', code: 4, label: 'Đang xử lý' }, procedureName: 'p', receivedAt: '2026-03-02T02:00:00.000Z',
      dueAt: null, resolvedAt: null, returnedAt: null, heldBy: [], applicant: { name: 'A' },
    })),
  ).toThrow(/does not match/);
  // An undocumented status.
  expect(() => tb.checker.check('get', '/api/procedures', fake(404, { type: 'urn:x', title: 't', status: 404, detail: 'd' }, 'application/problem+json'))).toThrow(/not documented/);
  // An error that is not a problem document.
  expect(() => tb.checker.check('get', '/api/nothing', fake(404, '<html>', 'text/html'))).toThrow(/problem\+json/);
});

test('/health is up', async () => {
  await tb.api.get('/health').expect(200);
});
