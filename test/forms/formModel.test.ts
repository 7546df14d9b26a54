// The form builder writes the JSON Schema the workspace draws and the server
// validates: every supported field type goes there and back unchanged, and
// what the builder does not edit is kept.

import { comparisonRule, formToSchema, keyFromLabel, readComparison, schemaToForm, type BuilderForm } from '../../designer/src/modules/formBuilder/formModel.js';
import { compileForm } from '../../engine/forms/formValidator.js';
import { formSchemaError } from '../../engine/bpmn/extensionReader/formSchemaCheck.js';

const built: BuilderForm = {
  title: 'Tờ khai',
  rest: {},
  items: [
    { key: 'fullName', type: 'text', label: 'Họ và tên', required: true, minLength: 1, maxLength: 100 },
    { key: 'idNumber', type: 'text', label: 'Số định danh', required: true, pattern: '^[0-9]{12}$', message: 'Số định danh cá nhân gồm 12 chữ số' },
    { key: 'note', type: 'textarea', label: 'Ghi chú', required: false, description: 'Nếu có' },
    { key: 'people', type: 'integer', label: 'Số người', required: false, minimum: 1, maximum: 10 },
    { key: 'area', type: 'number', label: 'Diện tích', required: false, minimum: 0 },
    { key: 'validFrom', type: 'date', label: 'Từ ngày', required: true },
    { key: 'validTo', type: 'date', label: 'Đến ngày', required: true },
    { key: 'delivery', type: 'select', label: 'Nhận kết quả', required: false, options: [{ value: 'post', label: 'Qua bưu chính' }, { value: 'desk', label: 'Trực tiếp' }] },
    { key: 'gender', type: 'radio', label: 'Giới tính', required: false, options: [{ value: 'f', label: 'Nữ' }, { value: 'm', label: 'Nam' }] },
    { key: 'agree', type: 'checkbox', label: 'Cam đoan', required: true },
  ],
  rules: [{ when: comparisonRule('validTo', 'after', 'validFrom'), field: 'validTo', message: 'Đến ngày phải sau từ ngày' }],
};

describe('the form builder\'s schema', () => {
  const schema = formToSchema(built);

  it('is a usable form schema that reads back as the same form', () => {
    expect(formSchemaError(JSON.stringify(schema))).toBeNull();
    expect(schemaToForm(JSON.parse(JSON.stringify(schema)))).toEqual(built);
  });

  it('validates as the builder said: required, pattern with its own message, bounds, choices, the rule', () => {
    const validate = compileForm(schema);
    const good = { fullName: 'Lê Thị Hương', idNumber: '012345678901', validFrom: '2026-01-01', validTo: '2026-12-31', delivery: 'post', gender: 'f', agree: true, people: 3 };
    expect(validate(good)).toEqual([]);
    const paths = (data: Record<string, unknown>) => validate({ ...good, ...data }).map((e) => `${e.path} ${e.message}`);
    expect(paths({ idNumber: '123' })).toEqual(['/idNumber Số định danh cá nhân gồm 12 chữ số']);
    expect(paths({ people: 11 })).toEqual(['/people must be <= 10']);
    expect(paths({ delivery: 'fax' })[0]).toMatch(/^\/delivery /);
    expect(paths({ validTo: '2026-01-01' })).toEqual(['/validTo Đến ngày phải sau từ ngày']);
  });

  it('keeps what it does not edit (a nested group, an e-mail field, root keywords) in place', () => {
    const handWritten = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      properties: {
        email: { type: 'string', format: 'email', title: 'Thư điện tử' },
        address: { type: 'object', title: 'Địa chỉ', properties: { ward: { type: 'string' } } },
        name: { type: 'string', title: 'Tên' },
      },
      required: ['address'],
    };
    const form = schemaToForm(handWritten);
    expect(form.items.map((i) => i.type)).toEqual(['kept', 'kept', 'text']);
    expect(formToSchema(form)).toEqual(handWritten);
  });

  it('reads the rules it wrote as comparisons, and makes field keys from Vietnamese labels', () => {
    expect(readComparison('validTo <= validFrom')).toEqual({ field: 'validTo', comparison: 'after', other: 'validFrom' });
    expect(readComparison('date(validTo) < today()')).toBeNull();
    expect(keyFromLabel('Ngày hết hạn thẻ', new Set())).toBe('ngayHetHanThe');
    expect(keyFromLabel('Đến ngày', new Set(['denNgay']))).toBe('denNgay2');
  });
});
