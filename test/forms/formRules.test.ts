// Cross-field rules and the form's own messages: what the browser and the
// server both refuse, with the sentence a person reads.

import { compileForm } from '../../engine/forms/formValidator.js';
import { formRulesProblem, ruleExpressionProblem } from '../../engine/forms/formRules.js';
import { formSchemaError } from '../../engine/bpmn/extensionReader/formSchemaCheck.js';
import { fieldMessage } from '../../web/shared/forms/fieldMessage.js';

const card = {
  type: 'object',
  properties: {
    idNumber: { type: 'string', title: 'Số định danh cá nhân', pattern: '^[0-9]{12}$', 'x-message': 'Số định danh cá nhân gồm 12 chữ số' },
    validFrom: { type: 'string', format: 'date', title: 'Có giá trị từ ngày' },
    validTo: { type: 'string', format: 'date', title: 'Có giá trị đến ngày' },
  },
  required: ['idNumber'],
  'x-rules': [{ when: '= validTo < validFrom', field: 'validTo', message: 'Ngày hết hạn phải sau ngày bắt đầu có giá trị' }],
};

describe('a form with a cross-field rule and its own messages', () => {
  const validate = compileForm(card);

  it('refuses a card valid to a date before it is valid from, on the field, with the rule\'s sentence', () => {
    expect(validate({ idNumber: '012345678901', validFrom: '2026-11-30', validTo: '2020-01-01' }))
      .toEqual([{ path: '/validTo', message: 'Ngày hết hạn phải sau ngày bắt đầu có giá trị' }]);
  });

  it('accepts the dates in order, and says nothing when one of them is not filled in', () => {
    expect(validate({ idNumber: '012345678901', validFrom: '2026-01-01', validTo: '2026-12-31' })).toEqual([]);
    expect(validate({ idNumber: '012345678901', validTo: '2020-01-01' })).toEqual([]);
  });

  it('shows the field\'s own message instead of the pattern, once, and keeps "is required" as it is', () => {
    expect(validate({ idNumber: '12ab' })).toEqual([{ path: '/idNumber', message: 'Số định danh cá nhân gồm 12 chữ số' }]);
    expect(validate({})).toEqual([{ path: '/idNumber', message: 'is required' }]);
  });

  it('never shows a raw pattern to a person when the field has no message of its own', () => {
    expect(fieldMessage('must match pattern "^[0-9]{12}$"')).toBe('không đúng định dạng');
    expect(fieldMessage('Số định danh cá nhân gồm 12 chữ số')).toBe('Số định danh cá nhân gồm 12 chữ số');
  });

  it('is a usable schema at deploy (the strict check knows the keywords)', () => {
    expect(formSchemaError(JSON.stringify(card))).toBeNull();
  });
});

describe('rules refused at deploy', () => {
  const withRule = (rule: unknown) => JSON.stringify({ ...card, 'x-rules': [rule] });

  it('names a rule whose condition is not FEEL, lacks a message or names an unknown field', () => {
    expect(formSchemaError(withRule({ when: 'validTo <', message: 'x' }))).toMatch(/rule 1 of "x-rules": its condition is not a valid FEEL expression/);
    expect(formSchemaError(withRule({ when: 'validTo < validFrom', message: ' ' }))).toMatch(/has no "message"/);
    expect(formSchemaError(withRule({ when: 'validTo < validFrom', message: 'x', field: 'nope' }))).toMatch(/names the field "nope"/);
  });

  it('refuses what could run long inside the validator: loops, quantifiers, regular expressions', () => {
    expect(ruleExpressionProblem('for i in 1..1000000 return i')).toMatch(/for loop/);
    expect(ruleExpressionProblem('some x in [1,2] satisfies x > 1')).toMatch(/quantifier/);
    expect(ruleExpressionProblem('matches(idNumber, "^(a+)+$")')).toMatch(/matches\(\)/);
    expect(ruleExpressionProblem('date(validTo) < date(validFrom)')).toBeNull();
    expect(formRulesProblem({ type: 'object', 'x-rules': 'x' })).toMatch(/must be a list/);
  });
});
