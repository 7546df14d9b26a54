import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ValidationError } from '../../../engine/errors.js';
import { loadSampleWorld, PROCESSES_FOLDER, sampleDossier, type SampleSlug, type SampleWorld } from './sampleHarness.js';

let world: SampleWorld;

beforeAll(async () => {
  world = await loadSampleWorld();
});
afterAll(() => world.db.drop());

// By file name; the slug names the sample dossier fixture, where the sample has one.
const SAMPLES: Array<[file: string, code: string, slug: SampleSlug | null]> = [
  ['birth-registration.bpmn', '1.001193', null],
  ['birth-residence-insurance.bpmn', '2.002621', 'birth-residence-insurance'],
  ['child-health-insurance.bpmn', 'BHYT.TREEM', null],
  ['construction-permit-house.bpmn', '1.013225', 'construction-permit-house'],
  ['death-residence-funeral.bpmn', '2.002622', 'death-residence-funeral'],
  ['enterprise-registration.bpmn', '2.001610', 'enterprise-registration'],
  ['festival-opinions.bpmn', 'LH.YKIEN', null],
  ['land-use-right-transfer.bpmn', '1.013831', 'land-use-right-transfer'],
  ['linked-birth-residence-insurance.bpmn', '2.002621-LT', null],
  ['permanent-residence.bpmn', 'CT.THUONGTRU', null],
];
/** The report's deployments by file name (a caller is deployed after the procedures it calls). */
const byFile = <T extends { file: string }>(list: T[]) => [...list].sort((a, b) => (a.file < b.file ? -1 : 1));

test('loading processes/ seeds every department and deploys every sample as version 1 of its procedure', async () => {
  const { report, db } = world;
  const departments = JSON.parse(await readFile(path.join(PROCESSES_FOLDER, 'departments.json'), 'utf8')) as Array<{ code: string; name: string; agency: string }>;
  expect(report.departments).toBe(departments.length);
  const rows = await db.pool.query('SELECT code, name, agency, calendar_id FROM departments ORDER BY code');
  expect(rows.rows).toEqual(
    departments
      .map((d) => ({ code: d.code, name: d.name, agency: d.agency, calendar_id: null }))
      .sort((a, b) => (a.code < b.code ? -1 : 1)),
  );

  expect(report.refused).toEqual([]);
  expect(byFile(report.deployed).map((d) => [d.file, d.code, d.version, d.created])).toEqual(SAMPLES.map(([file, code]) => [file, code, 1, true]));
  // The linked group calls three of them: it is deployed after them.
  const order = report.deployed.map((d) => d.file);
  for (const callee of ['birth-registration.bpmn', 'permanent-residence.bpmn', 'child-health-insurance.bpmn']) {
    expect(order.indexOf(callee)).toBeLessThan(order.indexOf('linked-birth-residence-insurance.bpmn'));
  }
  // The samples are clean drawings: not even a lint warning.
  expect(report.deployed.map((d) => d.warnings)).toEqual(SAMPLES.map(() => []));

  const versions = await db.pool.query(
    `SELECT v.procedure_code AS code, v.version, v.deployed_by AS "deployedBy", p.latest_version AS latest
       FROM procedure_versions v JOIN procedures p ON p.code = v.procedure_code ORDER BY v.procedure_code`,
  );
  expect(versions.rows).toEqual(
    [...SAMPLES]
      .sort((a, b) => (a[1] < b[1] ? -1 : 1))
      .map(([file, code]) => ({ code, version: 1, deployedBy: `file:${file}`, latest: 1 })),
  );

  // Each fixture names the procedure and file it was written for.
  for (const [file, code, slug] of SAMPLES) if (slug) expect(await sampleDossier(slug)).toMatchObject({ file, procedureCode: code });
});

test('loading the same folder again changes nothing: identical files are no-ops', async () => {
  const { engine, db } = world;
  const before = await db.pool.query('SELECT id, procedure_code, version, sha256 FROM procedure_versions ORDER BY id');
  const again = await engine.loadProcessesFolder(PROCESSES_FOLDER);
  expect(again.refused).toEqual([]);
  expect(byFile(again.deployed).map((d) => [d.file, d.code, d.version, d.created])).toEqual(SAMPLES.map(([file, code]) => [file, code, 1, false]));
  // The existing version ids are returned.
  expect(again.deployed.map((d) => d.versionId).sort((a, b) => a - b)).toEqual(before.rows.map((r) => Number(r.id)));
  const after = await db.pool.query('SELECT id, procedure_code, version, sha256 FROM procedure_versions ORDER BY id');
  expect(after.rows).toEqual(before.rows);
  const departments = await db.pool.query('SELECT count(*)::int AS n FROM departments');
  expect(departments.rows[0].n).toBe(again.departments);
});

test('invalid start data is refused with every missing required field and no dossier is created', async () => {
  const { engine, db } = world;
  const sample = await sampleDossier('construction-permit-house');
  const data: Record<string, unknown> = { ...sample.data };
  for (const field of ['constructionAddress', 'landUseCertificateNumber', 'numberOfFloors', 'hasBasement']) delete data[field];

  const count = async () => (await db.pool.query('SELECT count(*)::int AS n FROM dossiers')).rows[0].n as number;
  const before = await count();
  const err = await engine.submit(sample.procedureCode, { applicant: sample.applicant, data }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ValidationError);
  expect((err as ValidationError).errors.sort((a, b) => (a.path < b.path ? -1 : 1))).toEqual([
    { path: '/data/constructionAddress', message: 'is required' },
    { path: '/data/hasBasement', message: 'is required' },
    { path: '/data/landUseCertificateNumber', message: 'is required' },
    { path: '/data/numberOfFloors', message: 'is required' },
  ]);
  expect((err as ValidationError).message).toContain('/data/constructionAddress is required');
  expect(await count()).toBe(before);

  // The complete sample is accepted.
  const ok = await engine.submit(sample.procedureCode, { applicant: sample.applicant, data: sample.data });
  expect(ok.status).toBe('processing');
  expect(await count()).toBe(before + 1);
});

test('a conditional requirement of the start form is enforced too (land with a limited term needs its end date)', async () => {
  const { engine } = world;
  const sample = await sampleDossier('land-use-right-transfer');
  const data: Record<string, unknown> = { ...sample.data, landUseTerm: 'Có thời hạn' };
  delete data.transfereeIdNumber;
  const err = await engine.submit(sample.procedureCode, { applicant: sample.applicant, data }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ValidationError);
  // Only the fields are reported, not the "if/then" wrapper that required them.
  expect((err as ValidationError).errors.sort((a, b) => (a.path < b.path ? -1 : 1))).toEqual([
    { path: '/data/landUseTermEndDate', message: 'is required' },
    { path: '/data/transfereeIdNumber', message: 'is required' },
  ]);
});
