// Where a validator's error belongs in a form generated from a JSON Schema:
// JSON pointers ("/applicant/email") to field paths ("applicant.email",
// list items "items[].name") and the subschema of a path. Pure, so the unit
// tests run it in node.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Schema = Record<string, any>;

const isObject = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The subschema of a field path ("a.b", list items "a[].b"), following local $refs once. */
export function schemaAt(root: Schema, path: string): Schema {
  const deref = (s: Schema): Schema => {
    if (typeof s.$ref !== 'string' || !s.$ref.startsWith('#/')) return s;
    let target: unknown = root;
    for (const part of s.$ref.slice(2).split('/')) target = isObject(target) ? target[part] : undefined;
    return isObject(target) ? { ...target, ...s, $ref: undefined } : s;
  };
  let node: Schema = deref(root);
  for (const part of path.split('.')) {
    const list = part.endsWith('[]');
    const name = list ? part.slice(0, -2) : part;
    node = deref(isObject(node.properties) && isObject(node.properties[name]) ? node.properties[name] : {});
    if (list) node = deref(isObject(node.items) ? node.items : {});
  }
  return node;
}

/** "/applicant/email" → "applicant.email"; "/items/2/name" → "items[].name". */
export function pointerToPath(pointer: string): string {
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const out: string[] = [];
  for (const part of parts) {
    if (/^\d+$/.test(part) && out.length) out[out.length - 1] += '[]';
    else out.push(part);
  }
  return out.join('.');
}

/** The field an error belongs to: the path itself, else its nearest ancestor that is a field; null for the form. */
export function fieldForPointer(pointer: string, known: ReadonlySet<string>): string | null {
  let path = pointerToPath(pointer);
  while (path) {
    if (known.has(path)) return path;
    if (path.endsWith('[]')) {
      path = path.slice(0, -2);
      continue;
    }
    const dot = path.lastIndexOf('.');
    path = dot > 0 ? path.slice(0, dot) : '';
  }
  return null;
}
