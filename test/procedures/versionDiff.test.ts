// The diff of two procedure versions, from their stored models: what an
// analyst reviewing a publication needs to see changed.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { lintBpmn } from '../../engine/lint/lintBpmn.js';
import { buildProcedureModel, type ProcedureModel } from '../../engine/procedures/procedureModel.js';
import { diffFormFields, diffVersions } from '../../engine/procedures/versionDiff.js';
import { ROOT } from '../support/engineHarness.js';

async function modelOf(xml: string): Promise<ProcedureModel> {
  const { definitions } = await lintBpmn(xml);
  return buildProcedureModel(definitions);
}

let birthXml: string;
let birth: ProcedureModel;

beforeAll(async () => {
  birthXml = await readFile(path.join(ROOT, 'processes/birth-residence-insurance.bpmn'), 'utf8');
  birth = await modelOf(birthXml);
});

test('a version compared with itself has no change', () => {
  const diff = diffVersions(birth, structuredClone(birth));
  expect(diff.same).toBe(true);
  expect(diff.elements).toEqual({ added: [], removed: [], changed: [] });
});

test('a step moved to another department, with a new deadline and a renamed step, is listed by id and name', async () => {
  const edited = birthXml
    .replace(/(<bpmn:userTask id="Task_RegisterBirth"[^>]*?)name="[^"]*"/, '$1name="Đăng ký khai sinh (sửa)"')
    .replace(/(<bpmn:userTask id="Task_RegisterBirth"[^>]*?)>/, '$1 onestop:department="CONGAN_XA">')
    .replace(/(<bpmn:userTask id="Task_RegisterBirth"[^>]*?)onestop:deadline="[^"]*"/, '$1onestop:deadline="P2D"');
  const after = await modelOf(edited);
  expect(after.steps.Task_RegisterBirth.department).toBe('CONGAN_XA');
  const diff = diffVersions(birth, after);

  expect(diff.same).toBe(false);
  const changed = diff.elements.changed.find((c) => c.id === 'Task_RegisterBirth');
  expect(changed).toMatchObject({ name: 'Đăng ký khai sinh (sửa)', previousName: birth.steps.Task_RegisterBirth.name });
  expect(changed?.aspects).toEqual(expect.arrayContaining(['name', 'department', 'deadline']));
  expect(diff.departments).toEqual([{ id: 'Task_RegisterBirth', name: 'Đăng ký khai sinh (sửa)', from: birth.steps.Task_RegisterBirth.department, to: 'CONGAN_XA' }]);
  expect(diff.deadlines).toEqual([{ id: 'Task_RegisterBirth', name: 'Đăng ký khai sinh (sửa)', from: birth.steps.Task_RegisterBirth.deadline, to: 'P2D' }]);
  // Nothing else is reported as changed.
  expect(diff.elements.changed.map((c) => c.id)).toEqual(['Task_RegisterBirth']);
  expect(diff.forms).toEqual([]);
});

test('added and removed steps, and the procedure deadline', () => {
  const after = structuredClone(birth);
  const [firstId] = Object.keys(after.steps);
  const removedName = after.elementNames[firstId];
  delete after.steps[firstId];
  delete after.elementNames[firstId];
  after.elementNames.Task_New = 'Bước mới';
  after.steps.Task_New = { ...birth.steps[firstId], elementId: 'Task_New', name: 'Bước mới', department: 'BHXH' };
  after.deadline = 'P9D';

  const diff = diffVersions(birth, after);
  expect(diff.elements.added).toEqual([{ id: 'Task_New', name: 'Bước mới' }]);
  expect(diff.elements.removed).toEqual([{ id: firstId, name: removedName }]);
  expect(diff.deadlines).toContainEqual({ id: null, name: birth.name, from: birth.deadline, to: 'P9D' });
  expect(diff.departments).toEqual(expect.arrayContaining([
    { id: firstId, name: removedName, from: birth.steps[firstId].department, to: null },
    { id: 'Task_New', name: 'Bước mới', from: null, to: 'BHXH' },
  ]));
});

test('form fields added, removed and changed (a field made required counts as changed); key order does not matter', () => {
  const before = { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string', maxLength: 5 }, c: { type: 'integer' } }, required: ['a'] };
  const after = { required: ['a', 'c'], properties: { c: { type: 'integer' }, b: { maxLength: 9, type: 'string' }, d: { type: 'boolean' } }, type: 'object' };
  expect(diffFormFields(before, after)).toEqual({ added: ['d'], removed: ['a'], changed: ['c', 'b'] });
  const reordered = { properties: { c: { type: 'integer' }, b: { type: 'string', maxLength: 5 }, a: { type: 'string' } }, required: ['a'], type: 'object' };
  expect(diffFormFields(before, reordered)).toEqual({ added: [], removed: [], changed: [] });

  const after2 = structuredClone(birth);
  after2.startForm = { ...(birth.startForm ?? {}), properties: { ...((birth.startForm?.properties as object) ?? {}), extraField: { type: 'string' } } };
  const diff = diffVersions(birth, after2);
  expect(diff.forms).toEqual([{ id: null, name: birth.name, change: 'changed', fields: { added: ['extraField'], removed: [], changed: [] } }]);
});
