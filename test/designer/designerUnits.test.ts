// The designer's pure parts (no browser): deadlines as amount + unit, the
// form preview's fields, the department search, the words of both
// languages, and the /designer mount.

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import request from 'supertest';
import { mountDesigner } from '../../api/designerRoutes.js';
import { parseDurationMs } from '../../engine/duration/isoDuration.js';
import { joinDuration, parseAmount, splitDuration } from '../../designer/src/modules/onestopProperties/durationInput.js';
import { countFields, exampleFormSchema, formFields } from '../../web/shared/forms/formFields.js';
import { DepartmentRegistry, foldForSearch } from '../../designer/src/modules/onestopProperties/departmentRegistry.js';
import { bpmnTranslate, setLang, t } from '../../web/shared/i18n/i18n.js';
import { fileNameFor, hasDiagramInterchange } from '../../designer/src/modules/diagramFiles/index.js';
import { formSchemaError } from '../../engine/bpmn/extensionReader/formSchemaCheck.js';
import { readSample } from './support/designerBrowser.js';
import { parseBpmn } from '../../engine/bpmn/parseBpmn.js';
import { ROOT } from '../support/engineHarness.js';

describe('deadline as amount and unit', () => {
  test('shows a one-component duration in its own unit', () => {
    expect(splitDuration('P3D', 'working')).toEqual({ amount: 3, unit: 'D' });
    expect(splitDuration('PT8H', 'working')).toEqual({ amount: 8, unit: 'H' });
    expect(splitDuration('PT30M', 'calendar')).toEqual({ amount: 30, unit: 'M' });
    expect(splitDuration('P0.5D', 'working')).toEqual({ amount: 0.5, unit: 'D' });
  });

  test('expresses a mixed duration exactly on its clock', () => {
    expect(splitDuration('P1DT4H', 'working')).toEqual({ amount: 12, unit: 'H' });
    expect(splitDuration('P1DT4H', 'calendar')).toEqual({ amount: 28, unit: 'H' });
    expect(splitDuration('P1W', 'working')).toEqual({ amount: 5, unit: 'D' });
    expect(splitDuration('P1W', 'calendar')).toEqual({ amount: 7, unit: 'D' });
    expect(splitDuration('PT1H30M', 'working')).toEqual({ amount: 90, unit: 'M' });
  });

  test('tells empty from invalid', () => {
    expect(splitDuration(undefined, 'working')).toBeNull();
    expect(splitDuration('  ', 'working')).toBeNull();
    expect(splitDuration('3 days', 'working')).toBe('invalid');
    expect(splitDuration('P1M', 'working')).toBe('invalid'); // months are refused by the engine
  });

  test('writes ISO-8601 that the engine reads back to the same length', () => {
    expect(joinDuration(2, 'D')).toBe('P2D');
    expect(joinDuration(4, 'H')).toBe('PT4H');
    expect(joinDuration(30, 'M')).toBe('PT30M');
    expect(joinDuration(0.1 + 0.2, 'D')).toBe('P0.3D');
    for (const clock of ['working', 'calendar'] as const) {
      for (const iso of ['P3D', 'PT4H', 'P1DT4H', 'PT90M', 'P2W', 'P0.5D']) {
        const split = splitDuration(iso, clock);
        if (!split || split === 'invalid') throw new Error(`${iso} did not split`);
        expect(parseDurationMs(joinDuration(split.amount, split.unit), clock)).toBe(parseDurationMs(iso, clock));
      }
    }
  });

  test('reads amounts typed with a comma or a dot', () => {
    expect(parseAmount('')).toBeNull();
    expect(parseAmount(' 2 ')).toBe(2);
    expect(parseAmount('0,5')).toBe(0.5);
    expect(parseAmount('1.25')).toBe(1.25);
    expect(parseAmount('0')).toBeNaN();
    expect(parseAmount('-1')).toBeNaN();
    expect(parseAmount('2 ngày')).toBeNaN();
  });
});

describe('form preview fields', () => {
  test('one field per property, with the input each type needs', () => {
    const fields = formFields({
      type: 'object',
      required: ['name', 'kind'],
      properties: {
        name: { type: 'string', title: 'Họ và tên' },
        born: { type: 'string', format: 'date' },
        note: { type: 'string', maxLength: 2000 },
        kind: { type: 'string', oneOf: [{ const: 'approve', title: 'Đồng ý' }, { const: 'reject', title: 'Không đồng ý' }] },
        count: { type: 'integer', minimum: 1 },
        agree: { type: 'boolean' },
        address: { $ref: '#/$defs/address' },
        children: { type: 'array', minItems: 1, items: { type: 'object', properties: { name: { type: 'string' } } } },
      },
      $defs: { address: { type: 'object', title: 'Địa chỉ', properties: { ward: { type: 'string', enum: ['A', 'B'] } } } },
    });
    expect(fields.map((f) => [f.path, f.kind, f.required])).toEqual([
      ['name', 'text', true],
      ['born', 'date', false],
      ['note', 'textarea', false],
      ['kind', 'select', true],
      ['count', 'integer', false],
      ['agree', 'checkbox', false],
      ['address', 'group', false],
      ['children', 'list', false],
    ]);
    expect(fields[0].label).toBe('Họ và tên');
    expect(fields[3].options).toEqual([{ value: 'approve', label: 'Đồng ý' }, { value: 'reject', label: 'Không đồng ý' }]);
    expect(fields[4].min).toBe(1);
    expect(fields[6].label).toBe('Địa chỉ');
    expect(fields[6].children?.map((c) => [c.path, c.kind])).toEqual([['address.ward', 'select']]);
    expect(fields[7].children?.map((c) => c.path)).toEqual(['children[].name']);
    expect(countFields(fields)).toBe(8);
  });

  test('every sample form and both examples render, and the examples pass the deploy check', async () => {
    for (const start of [true, false]) {
      const example = exampleFormSchema(start);
      expect(formSchemaError(example)).toBeNull();
      expect(formFields(JSON.parse(example)).length).toBeGreaterThan(1);
    }
    const { elementsById } = await parseBpmn(await readSample('land-use-right-transfer.bpmn'));
    const schemas = Object.values(elementsById)
      .flatMap((e: any) => e.extensionElements?.values ?? [])
      .filter((v: any) => v.$type === 'onestop:FormSchema');
    expect(schemas.length).toBeGreaterThan(0);
    for (const schema of schemas as { body: string }[]) {
      const fields = formFields(JSON.parse(schema.body));
      expect(fields.length).toBeGreaterThan(0);
      expect(fields.every((f) => f.kind !== 'other')).toBe(true);
    }
  });

  test('tolerates what is not a schema', () => {
    expect(formFields(null)).toEqual([]);
    expect(formFields([1, 2])).toEqual([]);
    expect(formFields({ type: 'object' })).toEqual([]);
  });
});

describe('department search', () => {
  const registry = new DepartmentRegistry();
  registry.set([
    { code: 'CONGAN_XA', name: 'Công an xã Đông Anh', agency: 'Công an thành phố Hà Nội' },
    { code: 'TUPHAP_XA', name: 'Công chức Tư pháp – Hộ tịch xã Đông Anh', agency: 'UBND xã Đông Anh' },
    { code: 'THUE', name: 'Thuế cơ sở Đông Anh', agency: 'Thuế thành phố Hà Nội' },
  ]);

  test('finds by a fragment of the name, with or without diacritics', () => {
    expect(foldForSearch('Đông Anh')).toBe('dong anh');
    expect(registry.search('cong an').map((d) => d.code)).toEqual(['CONGAN_XA']);
    expect(registry.search('công  AN').map((d) => d.code)).toEqual(['CONGAN_XA']);
    expect(registry.search('tu phap').map((d) => d.code)).toEqual(['TUPHAP_XA']);
    expect(registry.search('thue').map((d) => d.code)).toEqual(['THUE']);
    expect(registry.search('').length).toBe(3);
  });

  test('by code too, and labels unknown codes as they are', () => {
    expect(registry.search('tuphap').map((d) => d.code)).toEqual(['TUPHAP_XA']);
    expect(registry.label('THUE')).toBe('Thuế cơ sở Đông Anh (THUE)');
    expect(registry.label('NOPE')).toBe('NOPE');
  });
});

describe('languages', () => {
  afterAll(() => setLang('vi'));

  test('Vietnamese by default, English on demand, for our words and bpmn-js’s', () => {
    setLang('vi');
    expect(t('toolbar.deploy')).toBe('Triển khai');
    expect(t('status.deployed', { code: '1.001193', version: 3 })).toBe('Đã triển khai 1.001193 phiên bản 3.');
    expect(bpmnTranslate('Append task')).toBe('Nối bước xử lý');
    expect(bpmnTranslate('{errors} Errors, {warnings} Warnings', { errors: '2', warnings: '1' })).toBe('2 lỗi, 1 cảnh báo');
    expect(bpmnTranslate('Something bpmn-js says')).toBe('Something bpmn-js says');
    setLang('en');
    expect(t('toolbar.deploy')).toBe('Deploy');
    expect(bpmnTranslate('Append task')).toBe('Append task');
  });
});

describe('files', () => {
  test('file names from the procedure code, ASCII only', () => {
    expect(fileNameFor('2.002621', 3, 'x')).toBe('2.002621-v3.bpmn');
    expect(fileNameFor(undefined, undefined, 'Đăng ký khai sinh')).toBe('Dang-ky-khai-sinh.bpmn');
    expect(fileNameFor('', undefined, '')).toBe('procedure.bpmn');
  });

  test('diagram interchange is detected from the parsed definitions', async () => {
    expect(hasDiagramInterchange((await parseBpmn(await readSample('enterprise-registration.bpmn'))).rootElement)).toBe(true);
    const noDi = await readFile(path.join(ROOT, 'test/fixtures/bpmn/valid-no-di.bpmn'), 'utf8');
    expect(hasDiagramInterchange((await parseBpmn(noDi)).rootElement)).toBe(false);
  });
});

describe('mountDesigner', () => {
  let dist: string;
  beforeAll(async () => {
    dist = await mkdtemp(path.join(os.tmpdir(), 'onestop-designer-dist-'));
  });
  afterAll(async () => {
    await rm(dist, { recursive: true, force: true });
  });

  test('says how to build when the bundle is missing', async () => {
    const app = express();
    mountDesigner(app, { dist: path.join(dist, 'nothing-here') });
    const res = await request(app).get('/designer/');
    expect(res.status).toBe(503);
    expect(res.text).toContain('npm run build:designer');
  });

  test('redirects to the trailing slash and serves the built files without a CSP', async () => {
    await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>designer</title>');
    await writeFile(path.join(dist, 'main.js'), 'export {};');
    const app = express();
    mountDesigner(app, { dist });
    const redirect = await request(app).get('/designer?x=1');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe('/designer/?x=1');
    const index = await request(app).get('/designer/');
    expect(index.status).toBe(200);
    expect(index.text).toContain('<title>designer</title>');
    expect(index.headers['content-security-policy']).toBeUndefined();
    expect(index.headers['cache-control']).toBe('no-cache');
    const js = await request(app).get('/designer/main.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect((await request(app).get('/designer/nope.js')).status).toBe(404);
    expect((await request(app).get('/designerx')).status).toBe(404);
  });
});
