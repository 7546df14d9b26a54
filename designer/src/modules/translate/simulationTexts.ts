// Token simulation (bpmn-js-token-simulation) writes its buttons' titles, its
// log and its notifications in English without asking diagram-js' translate
// service. Its texts are put through that service as they appear: exact
// sentences are catalog keys (namespace `bpmn`), and the few it builds are
// matched here and rebuilt from templates. Only the simulation's own markup
// (classes `bts-…`) is touched; a text with no translation stays as written.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;
type Translate = (template: string, replacements?: Record<string, string>) => string;

/** The sentences token simulation builds: the catalog's key for each, and its values. */
const BUILT: readonly { pattern: RegExp; key: (m: RegExpExecArray) => string; params: (m: RegExpExecArray, translate: Translate) => Record<string, string> }[] = [
  { pattern: /^Set animation speed = (\w+)$/, key: () => 'Set animation speed = {speed}', params: (m, tr) => ({ speed: tr(m[1]) }) },
  { pattern: /^Focus process instance (.+)$/, key: () => 'Focus process instance {id}', params: (m) => ({ id: m[1] }) },
  // A sub-process by its name ("Process started" and the like are keys of their own).
  { pattern: /^(.+) (started|finished|canceled)$/, key: (m) => `{name} ${m[2]}`, params: (m, tr) => ({ name: m[1] === 'SubProcess' ? tr('Sub-process') : m[1] }) },
];

/** A text of token simulation in the catalog's language (itself when the catalog has nothing for it). */
export function simulationText(text: string, translate: Translate): string {
  const trimmed = text.trim();
  if (!trimmed) return text;
  const exact = translate(trimmed);
  if (exact !== trimmed) return text.replace(trimmed, exact);
  for (const { pattern, key, params } of BUILT) {
    const m = pattern.exec(trimmed);
    if (!m) continue;
    const out = translate(key(m), params(m, translate));
    return text.replace(trimmed, out);
  }
  return text;
}

const ATTRIBUTES = ['title', 'aria-label'] as const;
const OWN = '[class*="bts-"]';

function localize(node: Node, translate: Translate): void {
  if (node.nodeType === Node.TEXT_NODE) {
    const parent = node.parentElement;
    if (!parent?.closest(OWN)) return;
    const next = simulationText(node.nodeValue ?? '', translate);
    if (next !== node.nodeValue) node.nodeValue = next;
    return;
  }
  if (!(node instanceof Element)) return;
  // The diagram's own shapes (most of what changes) hold none of it.
  if (!node.closest(OWN) && !node.querySelector(OWN)) return;
  const elements = [node, ...Array.from(node.querySelectorAll('*'))];
  for (const element of elements) {
    if (!element.closest(OWN)) continue;
    for (const attribute of ATTRIBUTES) {
      const value = element.getAttribute(attribute);
      if (value === null) continue;
      const next = simulationText(value, translate);
      if (next !== value) element.setAttribute(attribute, next);
    }
    for (const child of Array.from(element.childNodes)) {
      if (child.nodeType === Node.TEXT_NODE) localize(child, translate);
    }
  }
}

/** Localizes token simulation's markup in the canvas, now and whenever it changes. */
export class SimulationTexts {
  static $inject = ['canvas', 'translate'];

  constructor(canvas: Any, translate: Translate) {
    const container: HTMLElement = canvas.getContainer();
    localize(container, translate);
    new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === 'attributes' || record.type === 'characterData') localize(record.target, translate);
        else record.addedNodes.forEach((node) => localize(node, translate));
      }
    }).observe(container, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: [...ATTRIBUTES] });
  }
}
