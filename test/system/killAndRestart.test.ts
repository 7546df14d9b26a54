import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase.js';
import { ROOT } from '../support/engineHarness.js';
import { ADMIN, call, kill, startServer as spawnServer } from './support/serverProcess.js';
import { withSamplePapers } from '../support/samplePapers.js';

// The real server, as `npm start` runs it, in a child process on a test
// database: killed with SIGKILL between two steps of a linked dossier and
// started again, the dossier goes on where it was.

let db: TestDatabase;
let dataDir: string;

const startServer = () => spawnServer({ DATABASE_URL: db.url, DATA_DIR: dataDir });

beforeAll(async () => {
  db = await createTestDatabase();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'onestop-system-'));
});
afterAll(() => db.drop());

test('a dossier survives the server being killed between two steps', async () => {
  const sample = JSON.parse(await readFile(path.join(ROOT, 'test/fixtures/samples/birth-residence-insurance.json'), 'utf8'));
  let server = await startServer();
  expect(server.output.join('')).toMatch(/Procedures from .*2\.002621 v1/);
  expect((await call(server, 'GET', '/health', null)).body).toMatchObject({ status: 'ok', database: { state: 'up' }, scheduler: { state: 'running' } });

  const key = async (role: string, department?: string) =>
    (await call(server, 'POST', '/api/keys', ADMIN, { name: `${role} ${department ?? ''}`.trim(), role, ...(department ? { department } : {}) })).body.token as string;
  const desk = await key('desk');
  const civil = await key('officer', 'TUPHAP_XA');
  const police = await key('officer', 'CONGAN_XA');
  const insurance = await key('officer', 'BHXH');

  const submitted = await call(server, 'POST', '/api/dossiers', desk, withSamplePapers({ procedureCode: sample.procedureCode, applicant: sample.applicant, data: sample.data, channel: 'direct' }));
  expect(submitted.status).toBe(201);
  const code = submitted.body.code as string;
  const first = submitted.body.tasks[0];
  expect(first.department).toBe('TUPHAP_XA');
  const done = await call(server, 'POST', `/api/tasks/${first.id}/complete`, civil, { data: sample.steps[first.elementId] });
  expect(done.status).toBe(200);

  await kill(server);
  server = await startServer();
  try {
    const dossier = await call(server, 'GET', `/api/dossiers/${code}`, desk);
    expect(dossier.body.openTasks.map((t: { department: string }) => t.department).sort()).toEqual(['BHXH', 'CONGAN_XA']);
    for (const [token, department] of [[police, 'CONGAN_XA'], [insurance, 'BHXH']] as const) {
      const task = dossier.body.openTasks.find((t: { department: string }) => t.department === department);
      const res = await call(server, 'POST', `/api/tasks/${task.id}/complete`, token, { data: sample.steps[task.elementId] });
      expect(res.status).toBe(200);
    }
    const final = await call(server, 'GET', `/api/dossiers/${code}`, desk);
    expect(final.body.status).toMatchObject({ name: 'resolved', code: 9 });
    const slip = await call(server, 'GET', `/api/dossiers/${code}/control-slip`, desk);
    expect(slip.body.rows.map((r: { fromDepartment: string; toDepartment: string }) => `${r.fromDepartment}→${r.toDepartment}`)).toEqual([
      'MOTCUA_XA→TUPHAP_XA',
      'TUPHAP_XA→CONGAN_XA',
      'TUPHAP_XA→BHXH',
    ]);
    // The same data again is the same procedure version: no re-deploy on restart.
    expect(server.output.join('')).toMatch(/2\.002621 v1/);
  } finally {
    await kill(server);
  }
}, 120_000);
