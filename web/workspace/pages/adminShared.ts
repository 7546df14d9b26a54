// What the administration pages share: the memberships written as text
// ("officer:TUPHAP_XA", one per line) and a table of rows.

import type { Membership, PersonRole } from '../../shared/api/client.js';
import { el, type Child } from '../../shared/dom.js';

export const membershipsText = (list: readonly Membership[]) => list.map((m) => (m.department ? `${m.role}:${m.department}` : m.role)).join('\n');

/** "officer:TUPHAP_XA" lines → memberships (the server checks roles and departments). */
export function parseMemberships(text: string): Array<{ role: PersonRole; department: string | null }> {
  return text.split(/[\n,;]+/).map((l) => l.trim()).filter(Boolean).map((line) => {
    const [role, department] = line.split(':').map((p) => p.trim());
    return { role: role as PersonRole, department: department || null };
  });
}

export function table(headers: string[], rows: Child[][], attrs: Record<string, string> = {}): HTMLTableElement {
  return el('table', { class: 'ws-table', ...attrs },
    el('thead', {}, el('tr', {}, ...headers.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...rows.map((cells) => el('tr', {}, ...cells.map((c) => el('td', {}, c))))));
}
