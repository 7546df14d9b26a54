// bpmn-js module: keyboard shortcuts never fire while the focus is in a text
// field (input, textarea, select, contenteditable), wherever that field is
// (properties panel, label editing, a dialog). diagram-js asks its keyboard
// whether to ignore an event; by default it never does.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

/** True for an element a person types into. */
export function isTextField(node: EventTarget | Element | null | undefined): boolean {
  const element = node as HTMLElement | null;
  if (!element || typeof element.closest !== 'function') return false;
  if (element.isContentEditable || element.closest('[contenteditable=""], [contenteditable="true"]')) return true;
  const tag = element.tagName?.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag !== 'input') return false;
  const type = ((element as HTMLInputElement).type ?? 'text').toLowerCase();
  return !['button', 'checkbox', 'radio', 'submit', 'reset', 'file', 'image', 'range', 'color'].includes(type);
}

class KeyboardGuard {
  static $inject = ['keyboard'];

  constructor(keyboard: Any) {
    const ignored = keyboard._isEventIgnored?.bind(keyboard) ?? (() => false);
    keyboard._isEventIgnored = (event: KeyboardEvent) =>
      ignored(event) || isTextField(event.target) || isTextField(document.activeElement);
  }
}

export default {
  __init__: ['keyboardGuard'],
  keyboardGuard: ['type', KeyboardGuard],
};
