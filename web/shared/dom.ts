// The one DOM helper of the front end: the designer and the workspace build
// their pages with plain elements (see web/README.md for why).

export type Child = Node | string | number | null | undefined | false;
export type Attrs = Record<string, string | number | boolean | null | undefined | ((event: Event) => void)>;

/** el('a', { href: '/x', class: 'y', onclick: f }, 'text', child) */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') node.addEventListener(key.replace(/^on/, ''), value as EventListener);
    else if (value === true) node.setAttribute(key, '');
    else node.setAttribute(key, String(value));
  }
  append(node, ...children);
  return node;
}

export function append(node: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

export function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

/** Replaces the children of `node`. */
export function fill(node: Node, ...children: Child[]): void {
  clear(node);
  append(node, ...children);
}

export const $ = <T extends HTMLElement = HTMLElement>(selector: string, root: ParentNode = document): T | null => root.querySelector<T>(selector);

/**
 * Replaces the children of `node` only if the new ones would look different
 * (same markup): a poll that brings nothing new leaves the page alone, so a
 * button about to be clicked, an open list or a half-typed field survive it.
 * Returns whether the page changed.
 */
export function update(node: HTMLElement, ...children: Child[]): boolean {
  const next = document.createElement(node.tagName);
  append(next, ...children);
  if (next.innerHTML === node.innerHTML) return false;
  node.replaceChildren(...Array.from(next.childNodes));
  return true;
}

/** Saves a Blob under a file name (a download, as a link with `download` makes it). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
