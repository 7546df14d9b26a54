// Multi-instance runs on user tasks and embedded sub-processes, parallel or
// sequential, over a FEEL collection of the dossier data or a cardinality.
// Everything else a modeler may write on the marker (a collection in another
// engine's attribute or language, a loop on another kind of activity, an
// element variable FEEL cannot name) is refused here, with what to write
// instead, rather than deploying and then running one instance or none.

import type { ModdleElement, Reporter, RuleDefinition } from '../types.js';
import { describe, is } from '../../bpmn/extensionReader/moddleElements.js';
import { belongsToProcedure } from '../../bpmn/executableProcess.js';
import { feelCostProblem, feelSyntaxError } from '../../bpmn/extensionReader/feelSyntax.js';
import { MAX_PARALLEL_TASKS } from '../../bpmn/modelLimits.js';

const FEEL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Each problem of a multi-instance marker, as one sentence (empty when it runs as drawn). */
export function multiInstanceProblems(node: ModdleElement): string[] {
  const marker = node.loopCharacteristics;
  if (!marker || !is(marker, 'bpmn:MultiInstanceLoopCharacteristics')) return [];
  const problems: string[] = [];
  if (!is(node, 'bpmn:UserTask') && node.$type !== 'bpmn:SubProcess') {
    problems.push('multi-instance runs on user tasks and embedded sub-processes only: put this element in a multi-instance sub-process, or draw one element per case after a parallel gateway');
    return problems;
  }
  const foreign = Object.keys(marker.$attrs ?? {}).filter((name) => /:(collection|elementVariable|loopCardinality)$/i.test(name) && !name.startsWith('onestop:'));
  if (foreign.length) problems.push(`${foreign.join(', ')} is another engine's attribute and is not read here: write the list as onestop:collection="= agencies" (a FEEL expression over the dossier data) and the item's name as onestop:elementVariable="agency"`);

  const collection: string | undefined = typeof marker.collection === 'string' ? marker.collection : undefined;
  const cardinality: string | undefined = typeof marker.loopCardinality?.body === 'string' ? marker.loopCardinality.body : undefined;
  if (collection !== undefined) problems.push(...feelProblems('onestop:collection', collection, true));
  if (cardinality !== undefined && cardinality.trim() !== '') {
    const written = cardinality.trim();
    if (written.startsWith('=')) problems.push(...feelProblems('the loop cardinality', written, true));
    else if (!/^\d+$/.test(written)) problems.push(`the loop cardinality ${JSON.stringify(written)} is neither a whole number nor a FEEL expression (= n)`);
    else if (Number(written) > MAX_PARALLEL_TASKS) problems.push(`the loop cardinality ${written} is more than the ${MAX_PARALLEL_TASKS} steps one step may open at once`);
  }
  if (collection === undefined && (cardinality === undefined || cardinality.trim() === '') && !foreign.length) {
    problems.push('it says neither how many instances nor over which list: set onestop:collection="= agencies" (a FEEL list in the dossier data) or a loop cardinality');
  }
  const variable: string | undefined = marker.elementVariable;
  if (variable !== undefined && !FEEL_NAME.test(variable)) problems.push(`onestop:elementVariable "${variable}" is not a name FEEL can refer to (letters, digits and _, not starting with a digit)`);
  if (variable !== undefined && collection === undefined) problems.push('onestop:elementVariable names the item of onestop:collection, which is missing');

  const condition = marker.completionCondition;
  if (condition) {
    const language = String(condition.language ?? '').trim().toLowerCase();
    if (language && language !== 'feel' && !language.includes('omg.org/spec/dmn') && !language.includes('omg.org/spec/feel')) {
      problems.push(`the completion condition is written in ${condition.language}: write it in FEEL, e.g. = nrOfCompletedInstances >= 2`);
    } else {
      problems.push(...feelProblems('the completion condition', String(condition.body ?? ''), false));
    }
  }
  return problems;
}

function feelProblems(what: string, written: string, mustStartWithEquals: boolean): string[] {
  const text = written.trim();
  if (mustStartWithEquals && !text.startsWith('=')) return [`${what} ${JSON.stringify(text)} is not a FEEL expression: start it with "=", e.g. "= agencies"`];
  if (/\$\{|#\{/.test(text)) return [`${what} ${JSON.stringify(text)} is an expression of another language: write it in FEEL, e.g. "= agencies"`];
  const body = text.replace(/^=/, '').trim();
  const syntax = feelSyntaxError(body);
  if (syntax) return [`${what} ${JSON.stringify(text)} is not a valid FEEL expression: ${syntax}`];
  const cost = feelCostProblem(body);
  return cost ? [`${what} ${JSON.stringify(text)} is refused: ${cost}`] : [];
}

export default function ruleFactory(): RuleDefinition {
  function check(node: ModdleElement, reporter: Reporter): void {
    if (!is(node, 'bpmn:Activity') || !node.loopCharacteristics || !belongsToProcedure(node)) return;
    for (const problem of multiInstanceProblems(node)) reporter.report(node.id, `The multi-instance ${describe(node)} is refused: ${problem}.`);
  }
  return { check };
}
