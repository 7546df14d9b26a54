// A text field with no maxLength would accept a megabyte into every dossier
// row, history entry and webhook: unless the form says otherwise, a string is
// at most this long.
export const DEFAULT_MAX_STRING_LENGTH = 2_000;

type Schema = Record<string, unknown>;

const SUBSCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SUBSCHEMA_ONES = ['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'additionalItems'];
const SUBSCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'definitions'];

/** A copy of `schema` where every string without a maxLength (nor enum/const) gets the default. */
export function withDefaultStringLimit(schema: Schema, limit = DEFAULT_MAX_STRING_LENGTH): Schema {
  const copy: Schema = { ...schema };
  const type = copy.type;
  const isString = type === 'string' || (Array.isArray(type) && type.includes('string'));
  if (isString && copy.maxLength === undefined && copy.enum === undefined && copy.const === undefined) copy.maxLength = limit;
  const sub = (value: unknown) => (value && typeof value === 'object' && !Array.isArray(value) ? withDefaultStringLimit(value as Schema, limit) : value);
  for (const key of SUBSCHEMA_ONES) if (key in copy) copy[key] = Array.isArray(copy[key]) ? (copy[key] as unknown[]).map(sub) : sub(copy[key]);
  for (const key of SUBSCHEMA_LISTS) if (Array.isArray(copy[key])) copy[key] = (copy[key] as unknown[]).map(sub);
  for (const key of SUBSCHEMA_MAPS) {
    const map = copy[key];
    if (map && typeof map === 'object' && !Array.isArray(map)) copy[key] = Object.fromEntries(Object.entries(map).map(([k, v]) => [k, sub(v)]));
  }
  return copy;
}
