// bpmnlint's Linter, loaded for the server.
//
// bpmnlint 11 is CommonJS and require()s min-dash 5, which is ESM-only. Node
// (>= 20.19, require(esm)) and bundlers cope, but jest's module loader does
// not ("Must use import to load ES Module"), and jest also hands out its own
// loader for `import ... from 'bpmnlint'` and for node:module's createRequire.
// process.getBuiltinModule returns the real node:module, whose require is
// Node's own, so this works identically in production and under jest. The
// browser designer does not use this file: bpmn-js-bpmnlint brings bpmnlint.

import type { LintConfig, LintResolver } from './types.js';

export interface LintReport {
  id?: string;
  message: string;
  path?: string[];
  category: 'error' | 'warn' | 'info' | 'rule-error';
  code?: string;
  params?: Record<string, string | number>;
}

export interface BpmnLinter {
  /** Results keyed by normalised rule name, e.g. "onestop/no-script". */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  lint(definitions: any, config?: LintConfig): Promise<Record<string, LintReport[]>>;
}

export type BpmnLinterConstructor = new (options: { resolver: LintResolver; config?: LintConfig }) => BpmnLinter;

function loadLinter(): BpmnLinterConstructor {
  const nodeModule = process.getBuiltinModule('node:module');
  const nodeRequire = nodeModule.createRequire(import.meta.url);
  return (nodeRequire('bpmnlint') as { Linter: BpmnLinterConstructor }).Linter;
}

export const Linter: BpmnLinterConstructor = loadLinter();
