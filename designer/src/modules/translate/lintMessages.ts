// The live lint in the reader's language: the rules run in the browser as on
// the server (engine/lint), and each report's sentence is replaced, as it is
// made, by the catalogue's (engine/lint/lintMessages.ts) – so the problem
// list and bpmn-js-bpmnlint's overlays both read Vietnamese, the element named
// as a person calls it (./elementNames.ts). English keeps the rules' own
// sentences.

import { elementLabel, lintMessage, type LintLang } from '../../../../engine/lint/lintMessages.js';
import { bpmnTranslate } from '../../../../web/shared/i18n/i18n.js';
import { personLabel } from './elementNames.js';
import type { LintConfig, LintResolver, ModdleElement, Reporter, ReportDetails, RuleDefinition, RuleFactory } from '../../../../engine/lint/types.js';

type Check = RuleDefinition['check'];

/** The element a report names, when it is the one checked or next to it. */
function reportedElement(node: ModdleElement, id: string | undefined): ModdleElement | undefined {
  if (!id || !node) return undefined;
  const near: ModdleElement[] = [node, ...(node.outgoing ?? []), ...(node.incoming ?? []), ...(node.flowElements ?? []), ...(node.artifacts ?? [])];
  return near.find((e) => e?.id === id);
}

function localReporter(reporter: Reporter, node: ModdleElement, rule: string, lang: LintLang): Reporter {
  return {
    report(id, message, details) {
      const extra = details && !Array.isArray(details) ? details as ReportDetails : {};
      // The reported element by its name or kind: the one checked or a neighbour (a gateway reports its flows); else by its id.
      const label = personLabel(reportedElement(node, id), bpmnTranslate) ?? elementLabel(undefined, id);
      reporter.report(id, lintMessage({ rule, message, code: extra.code, params: extra.params }, lang, label), details);
    },
  };
}

function localCheck(check: Check, rule: string, lang: LintLang): Check {
  if (typeof check === 'function') return (node, reporter) => check(node, localReporter(reporter, node, rule, lang));
  return {
    ...(check.enter ? { enter: (node: ModdleElement, reporter: Reporter) => check.enter!(node, localReporter(reporter, node, rule, lang)) } : {}),
    ...(check.leave ? { leave: (node: ModdleElement, reporter: Reporter) => check.leave!(node, localReporter(reporter, node, rule, lang)) } : {}),
  };
}

/** The packed lint configuration with every rule's reports in `lang`. */
export function localizedLint(packed: { config: LintConfig; resolver: LintResolver }, lang: LintLang): { config: LintConfig; resolver: LintResolver } {
  if (lang === 'en') return packed;
  const { resolver } = packed;
  return {
    config: packed.config,
    resolver: {
      resolveConfig: (pkg, name) => resolver.resolveConfig(pkg, name),
      resolveRule(pkg, name) {
        const factory = resolver.resolveRule(pkg, name);
        if (!factory) return null;
        const localized: RuleFactory = (config) => {
          const definition = factory(config);
          return { ...definition, check: localCheck(definition.check, name, lang) };
        };
        return localized;
      },
    },
  };
}
