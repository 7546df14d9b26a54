// The public BPMN MIWG reference models as a corpus (../shared/bpmn-miwg).
// Each file, once the one-stop attributes are added (support/miwgCorpus.ts),
// either deploys or is refused only by a rule of the refusal list; none is
// refused for its encoding, its vendor extension elements or a FEEL
// namespace; none answers 5xx over the API; and the designer's linter finds
// the same problems on the same elements as the server.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';
import { lintBpmn, errorsOf, type LintProblem } from '../../engine/lint/lintBpmn.js';
import { packedLintConfig } from '../../engine/lint/lintConfig.js';
import { moddleExtensions } from '../../engine/bpmn/onestopModdle.js';
import { decodeXml } from '../../engine/bpmn/xmlEncoding.js';
import { ROOT } from '../support/engineHarness.js';
import { expectEveryDossierWaits } from '../support/invariant.js';
import { bearer, createKey, createTestbed, type Testbed } from '../api/support/apiTestbed.js';
import { adaptForOnestop, miwgBytes, miwgFiles, procedureCodeOf } from './support/miwgCorpus.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

const DEPARTMENTS = JSON.parse(readFileSync(path.join(ROOT, 'processes/departments.json'), 'utf8')).map((d: { code: string }) => d.code) as string[];

/** The reasons a sound BPMN file may be refused for (issue 11's refusal list). */
const REFUSAL_RULES = new Set([
  'supported-elements', // element types and event definitions the engine does not run
  'cycle-without-wait', // loops without a wait state
  'model-limits',       // size and nesting
  'no-script',          // expressions in a language other than FEEL, code-carrying extensions
  'feel-condition',     // conditions that are not valid FEEL
  'multi-instance',     // loop markers outside what runs: on other activities, without a FEEL collection or cardinality
  'call-activity',      // a call to no procedure, or to one that is not deployed
]);

const files = miwgFiles();
const adapted = new Map<string, string>();
const serverProblems = new Map<string, LintProblem[]>();

const ruleAndId = (problems: { rule?: string; elementId: string | null }[]) =>
  problems.map((problem) => `${problem.rule}@${problem.elementId}`).sort();

beforeAll(async () => {
  for (const file of files) {
    const xml = await adaptForOnestop(file);
    adapted.set(file, xml);
    serverProblems.set(file, (await lintBpmn(xml, { departments: DEPARTMENTS })).problems);
  }
});

test('the corpus is the 21 MIWG reference models', () => {
  expect(files).toHaveLength(21);
  expect(files).toContain('A.1.0.bpmn');
});

describe.each(files)('%s', (file) => {
  test('is not refused for its encoding, its extension elements or a FEEL namespace, as drawn', async () => {
    const { problems } = await lintBpmn(decodeXml(miwgBytes(file)), { departments: DEPARTMENTS });
    for (const problem of problems) {
      expect({ file, problem: problem.message }).not.toEqual({ file, problem: expect.stringMatching(/encoding/i) });
      expect({ file, problem: problem.message }).not.toEqual({ file, problem: expect.stringMatching(/extension element/) });
      expect({ file, problem: problem.message }).not.toEqual({ file, problem: expect.stringMatching(/FEEL\/|FEEL\/20140401/) });
    }
  });

  test('with the one-stop attributes added, deploys or is refused only for a reason on the refusal list', () => {
    const refusals = errorsOf(serverProblems.get(file)!);
    const outside = refusals.filter((problem) => !REFUSAL_RULES.has(problem.rule));
    expect({ file, outside }).toEqual({ file, outside: [] });
  });
});

// Outcomes that hang on no work in progress: plain tasks, gateways and
// pools deploy; Groovy/XPath/JUEL conditions and invalid FEEL are refused
// (among whatever else the file holds).
test.each(['A.1.0.bpmn', 'A.2.0.bpmn', 'A.4.0.bpmn', 'A.4.1.bpmn'])('%s deploys', (file) => {
  expect(errorsOf(serverProblems.get(file)!)).toEqual([]);
});

test.each([
  ['A.2.1.bpmn', 'no-script'],
  ['C.1.0.bpmn', 'no-script'],
  ['C.1.1.bpmn', 'feel-condition'],
])('%s is refused by %s', (file, rule) => {
  expect(errorsOf(serverProblems.get(file)!).map((problem) => problem.rule)).toContain(rule);
});

describe('designer and server agree', () => {
  // The designer runs bpmn-js-bpmnlint, which runs bpmnlint's Linter on the
  // model bpmn-js imported, with packedLintConfig (designer/src/app.ts).
  // Here: the very modules the browser bundle is built from.
  // jest's loader cannot require bpmnlint (see engine/lint/bpmnlintLinter.ts): Node's own require does.
  const nodeModule = process.getBuiltinModule('node:module');
  const designerRequire = nodeModule.createRequire(nodeModule.createRequire(path.join(ROOT, 'package.json')).resolve('bpmn-js-bpmnlint'));
  const { Linter } = designerRequire('bpmnlint') as { Linter: new (options: any) => { lint(root: any, config: any): Promise<Record<string, any[]>> } };
  const moddle = new BpmnModdle(moddleExtensions) as any;

  test('the designer lints with the same plugin and configuration as deploy', () => {
    const app = readFileSync(path.join(ROOT, 'designer/src/app.ts'), 'utf8');
    expect(app).toMatch(/import \{ packedLintConfig \} from '\.\.\/\.\.\/engine\/lint\/lintConfig\.js'/);
    expect(app).toMatch(/bpmnlint: this\.lintConfig\(\)/);
  });

  test.each(files)('%s: the same problems on the same elements', async (file) => {
    const { rootElement } = await moddle.fromXML(adapted.get(file)!);
    const { config, resolver } = packedLintConfig({ departments: DEPARTMENTS });
    const results = await new Linter({ resolver }).lint(rootElement, config);
    const designer = Object.entries(results).flatMap(([rule, reports]) =>
      reports.map((report) => ({ rule: rule.replace(/^onestop\//, ''), elementId: report.id ?? null })));
    const server = serverProblems.get(file)!.filter((problem) => problem.rule !== 'well-formed');
    expect(ruleAndId(designer)).toEqual(ruleAndId(server));
  });
});

describe('designer and server agree on the conformance fixtures', () => {
  const nodeModule = process.getBuiltinModule('node:module');
  const designerRequire = nodeModule.createRequire(nodeModule.createRequire(path.join(ROOT, 'package.json')).resolve('bpmn-js-bpmnlint'));
  const { Linter } = designerRequire('bpmnlint') as { Linter: new (options: any) => { lint(root: any, config: any): Promise<Record<string, any[]>> } };
  const dir = path.join(ROOT, 'test/fixtures/bpmn/structure');
  const fixtures = readdirSync(dir).filter((file) => file.endsWith('.bpmn'));

  test.each(fixtures)('%s', async (file) => {
    const xml = readFileSync(path.join(dir, file), 'utf8');
    const { rootElement } = await new BpmnModdle(moddleExtensions).fromXML(xml) as any;
    const { config, resolver } = packedLintConfig({ departments: DEPARTMENTS });
    const results = await new Linter({ resolver }).lint(rootElement, config);
    const designer = Object.entries(results).flatMap(([rule, reports]) => reports.map((report) => ({ rule: rule.replace(/^onestop\//, ''), elementId: report.id ?? null })));
    const { problems } = await lintBpmn(xml, { departments: DEPARTMENTS });
    expect(ruleAndId(designer)).toEqual(ruleAndId(problems));
    // Each fixture runs: no error (a warning of another rule may say more about the drawing).
    expect(errorsOf(problems)).toEqual([]);
  });
});

describe('over the API', () => {
  let tb: Testbed;
  let analyst: string;
  let desk: string;

  beforeAll(async () => {
    tb = await createTestbed();
    analyst = await createKey(tb, 'analyst');
    desk = await createKey(tb, 'desk');
  });
  afterAll(() => tb.close());

  const post = (body: Buffer | string, contentType = 'application/xml') =>
    tb.api.post('/api/procedures').set(bearer(analyst)).set('Content-Type', contentType).send(body);

  test.each(files)('%s deploys (201) exactly when lint finds no error, else 422 with the same problems', async (file) => {
    // Deploy also knows which procedures are deployed: a call activity to another one is refused (call-activity).
    const procedures = (await tb.db.pool.query<{ code: string }>('SELECT code FROM procedures WHERE latest_version > 0')).rows.map((r) => r.code);
    const res = await post(Buffer.from(adapted.get(file)!, 'utf8'));
    const errors = errorsOf((await lintBpmn(adapted.get(file)!, { departments: DEPARTMENTS, procedures })).problems);
    expect({ file, status: res.status }).toEqual({ file, status: errors.length ? 422 : 201 });
    if (errors.length) expect(ruleAndId(res.body.errors)).toEqual(ruleAndId(errors));
    else expect(res.body.code).toBe(procedureCodeOf(file));
  });

  test.each(files)('%s as drawn, sent as its bytes, answers 422 (no procedure code), never 5xx', async (file) => {
    const res = await post(miwgBytes(file));
    expect({ file, status: res.status }).toEqual({ file, status: 422 });
    expect(res.body.errors.map((e: LintProblem) => e.rule)).toContain('executable-process');
    expect(res.body.errors.some((e: LintProblem) => /encoding/i.test(e.message))).toBe(false);
  });

  test('an ISO-8859-1 file with non-ASCII names deploys with its names read right', async () => {
    const xml = adapted.get('A.1.0.bpmn')!
      .replace(/^<\?xml[^>]*\?>/, '<?xml version="1.0" encoding="ISO-8859-1"?>')
      .replace('onestop:procedureCode="MIWG.A.1.0"', 'onestop:procedureCode="MIWG.LATIN1" name="Thủ tục à la carte"'.replace('Thủ tục ', 'Démarche '));
    const res = await post(Buffer.from(xml, 'latin1'));
    expect(res.status).toBe(201);
    expect(res.body.name).toBe('Démarche à la carte');
  });

  test.each(['A.1.0.bpmn', 'A.4.0.bpmn', 'A.4.1.bpmn'])('%s: a dossier walks through every step to the end', async (file) => {
    const code = procedureCodeOf(file);
    const submitted = await tb.api.post('/api/dossiers').set(bearer(desk))
      .send({ procedureCode: code, channel: 'direct', applicant: { name: 'Nguyễn Văn An', idNumber: '001090000001' }, data: {} });
    expect(submitted.status).toBe(201);
    const dossier = submitted.body.code as string;
    for (let step = 0; step < 20; step++) {
      const open = (await tb.engine.getDossier(dossier)).openTasks;
      if (open.length === 0) break;
      await tb.engine.completeTask(open[0]!.id, { actor: 'officer' });
    }
    expect((await tb.engine.getDossier(dossier)).openTasks).toEqual([]);
    expect((await tb.engine.getDossier(dossier)).status.name).toBe('resolved');
    await expectEveryDossierWaits(tb.db.pool);
  });
});
