import { evaluate } from '@bpmn-io/feelin';

/**
 * The value of a one-stop FEEL attribute (`onestop:collection="= agencies"`,
 * `onestop:department="= agency.department"`): the text after the leading
 * `=`, evaluated over `context`. Long-running expressions are refused at
 * deploy (lint), so this stays a short synchronous call.
 */
export function evaluateFeelValue(expression: string, context: Record<string, unknown>): unknown {
  const result = evaluate(feelBody(expression), context) as unknown;
  return result && typeof result === 'object' && 'value' in (result as object) ? (result as { value: unknown }).value : result;
}

/** `= agencies` → `agencies`; an attribute without the `=` is a literal, not FEEL. */
export function feelBody(expression: string): string {
  return expression.trim().replace(/^=/, '').trim();
}

/** Whether a one-stop attribute is written as a FEEL expression (starts with `=`). */
export function isFeelAttribute(value: unknown): value is string {
  return typeof value === 'string' && value.trim().startsWith('=');
}
