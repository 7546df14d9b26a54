import { evaluateFeelConditionBounded, isFeelLanguage, type DossierData } from './feelConditions.js';
import { FeelBudgetExceeded } from './feelBudget.js';

type Callback = (err: Error | null, result?: unknown) => void;

interface ScriptOwner {
  id: string;
  type: string;
  behaviour?: { conditionExpression?: { body?: string; language?: string } };
}

/**
 * The script handler given to bpmn-engine. The library's default one runs
 * JavaScript through node:vm, which is not a sandbox. Here a sequence-flow
 * condition is evaluated as FEEL over the dossier's data, and every other
 * script (script tasks, other languages) fails the step with a clear error.
 *
 * `readData` is read at evaluation time so the same handler serves the
 * engine for the whole of one operation on one dossier.
 */
export function safeScripts(readData: () => DossierData) {
  return {
    register(): void {},
    getScript(language: string | undefined, owner: ScriptOwner) {
      const condition = owner?.behaviour?.conditionExpression;
      if (owner?.type === 'bpmn:SequenceFlow' && condition && isFeelLanguage(language ?? condition.language)) {
        const body = condition.body ?? '';
        return {
          execute(_scope: unknown, callback: Callback) {
            evaluateFeelConditionBounded(body, readData(), (err, result) =>
              err instanceof FeelBudgetExceeded
                ? callback(new Error(`<${owner.id}> the condition ${JSON.stringify(body.trim().slice(0, 80))} was stopped: ${err.message}`))
                : callback(err, result));
          },
        };
      }
      return {
        execute(_scope: unknown, callback: Callback) {
          callback(new Error(`<${owner?.id}> scripts are disabled: uploaded BPMN never runs code (language "${language ?? ''}")`));
        },
      };
    },
  };
}
