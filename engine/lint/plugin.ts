// The `onestop` bpmnlint plugin: its rules, its shareable config and a
// resolver that hands both to bpmnlint's Linter directly. bpmnlint normally
// finds plugins through Node's module resolution (package
// "bpmnlint-plugin-onestop"); the resolver makes that unnecessary, so the
// very same objects run on the server at deploy time and in the designer's
// browser bundle.

import type { LintConfig, LintResolver, RuleFactory } from './types.js';
import executableProcess from './rules/executable-process.js';
import noScript from './rules/no-script.js';
import feelCondition from './rules/feel-condition.js';
import userTaskDepartment from './rules/user-task-department.js';
import deadlineFormat from './rules/deadline-format.js';
import formSchema from './rules/form-schema.js';
import gatewayConditions from './rules/gateway-conditions.js';
import deadlineBudget from './rules/deadline-budget.js';
import supportedElements from './rules/supported-elements.js';
import cycleWithoutWait from './rules/cycle-without-wait.js';
import modelLimits from './rules/model-limits.js';
import documentLists from './rules/document-lists.js';
import laneDepartment from './rules/lane-department.js';
import multiInstance from './rules/multi-instance.js';
import callActivity from './rules/call-activity.js';

/** Short plugin name: rules are referenced as `onestop/<rule>`. */
export const PLUGIN_NAME = 'onestop';
/** The package name bpmnlint expands `onestop` to when resolving. */
export const PLUGIN_PACKAGE = `bpmnlint-plugin-${PLUGIN_NAME}`;

export const rules: Record<string, RuleFactory> = {
  'executable-process': executableProcess,
  'no-script': noScript,
  'feel-condition': feelCondition,
  'user-task-department': userTaskDepartment,
  'deadline-format': deadlineFormat,
  'form-schema': formSchema,
  'gateway-conditions': gatewayConditions,
  'deadline-budget': deadlineBudget,
  'supported-elements': supportedElements,
  'cycle-without-wait': cycleWithoutWait,
  'model-limits': modelLimits,
  'document-lists': documentLists,
  'lane-department': laneDepartment,
  'multi-instance': multiInstance,
  'call-activity': callActivity,
};

/** Over-budget paths are a planning smell, not a defect: warn only. Everything else refuses the file. */
export function severityOf(ruleName: string): 'warn' | 'error' {
  return ruleName === 'deadline-budget' || ruleName === 'lane-department' ? 'warn' : 'error';
}

export const configs: Record<string, LintConfig> = {
  recommended: {
    rules: Object.fromEntries(Object.keys(rules).map((name) => [
      `${PLUGIN_NAME}/${name}`,
      severityOf(name),
    ])),
  },
};

// bpmnlint asks with the expanded package name; the short and scoped
// spellings are accepted too so a hand-written config cannot miss.
function isOurs(pkg: string): boolean {
  return pkg === PLUGIN_PACKAGE || pkg === PLUGIN_NAME;
}

/**
 * Resolver for `new Linter({ resolver })`. Unknown names resolve to null,
 * which bpmnlint turns into "unknown rule <name>" / "unknown config <name>".
 */
export const resolver: LintResolver = {
  resolveRule(pkg, ruleName) {
    return isOurs(pkg) && Object.hasOwn(rules, ruleName) ? rules[ruleName]! : null;
  },
  resolveConfig(pkg, configName) {
    return isOurs(pkg) && Object.hasOwn(configs, configName) ? configs[configName]! : null;
  },
};
