import { evaluate } from '@bpmn-io/feelin';

export type DossierData = Record<string, unknown>;

const FEEL_LANGUAGES = new Set(['', 'feel', 'http://www.omg.org/spec/feel/20140401']);

export function isFeelLanguage(language: string | undefined | null): boolean {
  return FEEL_LANGUAGES.has((language ?? '').trim().toLowerCase());
}

/**
 * Evaluates a sequence-flow condition as a FEEL boolean expression over the
 * dossier's data. Anything but `true` (null, a number, a warning-only result)
 * means the flow is not taken: a gateway with no true branch then falls to its
 * default flow, which is the behaviour analysts expect from FEEL.
 */
export function evaluateFeelCondition(expression: string, data: DossierData): boolean {
  const result = evaluate(expression, data) as unknown;
  const value = result && typeof result === 'object' && 'value' in (result as object)
    ? (result as { value: unknown }).value
    : result;
  return value === true;
}

