import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase.js';
import { ROOT } from '../support/engineHarness.js';

// The real server, as `npm start` runs it, in a child process on a test
// database: killed with SIGKILL between two steps of a linked dossier and
// started again, the dossier goes on where it was.

const ADMIN = 'test-admin-token-0123456789';
let db: TestDatabase;
let dataDir: string;

interface Server {
  child: ChildProcess;
  url: string;
  output: string[];
}

async function startServer(): Promise<Server> {
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'api/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: db.url, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', ONESTOP_ADMIN_TOKEN: ADMIN, NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output.join('')}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      const match = /Server: (http:\/\/[^\s]+)/.exec(output.join(''));
      if (match) {
        clearTimeout(timer);
        resolve(match[1].replace('localhost', '127.0.0.1'));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output.join('')}`)));
  });
  return { child, url, output };
}

async function call(server: Server, method: string, route: string, token: string | null, body?: unknown) {
  const res = await fetch(server.url + route, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

async function kill(server: Server) {
  await new Promise<void>((resolve) => {
    server.child.once('exit', () => resolve());
    server.child.kill('SIGKILL');
  });
}

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

  const submitted = await call(server, 'POST', '/api/dossiers', desk, { procedureCode: sample.procedureCode, applicant: sample.applicant, data: sample.data, channel: 'direct' });
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
