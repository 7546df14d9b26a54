// The slice of bpmnlint's rule contract this plugin relies on. Written out
// here because the project declares 'bpmnlint' as an untyped module, and the
// browser bundle must not depend on bpmnlint's internal type files anyway.

/** A bpmn-moddle element. Moddle objects are dynamic, so the type stays loose. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ModdleElement = any;

export interface Reporter {
  /** `id` may be undefined for elements without one (bpmnlint keeps it as is). */
  report(id: string | undefined, message: string, path?: string[] | ReportDetails): void;
}

/** What a rule may add to a report (bpmnlint spreads it onto the report): carried to the problem. */
export interface ReportDetails {
  path?: string[];
  /** A finer kind than the rule, with its own sentence in engine/lint/lintMessages.ts. */
  code?: string;
  params?: Record<string, string | number>;
}

export type EnterFn = (node: ModdleElement, reporter: Reporter) => boolean | void;
export type LeaveFn = (node: ModdleElement, reporter: Reporter) => void;

export interface RuleDefinition {
  meta?: { documentation?: { url?: string } };
  check: EnterFn | { enter?: EnterFn; leave?: LeaveFn };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type RuleFactory = (config?: any) => RuleDefinition;

export type RuleSeverity = 'off' | 'warn' | 'error' | 'info' | 0 | 1 | 2 | 3;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type RuleSetting = RuleSeverity | [RuleSeverity, any?];

/** A bpmnlint configuration (the shape of a `.bpmnlintrc`). */
export interface LintConfig {
  extends?: string | string[];
  rules?: Record<string, RuleSetting>;
}

/** What bpmnlint's `Linter` asks for instead of Node module resolution. */
export interface LintResolver {
  resolveRule(pkg: string, ruleName: string): RuleFactory | null;
  resolveConfig(pkg: string, configName: string): LintConfig | null;
}
