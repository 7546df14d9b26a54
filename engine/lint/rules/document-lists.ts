// The papers a procedure lists (onestop:documents on the start event) and the
// papers a step produces (onestop:resultDocuments on a user task) become the
// reception checklist and a completion rule: a paper without a code or name,
// a code given twice or a malformed list would make either unusable.

import type { ModdleElement, Reporter, RuleDefinition } from '../types.js';
import { describe, is } from '../../bpmn/extensionReader/moddleElements.js';
import { documentListProblems, DOCUMENTS, RESULT_DOCUMENTS } from '../../bpmn/extensionReader/documentLists.js';

export default function ruleFactory(): RuleDefinition {
  function check(node: ModdleElement, reporter: Reporter): void {
    if (!is(node, 'bpmn:FlowNode')) return;
    const values: ModdleElement[] = node.extensionElements?.values ?? [];
    const hasDocuments = values.some((v) => is(v, DOCUMENTS));
    const hasResults = values.some((v) => is(v, RESULT_DOCUMENTS));
    if (hasDocuments && !is(node, 'bpmn:StartEvent')) {
      reporter.report(node.id, `The ${describe(node)} lists onestop:documents; the papers of a dossier are listed on the start event only.`);
    }
    if (hasResults && !is(node, 'bpmn:UserTask')) {
      reporter.report(node.id, `The ${describe(node)} lists onestop:resultDocuments; only a user task attaches result papers.`);
    }
    for (const problem of documentListProblems(node)) reporter.report(node.id, `The ${describe(node)} ${problem}.`);
  }
  return { check };
}
