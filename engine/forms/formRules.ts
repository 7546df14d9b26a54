// Cross-field rules of a form and the form's own words for people, carried in
// its JSON Schema next to the standard keywords:
//
//   "x-rules": [{ "when": "validTo < validFrom", "field": "validTo",
//                 "message": "Ngày hết hạn phải sau ngày bắt đầu" }]
//   "validTo": { "type": "string", "format": "date", "x-message": "…" }
//
// A rule's `when` is a FEEL expression over the form's data that describes
// the mistake: when it is true the data is refused with the rule's message on
// `field`. Anything but true (false, null because a field is empty) lets the
// data through, so a rule never makes an optional field required.
//
// This module runs in the browser (designer, workspace) and on the server,
// with the same FEEL evaluator the engine's conditions use (@bpmn-io/feelin):
// the browser and the server refuse the same data with the same sentence.
// Rules are evaluated in-process, synchronously, inside the validator: what
// could make that slow (loops, quantifiers, user functions, regular
// expressions) is refused when the procedure is deployed.

import { evaluate, parseExpression } from '@bpmn-io/feelin';
import type { FieldError } from '../errors.js';
import { feelSyntaxError } from '../bpmn/extensionReader/feelSyntax.js';

export interface FormRule {
  /** FEEL, true when the data is wrong (a leading "=" as Camunda writes it is allowed). */
  when: string;
  /** What the person filling in the form reads, in Vietnamese. */
  message: string;
  /** The field the message is shown on; the whole form when absent. */
  field?: string;
}

/** The schema keywords of this module: annotations to ajv, read here. */
export const RULES_KEYWORD = 'x-rules';
export const MESSAGE_KEYWORD = 'x-message';
/** How a field is drawn where JSON Schema leaves a choice ("radio" for a choice, "textarea" for text). */
export const WIDGET_KEYWORD = 'x-widget';
export const FORM_KEYWORDS = [RULES_KEYWORD, MESSAGE_KEYWORD, WIDGET_KEYWORD] as const;

type Schema = Record<string, unknown>;

const isObject = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The rules of a form (malformed entries are left out here and reported by formRulesProblem at deploy). */
export function formRulesOf(schema: unknown): FormRule[] {
  if (!isObject(schema) || !Array.isArray(schema[RULES_KEYWORD])) return [];
  return (schema[RULES_KEYWORD] as unknown[]).filter((r): r is FormRule =>
    isObject(r) && typeof r.when === 'string' && typeof r.message === 'string' && (r.field === undefined || typeof r.field === 'string'));
}

function expressionOf(rule: Pick<FormRule, 'when'>): string {
  return rule.when.trim().replace(/^=\s*/, '');
}

const SLOW_NODES: Record<string, string> = {
  ForExpression: 'a for loop',
  QuantifiedExpression: 'a some/every quantifier',
  FunctionDefinition: 'a function definition',
};
const SLOW_FUNCTIONS = new Set(['matches', 'replace', 'split']);

/** Null when a rule's expression parses and is cheap enough to run inside the validator, else why not. */
export function ruleExpressionProblem(when: string): string | null {
  const expression = expressionOf({ when });
  const syntax = feelSyntaxError(expression);
  if (syntax) return `its condition is not a valid FEEL expression: ${syntax}`;
  let problem: string | null = null;
  parseExpression(expression, {}, undefined).iterate({
    enter(node) {
      if (problem) return false;
      if (SLOW_NODES[node.name]) problem = `its condition uses ${SLOW_NODES[node.name]}, which a form rule may not (keep it to comparisons of the form's fields)`;
      if (node.name === 'FunctionInvocation') {
        const name = expression.slice(node.from, node.node.firstChild?.to ?? node.from).trim();
        if (SLOW_FUNCTIONS.has(name)) problem = `its condition calls ${name}(), which a form rule may not (use the field's pattern instead)`;
      }
      return undefined;
    },
  });
  return problem;
}

/** Null when the schema's rules and messages are usable, else the first problem as an English sentence fragment. */
export function formRulesProblem(schema: unknown): string | null {
  if (!isObject(schema)) return null;
  const raw = schema[RULES_KEYWORD];
  if (raw === undefined) return null;
  if (!Array.isArray(raw)) return `"${RULES_KEYWORD}" must be a list of rules`;
  const fields = isObject(schema.properties) ? new Set(Object.keys(schema.properties)) : new Set<string>();
  for (const [i, rule] of raw.entries()) {
    const which = `rule ${i + 1} of "${RULES_KEYWORD}"`;
    if (!isObject(rule) || typeof rule.when !== 'string' || !rule.when.trim()) return `${which} has no "when" condition`;
    if (typeof rule.message !== 'string' || !rule.message.trim()) return `${which} has no "message" for the person filling in the form`;
    if (rule.field !== undefined && (typeof rule.field !== 'string' || !fields.has(rule.field))) {
      return `${which} names the field ${JSON.stringify(rule.field)}, which the form does not have`;
    }
    const problem = ruleExpressionProblem(rule.when);
    if (problem) return `${which}: ${problem}`;
  }
  return null;
}

function isTrue(result: unknown): boolean {
  const value = isObject(result) && 'value' in result ? result.value : result;
  return value === true;
}

/** The rules the data breaks, as field errors (path = the rule's field). */
export function checkFormRules(rules: FormRule[], data: unknown): FieldError[] {
  if (!rules.length || !isObject(data)) return [];
  const errors: FieldError[] = [];
  for (const rule of rules) {
    let broken = false;
    try {
      broken = isTrue(evaluate(expressionOf(rule), data));
    } catch {
      // A rule that cannot be evaluated on this data says nothing about it.
      broken = false;
    }
    if (broken) errors.push({ path: rule.field ? `/${rule.field}` : '', message: rule.message });
  }
  return errors;
}

/** The form's own message for a field, when its schema has one. */
export function fieldMessageOf(schema: unknown): string | null {
  return isObject(schema) && typeof schema[MESSAGE_KEYWORD] === 'string' && schema[MESSAGE_KEYWORD].trim() ? schema[MESSAGE_KEYWORD] : null;
}

interface KeywordHost {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  addKeyword(definition: any): unknown;
  getKeyword(keyword: string): unknown;
}

/** Declares the keywords to an ajv instance (a strict one refuses unknown keywords). */
export function addFormKeywords(ajv: KeywordHost): void {
  const types = { 'x-rules': 'array', 'x-message': 'string', 'x-widget': 'string' } as const;
  for (const keyword of FORM_KEYWORDS) if (!ajv.getKeyword(keyword)) ajv.addKeyword({ keyword, schemaType: types[keyword] });
}
