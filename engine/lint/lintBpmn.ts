// Deploy-time check of an uploaded procedure: parse it with the onestop
// extension, turn parser complaints into problems, then run the onestop
// bpmnlint rules with the same configuration the designer uses.

import { BpmnModdle } from 'bpmn-moddle';
import { moddleExtensions } from '../bpmn/onestopModdle.js';
import { Linter } from './bpmnlintLinter.js';
import { onestopLintConfig, type LintOptions } from './lintConfig.js';
import { PLUGIN_NAME, resolver, rules, severityOf } from './plugin.js';
import { exceedsLimits } from '../bpmn/modelLimits.js';
import type { Reporter } from './types.js';
import { mapParseFailure, mapImportWarnings } from './parseProblems.js';
import type { LintProblem } from './problem.js';
import { elementLabel } from './lintMessages.js';

export type { LintProblem } from './problem.js';
export type { LintOptions } from './lintConfig.js';

interface Moddle {
  fromXML(xml: string): Promise<FromXmlResult>;
}

// Building the moddle instance loads and indexes the BPMN meta-model; one
// instance serves every parse (fromXML keeps its state per call).
let sharedModdle: Moddle | undefined;

function moddle(): Moddle {
  sharedModdle ??= new BpmnModdle(moddleExtensions) as Moddle;
  return sharedModdle;
}

interface FromXmlResult {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  rootElement: any;
  elementsById?: Record<string, unknown>;
  warnings?: { message: string; element?: { id?: string }; property?: string; value?: unknown }[];
}

export async function lintBpmn(
  xml: string,
  options: LintOptions = {},
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
): Promise<{ definitions: any | null; problems: LintProblem[] }> {
  let parsed: FromXmlResult;
  try {
    parsed = await moddle().fromXML(typeof xml === 'string' ? xml : String(xml ?? ''));
  } catch (error) {
    return { definitions: null, problems: [mapParseFailure(error)] };
  }

  const problems = mapImportWarnings(parsed.warnings ?? [], xml);

  // An oversized or too deeply nested model is refused on its size alone,
  // before any rule walks it: the costly rules are meant for bounded models.
  if (exceedsLimits(parsed.rootElement)) {
    problems.push(...limitProblems(parsed.rootElement));
    return { definitions: parsed.rootElement, problems };
  }

  // A fresh Linter per run: bpmnlint caches each rule instance together with
  // the options it was created with, so a shared Linter would keep the
  // department list of the first run.
  const linter = new Linter({ resolver });
  const results = await linter.lint(parsed.rootElement, onestopLintConfig(options));

  for (const [ruleName, reports] of Object.entries(results)) {
    const rule = ruleName.startsWith(`${PLUGIN_NAME}/`) ? ruleName.slice(PLUGIN_NAME.length + 1) : ruleName;
    for (const report of reports) {
      problems.push({
        elementId: report.id ?? null,
        message: report.category === 'rule-error'
          ? `The lint rule ${rule} failed on this file (${report.message}); please report this as a bug.`
          : report.message,
        rule,
        // A crashed rule counts as a problem of that rule at the rule's own
        // level: a warning-only rule never blocks a deploy by crashing.
        severity: report.category === 'error' || (report.category === 'rule-error' && severityOf(rule) === 'error') ? 'error' : 'warning',
        ...(report.code ? { code: report.code } : {}),
        ...(report.params ? { params: report.params } : {}),
      });
    }
  }

  return { definitions: parsed.rootElement, problems: withElementNames(inDocumentOrder(problems, parsed.elementsById ?? {}), parsed.elementsById ?? {}) };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function limitProblems(definitions: any): LintProblem[] {
  const found: LintProblem[] = [];
  const reporter: Reporter = {
    report(id, message) {
      found.push({ elementId: id ?? null, message, rule: 'model-limits', severity: 'error' });
    },
  };
  const check = rules['model-limits']!().check;
  for (const root of definitions.rootElements ?? []) {
    if (typeof check === 'function') check(root, reporter);
  }
  return found;
}

/** Every problem names its element in its params, so that a client can say it in its own language. */
function withElementNames(problems: LintProblem[], elementsById: Record<string, unknown>): LintProblem[] {
  return problems.map((problem) => {
    if (!problem.elementId) return problem;
    const name = (elementsById[problem.elementId] as { name?: string } | undefined)?.name;
    return { ...problem, params: { element: elementLabel(name, problem.elementId), ...problem.params } };
  });
}

export function errorsOf(problems: LintProblem[]): LintProblem[] {
  return problems.filter((problem) => problem.severity === 'error');
}

export function warningsOf(problems: LintProblem[]): LintProblem[] {
  return problems.filter((problem) => problem.severity === 'warning');
}

/**
 * Sorted as the elements appear in the file (moddle registers ids in parse
 * order); file-level problems first. The sort is stable, so problems of one
 * element keep the rule order.
 */
function inDocumentOrder(problems: LintProblem[], elementsById: Record<string, unknown>): LintProblem[] {
  const position = new Map(Object.keys(elementsById).map((id, index) => [id, index]));
  const rank = (problem: LintProblem) =>
    problem.elementId === null ? -1 : position.get(problem.elementId) ?? Number.MAX_SAFE_INTEGER;
  return [...problems].sort((a, b) => rank(a) - rank(b));
}
