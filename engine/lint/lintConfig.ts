// The one place the deploy-time lint configuration is written, so that the
// server (lintBpmn) and the designer (bpmn-js-bpmnlint) apply identical
// rules. Browser-safe: imports nothing from Node.

import type { LintConfig, LintResolver } from './types.js';
import { PLUGIN_NAME, resolver } from './plugin.js';

export interface LintOptions {
  /** Known department codes; when absent only the presence of a department is checked. */
  departments?: string[];
  /** Codes of the deployed procedures (server only): a call activity to another code is refused. */
  procedures?: string[];
}

export function onestopLintConfig(options: LintOptions = {}): LintConfig {
  const config: LintConfig = { extends: `plugin:${PLUGIN_NAME}/recommended` };
  if (options.departments) {
    config.rules = {
      [`${PLUGIN_NAME}/user-task-department`]: ['error', { departments: [...options.departments] }],
    };
  }
  if (options.procedures) {
    config.rules = { ...config.rules, [`${PLUGIN_NAME}/call-activity`]: ['error', { procedures: [...options.procedures] }] };
  }
  return config;
}

/**
 * The "packed config" shape bpmn-js-bpmnlint takes as `linting.bpmnlint`
 * (what bpmnlint-pack-config would otherwise generate from a .bpmnlintrc).
 */
export function packedLintConfig(options: LintOptions = {}): { config: LintConfig; resolver: LintResolver } {
  return { config: onestopLintConfig(options), resolver };
}
