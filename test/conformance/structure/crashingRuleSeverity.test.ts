import { lintItemSeverity } from '../../../engine/lint/itemSeverity.js';
import { rules, severityOf } from '../../../engine/lint/plugin.js';

// A lint rule that crashes is reported by bpmnlint as category "rule-error".
// The server (lintBpmn) reports it at the rule's own level; the designer must
// too, or a crashing warning-only rule (deadline-budget) would show an error
// the server does not block on.

test('a crashing warning-only rule is a warning in the designer, a crashing error rule an error', () => {
  expect(severityOf('deadline-budget')).toBe('warn');
  expect(lintItemSeverity('rule-error', 'onestop/deadline-budget')).toBe('warning');
  expect(lintItemSeverity('rule-error', 'onestop/supported-elements')).toBe('error');
  for (const rule of Object.keys(rules)) {
    expect(lintItemSeverity('rule-error', `onestop/${rule}`)).toBe(severityOf(rule) === 'warn' ? 'warning' : 'error');
  }
});

test('ordinary reports keep their category', () => {
  expect(lintItemSeverity('warn', 'onestop/deadline-budget')).toBe('warning');
  expect(lintItemSeverity('error', 'onestop/no-script')).toBe('error');
  expect(lintItemSeverity('info', 'onestop/no-script')).toBe('info');
});
