// How the designer names an element to a person in Vietnamese: by its name,
// or, unnamed, by its kind ("luồng tuần tự chưa đặt tên") – never by its
// technical id, whose English prefixes (Task_, Gateway_, Event_ that bpmn-js
// generates) would read as English in a Vietnamese sentence. The id stays
// where a developer looks: the properties panel and the problem's data
// attributes.

type Translate = (template: string, replacements?: Record<string, string>) => string;

/** bpmn:SequenceFlow → "Sequence Flow", the key the properties panel's header translates too. */
export function kindKey(type: string): string {
  return type.replace(/^[^:]*:/, '').replace(/([a-z])([A-Z])/g, '$1 $2');
}

/**
 * `“Xử lý hồ sơ”` for a named element, `luồng tuần tự chưa đặt tên` for an
 * unnamed one whose kind the catalog knows, else undefined (the caller shows
 * the id).
 */
export function personLabel(element: { name?: string | null; $type?: string } | null | undefined, translate: Translate): string | undefined {
  if (!element) return undefined;
  const name = element.name?.replace(/\s+/g, ' ').trim();
  if (name) return `“${name}”`;
  if (!element.$type) return undefined;
  const key = kindKey(element.$type);
  const kind = translate(key);
  if (kind === key) return undefined;
  return translate('{kind} (unnamed)', { kind: kind.charAt(0).toLocaleLowerCase('vi') + kind.slice(1) });
}
