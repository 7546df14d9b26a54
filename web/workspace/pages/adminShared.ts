// What the administration pages share: the memberships written as text
// ("officer:TUPHAP_XA", one per line), a table of rows, and how a change is
// run and reported.

import { ApiError, type Membership, type PersonRole } from '../../shared/api/client.js';
import { el, fill, type Child } from '../../shared/dom.js';
import { tr } from '../../shared/i18n/i18n.js';

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

/** The sentence shown when a change failed: the server's detail when it sent one. */
export const errorText = (err: unknown): string => tr('common.error', { detail: err instanceof ApiError ? err.message : String(err) });

/** Runs an administrator's change: says it was saved and refreshes the page, or says why it failed. */
export function adminAction(status: HTMLElement, refresh: () => Promise<void>) {
  return async (work: () => Promise<unknown>): Promise<void> => {
    try {
      await work();
      fill(status, tr('admin.saved'));
      await refresh();
    } catch (err) {
      fill(status, errorText(err));
    }
  };
}
