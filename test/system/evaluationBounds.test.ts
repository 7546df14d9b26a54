import request from 'supertest';
import { bearer, createKey, createTestbed, databaseFingerprint, type Testbed } from '../api/support/apiTestbed.js';

// An analyst's condition or form pattern must never hold the server: a FEEL
// loop bomb is refused at deploy, a loop over citizen data is stopped by the
// time budget, and a catastrophic `pattern` runs on a linear-time engine.

const process = (condition: string, schema = '{"type":"object","properties":{"note":{"type":"string","pattern":"^a+$"}}}') => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                  xmlns:onestop="urn:onestop:bpmn:1.0" id="Definitions_B" targetNamespace="urn:onestop:procedures">
  <bpmn:process id="Process_B" isExecutable="true" onestop:procedureCode="T.0042" onestop:deadline="P3D">
    <bpmn:startEvent id="Start" name="Nộp hồ sơ" />
    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Gateway" />
    <bpmn:exclusiveGateway id="Gateway" name="Nhiều?" default="Flow_Few" />
    <bpmn:sequenceFlow id="Flow_Many" sourceRef="Gateway" targetRef="Task_Check">
      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${condition.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="Flow_Few" sourceRef="Gateway" targetRef="Task_Check" />
    <bpmn:userTask id="Task_Check" name="Thẩm định" onestop:department="TUPHAP_XA" onestop:deadline="P1D">
      <bpmn:extensionElements>
        <onestop:formSchema>${schema}</onestop:formSchema>
      </bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Check" targetRef="End" />
    <bpmn:endEvent id="End" />
  </bpmn:process>
</bpmn:definitions>`;

/** Everything but the keys' last-use times, which a request updates by design. */
const dossierTables = ({ api_keys: _keys, ...rest }: Record<string, string>) => rest;

let tb: Testbed;
let analyst: string;
let desk: string;
let officer: string;

beforeAll(async () => {
  tb = await createTestbed();
  analyst = await createKey(tb, 'analyst');
  desk = await createKey(tb, 'desk');
  officer = await createKey(tb, 'officer', 'TUPHAP_XA');
});
afterAll(() => tb.close());

const deploy = (xml: string) => tb.api.post('/api/procedures').set(bearer(analyst)).set('Content-Type', 'application/xml').send(xml);
const submit = (data: Record<string, unknown>) =>
  tb.api.post('/api/dossiers').set(bearer(desk)).send({ procedureCode: 'T.0042', channel: 'direct', applicant: { name: 'Lê Văn An', idNumber: '001190000999' }, data });

/** Runs `work` while polling /health; returns how long work took and the slowest /health answer. */
async function whileWatchingHealth<T>(work: () => PromiseLike<T>): Promise<{ result: T; ms: number; slowestHealthMs: number }> {
  let done = false;
  let slowest = 0;
  const watcher = (async () => {
    while (!done) {
      const started = Date.now();
      await request(tb.app).get('/health');
      slowest = Math.max(slowest, Date.now() - started);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const started = Date.now();
  const result = await work();
  const ms = Date.now() - started;
  done = true;
  await watcher;
  return { result, ms, slowestHealthMs: slowest };
}

test('a FEEL loop over a constant range beyond 10,000 iterations is refused at deploy', async () => {
  const res = await deploy(process('count(for i in 1..100000000 return i) > 0'));
  expect(res.status).toBe(422);
  expect(JSON.stringify(res.body)).toMatch(/100,000,000 iterations/);
  const nested = await deploy(process('count(for i in 1..1000, j in 1..1000 return i) > 0'));
  expect(nested.status).toBe(422);
  expect((await deploy(process('matches(note, "^(a+)+$")'))).status).toBe(422);
});

test('a loop over citizen data is stopped by the time budget: 422 in seconds not minutes, nothing saved, /health answering meanwhile', async () => {
  expect((await deploy(process('count(for i in 1..size return i) > 0'))).status).toBe(201);
  const before = dossierTables(await databaseFingerprint(tb));
  const { result, ms, slowestHealthMs } = await whileWatchingHealth(() => submit({ size: 100_000_000 }));
  expect(result.status).toBe(422);
  expect(result.body.detail).toMatch(/stopped: it ran longer than \d+ ms/);
  expect(dossierTables(await databaseFingerprint(tb))).toEqual(before);
  console.log(`FEEL bomb over data: 422 after ${ms} ms, slowest /health ${slowestHealthMs} ms`);
  // Unbounded, this loop runs for minutes and /health waits as long; the
  // bounds are loose so a busy 2-core host cannot fail them (speed lives in bench/).
  expect(ms).toBeLessThan(10_000);
  expect(slowestHealthMs).toBeLessThan(5_000);
  // A small loop still takes its branch.
  expect((await submit({ size: 3 })).status).toBe(201);
});

test('a catastrophic form pattern is refused at deploy; a linear one answers 32 × "a" + "!" with a 422 at once', async () => {
  const refused = await deploy(process('true', '{"type":"object","properties":{"note":{"type":"string","pattern":"^(a+)+$"}}}'));
  expect(refused.status).toBe(422);
  expect(JSON.stringify(refused.body)).toMatch(/repeats a group that itself repeats/);
  expect([200, 201]).toContain((await deploy(process('count(for i in 1..size return i) > 0'))).status);
  const submitted = await submit({ size: 1 });
  expect(submitted.status).toBe(201);
  const task = submitted.body.tasks[0].id;
  const { result, ms, slowestHealthMs } = await whileWatchingHealth(() =>
    tb.api.post(`/api/tasks/${task}/complete`).set(bearer(officer)).send({ data: { note: `${'a'.repeat(32)}!` } }),
  );
  expect(result.status).toBe(422);
  expect(JSON.stringify(result.body)).toMatch(/must match pattern/);
  console.log(`form pattern on 32 × "a" + "!": 422 after ${ms} ms, slowest /health ${slowestHealthMs} ms`);
  // A backtracking engine takes 2^32 steps here (hours); loose bound for a busy host.
  expect(ms).toBeLessThan(10_000);
  // Strings are bounded even where the form sets no maxLength.
  const long = await tb.api.post(`/api/tasks/${task}/complete`).set(bearer(officer)).send({ data: { note: 'a'.repeat(2_001) } });
  expect(long.status).toBe(422);
});
