// The workspace's building blocks: router links, coloured chips, tables and
// cards, with the workspace's class names (workspace.css).

import { el, type Attrs, type Child } from '../../shared/dom.js';

/** A link the router follows without reloading the page. */
export function link(href: string, ...children: Child[]): HTMLAnchorElement {
  return el('a', { href, 'data-link': '' }, ...children);
}

/** A coloured label: late (red), soon (amber), ok (green), info (blue), muted (grey). */
export function chip(text: string, kind: 'late' | 'soon' | 'ok' | 'info' | 'muted', attrs: Attrs = {}): HTMLSpanElement {
  return el('span', { class: `ws-chip ws-chip-${kind}`, ...attrs }, text);
}

export function table(headers: Child[], rows: HTMLTableRowElement[], attrs: Attrs = {}): HTMLTableElement {
  const heads = headers.map((h) => el('th', { scope: 'col' }, h));
  // Each cell knows its column's name: on a narrow screen a `ws-card-rows` table shows every row as a card of labelled lines.
  for (const r of rows) {
    Array.from(r.cells).forEach((cell, i) => {
      const label = heads[i]?.textContent;
      if (label && !cell.hasAttribute('data-label')) cell.setAttribute('data-label', label);
    });
  }
  return el('table', { class: 'ws-table', ...attrs },
    el('thead', {}, el('tr', {}, ...heads)),
    el('tbody', {}, ...rows));
}

export function row(cells: Child[], attrs: Attrs = {}): HTMLTableRowElement {
  return el('tr', attrs, ...cells.map((c) => el('td', {}, c)));
}

export function section(title: string, attrs: Attrs = {}, ...children: Child[]): HTMLElement {
  return el('section', { class: 'ws-card', ...attrs }, el('h2', {}, title), ...children);
}
