// How a bpmnlint report reads in the designer's problem list. A rule that
// crashed (category "rule-error") is a problem of that rule at the rule's own
// level, as on the server (lintBpmn): a crashing warning-only rule shows a
// warning and never an error that would block the deploy.

import { PLUGIN_NAME, severityOf } from './plugin.js';

export type ItemSeverity = 'error' | 'warning' | 'info';

export function lintItemSeverity(category: string | undefined, rule: string | undefined): ItemSeverity {
  if (category === 'warn') return 'warning';
  if (category === 'info') return 'info';
  if (category === 'rule-error' && rule) {
    const name = rule.startsWith(`${PLUGIN_NAME}/`) ? rule.slice(PLUGIN_NAME.length + 1) : rule;
    return severityOf(name) === 'warn' ? 'warning' : 'error';
  }
  return 'error';
}
