// bpmn-elements resolves `${...}` templates against the execution context,
// which can reach functions and services. Uploaded BPMN must never steer that,
// so every template is returned as written: nothing is looked up or called.
// Deployment already refuses `${` in conditions; this is the second wall.
// The one exception is a function, which only the engine's own elements put
// there (a multi-instance completion condition compiled from FEEL): BPMN text
// never becomes a function.
export function inertExpressions() {
  return {
    resolveExpression(template: unknown, context?: unknown): unknown {
      if (typeof template === 'function') return (template as (context: unknown) => unknown)(context);
      return template;
    },
    isExpression(): boolean {
      return false;
    },
    hasExpression(): boolean {
      return false;
    },
  };
}
