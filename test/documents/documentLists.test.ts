import { readFileSync } from 'node:fs';
import { errorsOf, lintBpmn } from '../../engine/lint/lintBpmn.js';
import { parseBpmn } from '../../engine/bpmn/parseBpmn.js';
import { buildProcedureModel } from '../../engine/procedures/procedureModel.js';

const departments = ['TUPHAP_XA', 'UBND_XA_LANHDAO', 'MOTCUA_XA'];
const papersXml = readFileSync(new URL('./fixtures/papers.bpmn', import.meta.url), 'utf8');

/** The fixture with its checklist replaced. */
const withPapers = (papers: string) => papersXml.replace(/<onestop:documents>[\s\S]*?<\/onestop:documents>/, `<onestop:documents>${papers}</onestop:documents>`);

describe('the papers a procedure lists', () => {
  it('are read at deploy: the checklist of the start event and the result papers of a step', async () => {
    const { rootElement } = await parseBpmn(papersXml);
    const model = buildProcedureModel(rootElement);
    expect(model.documents).toEqual([
      { code: 'TO_KHAI', name: 'Tờ khai đăng ký theo mẫu', required: true, presentOnly: false },
      { code: 'BAN_VE', name: 'Bản vẽ thiết kế', required: true, presentOnly: false },
      { code: 'CCCD', name: 'Căn cước công dân (xuất trình)', required: false, presentOnly: true },
      { code: 'UY_QUYEN', name: 'Văn bản ủy quyền (nếu có)', required: false, presentOnly: false },
    ]);
    expect(model.steps.Task_Sign.resultDocuments).toEqual([{ code: 'GIAY_PHEP', name: 'Giấy phép đã ký số' }]);
    expect(model.steps.Task_Appraise.resultDocuments).toEqual([]);
  });

  it('pass lint when well formed', async () => {
    expect(errorsOf((await lintBpmn(papersXml, { departments })).problems)).toEqual([]);
  });

  it.each([
    ['a paper without a code', '<onestop:document name="Tờ khai" />', 'has no code'],
    ['a paper without a name', '<onestop:document code="TK" />', 'has no name'],
    ['a code listed twice', '<onestop:document code="TK" name="A" /><onestop:document code="TK" name="B" />', 'is listed twice'],
    ['a code that cannot name a form part', '<onestop:document code="tờ khai" name="A" />', 'invalid code'],
    ['required and only shown at once', '<onestop:document code="TK" name="A" required="true" presentOnly="true" />', 'cannot be both required'],
    ['an empty list', '', 'empty onestop:documents list'],
  ])('refuse %s', async (_what, papers, message) => {
    const errors = errorsOf((await lintBpmn(withPapers(papers), { departments })).problems);
    expect(errors.map((e) => e.message).join('\n')).toContain(message);
    expect(errors.every((e) => e.rule === 'onestop/document-lists' || e.rule === 'document-lists')).toBe(true);
  });

  it('refuse result papers anywhere but on a user task', async () => {
    const xml = papersXml.replace('<onestop:documents>', '<onestop:resultDocuments><onestop:document code="X" name="X" /></onestop:resultDocuments><onestop:documents>');
    const errors = errorsOf((await lintBpmn(xml, { departments })).problems);
    expect(errors.map((e) => `${e.elementId}: ${e.message}`).join('\n')).toContain('Start: ');
  });
});

describe('the sample procedures', () => {
  const samples = ['birth-residence-insurance', 'construction-permit-house', 'death-residence-funeral', 'enterprise-registration', 'land-use-right-transfer'];
  const allDepartments = (JSON.parse(readFileSync(new URL('../../processes/departments.json', import.meta.url), 'utf8')) as Array<{ code: string }>).map((d) => d.code);

  it.each(samples)('%s lists its papers in Vietnamese and still passes lint', async (name) => {
    const xml = readFileSync(new URL(`../../processes/${name}.bpmn`, import.meta.url), 'utf8');
    expect(errorsOf((await lintBpmn(xml, { departments: allDepartments })).problems)).toEqual([]);
    const model = buildProcedureModel((await parseBpmn(xml)).rootElement);
    expect(model.documents.length).toBeGreaterThanOrEqual(3);
    expect(model.documents[0].name).toMatch(/^(Tờ khai|Đơn|Giấy đề nghị)/);
    // The application form is required; papers only shown, or needed only in some cases ("nếu có", "trường hợp"), are not.
    expect(model.documents[0].required).toBe(true);
    for (const p of model.documents) {
      if (p.presentOnly || /nếu có|trường hợp/.test(p.name)) expect([p.code, p.required]).toEqual([p.code, false]);
    }
  });
});
