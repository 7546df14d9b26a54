// bpmn-elements resolves `${...}` templates against the execution context,
// which can reach functions and services. Uploaded BPMN must never steer that,
// so every template is returned as written: nothing is looked up or called.
// Deployment already refuses `${` in conditions; this is the second wall.
export function inertExpressions() {
  return {
    resolveExpression(template: unknown): unknown {
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
