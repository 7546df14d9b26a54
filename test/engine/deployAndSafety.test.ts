import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase.js';
import { FixedClock } from '../support/fixedClock.js';
import { engineFor, fixture, ROOT, seedDepartments } from '../support/engineHarness.js';
import { DeploymentError, ProcessError } from '../../engine/errors.js';
import { parseBpmn } from '../../engine/bpmn/parseBpmn.js';
import { serializeDefinition } from '../../engine/runtime/serializeDefinition.js';
import { startInstance } from '../../engine/runtime/processRun.js';
import type { OnestopEngine } from '../../engine/onestopEngine.js';

let db: TestDatabase;
let engine: OnestopEngine;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDepartments(db.pool);
  engine = engineFor(db.pool, new FixedClock('2026-03-02T09:00:00+07:00'));
});
afterAll(() => db.drop());

// Each refused fixture and the element its problem must name.
const refused: Record<string, string | null> = {
  'bad-not-well-formed.bpmn': null,
  'bad-not-bpmn.bpmn': null,
  'bad-no-executable-process.bpmn': null,
  'bad-script-task.bpmn': 'Task_Script',
  'bad-condition-javascript.bpmn': 'Flow_Approve',
};

test('every kind of bad file is refused at deploy with its problems listed, and nothing is stored', async () => {
  const files = (await readdir(path.join(ROOT, 'test/fixtures/bpmn'))).filter((f) => f.startsWith('bad-'));
  expect(files.length).toBeGreaterThanOrEqual(14);
  for (const file of files) {
    const err = await engine.deploy(await fixture('bpmn', file)).catch((e) => e);
    expect(err).toBeInstanceOf(DeploymentError);
    const problems = (err as DeploymentError).problems;
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) expect(p.message.length).toBeGreaterThan(15);
    if (file in refused && refused[file]) expect(problems.map((p) => p.elementId)).toContain(refused[file]);
  }
  const { rows } = await db.pool.query('SELECT count(*)::int AS n FROM procedure_versions');
  expect(rows[0].n).toBe(0);
});

test('a script task is refused with a sentence saying uploaded BPMN never runs code', async () => {
  const err = (await engine.deploy(await fixture('bpmn', 'bad-script-task.bpmn')).catch((e) => e)) as DeploymentError;
  expect(err.message).toMatch(/refused/);
  expect(err.problems.find((p) => p.rule === 'no-script')?.message).toMatch(/script/i);
});

test('the engine never runs a script even if one bypassed deployment', async () => {
  // Straight to the runtime, without lint: a JavaScript condition on a gateway.
  const xml = `<?xml version="1.0"?>
  <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d" targetNamespace="t">
    <process id="p" isExecutable="true">
      <startEvent id="s"/><sequenceFlow id="f0" sourceRef="s" targetRef="g"/>
      <exclusiveGateway id="g"/>
      <sequenceFlow id="f1" sourceRef="g" targetRef="e1">
        <conditionExpression xsi:type="tFormalExpression" language="javascript">next(null, globalThis.pwned = true)</conditionExpression>
      </sequenceFlow>
      <sequenceFlow id="f2" sourceRef="g" targetRef="e2"><conditionExpression xsi:type="tFormalExpression">\${environment.variables.x}</conditionExpression></sequenceFlow>
      <endEvent id="e1"/><endEvent id="e2"/>
    </process>
  </definitions>`;
  const context = serializeDefinition(await parseBpmn(xml));
  const err = await startInstance(context, {}).catch((e) => e);
  expect(err).toBeInstanceOf(ProcessError);
  expect(err.message).toMatch(/scripts are disabled/);
  expect((globalThis as { pwned?: boolean }).pwned).toBeUndefined();
});

test('the sample folder deploys in full at start-up', async () => {
  const report = await engine.loadProcessesFolder(path.join(ROOT, 'processes'));
  expect(report.refused).toEqual([]);
  const files = (await readdir(path.join(ROOT, 'processes'))).filter((f) => f.endsWith('.bpmn'));
  expect(report.deployed.map((d) => d.file).sort()).toEqual(files.sort());
  expect(report.deployed.every((d) => d.version === 1)).toBe(true);
  // A BPMN without diagram interchange deploys and runs as well.
  const noDi = await engine.deploy(await fixture('bpmn', 'valid-no-di.bpmn'));
  expect(noDi.created).toBe(true);
});
