import { compileForm, type FormValidator, type JsonSchema } from '../../forms/formValidator.js';

const compiled = new WeakMap<object, FormValidator>();

/** The validator of a waiting element's form (message, job), compiled once per deployed version. */
export function elementForm(schema: JsonSchema | null | undefined): FormValidator {
  if (!schema) return () => [];
  let validator = compiled.get(schema);
  if (!validator) compiled.set(schema, (validator = compileForm(schema)));
  return validator;
}
