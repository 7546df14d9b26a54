// Which expressions the engine may evaluate. Only FEEL is interpreted, and it
// is interpreted by a sandboxed evaluator: anything else in an uploaded file
// (JavaScript, JUEL `${...}`, Groovy, ...) would mean running foreign code.

import type { ModdleElement } from '../../lint/types.js';
import { is } from './moddleElements.js';

// FEEL's namespace URIs as the DMN versions publish them: 1.1 (FEEL/20140401),
// 1.2 (DMN/20180521), 1.3 (DMN/20191111), 1.4 (DMN/20211108), 1.5
// (DMN/20230324). Tools write them with http or https, with or without the
// final slash, so those spellings are compared away.
const FEEL_URIS = new Set([
  'www.omg.org/spec/feel/20140401',
  'www.omg.org/spec/dmn/20180521/feel',
  'www.omg.org/spec/dmn/20191111/feel',
  'www.omg.org/spec/dmn/20211108/feel',
  'www.omg.org/spec/dmn/20230324/feel',
]);

export function isFeelLanguage(language: string): boolean {
  const spelled = language.trim().toLowerCase();
  if (spelled === 'feel') return true;
  return FEEL_URIS.has(spelled.replace(/^https?:\/\//, '').replace(/\/+$/, ''));
}

/**
 * Why an expression element must not be accepted, or null when it is
 * acceptable as (unchecked) FEEL. Shared by `no-script`, which reports the
 * reason, and `feel-condition`, which skips such expressions so that one
 * mistake yields one message.
 */
export function scriptReason(expression: ModdleElement): string | null {
  if (is(expression, 'bpmn:FormalExpression')) {
    const language = expression.language;
    if (typeof language === 'string' && language.trim() !== '' && !isFeelLanguage(language)) {
      return `declares the expression language "${language}", but only FEEL expressions are evaluated (language "feel" or no language at all)`;
    }
  }
  const body = expression?.body;
  if (typeof body === 'string' && body.includes('${')) {
    return 'uses the "${...}" expression-language (JUEL) syntax, which is not evaluated; write the condition in FEEL, e.g. decision = "approve"';
  }
  return null;
}

/** Condition-bearing properties: the expressions `feel-condition` must parse. */
export function conditionOf(node: ModdleElement): ModdleElement | undefined {
  if (is(node, 'bpmn:SequenceFlow')) return node.conditionExpression;
  if (is(node, 'bpmn:ConditionalEventDefinition')) return node.condition;
  return undefined;
}
