import { feelCostProblem } from '../../engine/bpmn/extensionReader/feelSyntax.js';

// What the deploy check refuses in a FEEL condition before any dossier runs it.

test.each([
  ['count(for i in 1..100000000 return i) > 0', /100,000,000 iterations/],
  ['count(for i in 1..1000, j in 1..1000 return i) > 0', /1,000,000 iterations/],
  ['some i in 0..20000 satisfies i = x', /20,001 iterations/],
  ['matches(note, "^(a+)+$")', /nests quantifiers/],
  ['matches(note, "(x*)*y")', /nests quantifiers/],
])('refused: %s', (expression, reason) => {
  expect(feelCostProblem(expression)).toMatch(reason);
});

test.each([
  'decision = "approve"',
  'count(for i in 1..100 return i) > 0',
  'count(for i in 1..size return i) > 0',
  'matches(phone, "^0[0-9]{9}$")',
  'every x in items satisfies x.ok',
])('accepted: %s', (expression) => {
  expect(feelCostProblem(expression)).toBeNull();
});
