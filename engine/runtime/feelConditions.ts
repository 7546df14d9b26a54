import { evaluate } from '@bpmn-io/feelin';
import { evaluateInWorker, mayRunLong } from './feelBudget.js';

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


const inWorker = new Set<Promise<unknown>>();

/**
 * The same, within a time budget, answering through `done`: an expression
 * that can run long (loops, ranges, regular expressions) is evaluated in a
 * worker thread stopped when the budget is spent (FeelBudgetExceeded), so
 * one analyst's condition never blocks the server. The others answer at once,
 * synchronously, as bpmn-engine expects of nearly every condition.
 */
export function evaluateFeelConditionBounded(expression: string, data: DossierData, done: (err: Error | null, result?: boolean) => void): void {
  if (!mayRunLong(expression)) {
    let result: boolean;
    try {
      result = evaluateFeelCondition(expression, data);
    } catch (err) {
      return done(err as Error);
    }
    return done(null, result);
  }
  const evaluation = evaluateInWorker(expression, JSON.parse(JSON.stringify(data ?? {}))).then(
    (result) => done(null, result),
    (err: Error) => done(err),
  );
  inWorker.add(evaluation);
  void evaluation.finally(() => inWorker.delete(evaluation));
}

/**
 * Resolves once no condition is being evaluated in the worker any more: a
 * run that took a worker-evaluated branch goes on when its answer comes, so
 * whoever inspects the run waits for this first.
 */
export async function conditionsSettled(): Promise<void> {
  while (inWorker.size) await Promise.allSettled([...inWorker]);
}
