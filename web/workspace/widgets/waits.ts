// What a dossier waits on, from `waitingOn` of GET /api/dossiers/{code}: the
// open steps, the jobs of other agencies' software, the timers with their due
// times (Vietnam time), the awaited replies and the open incidents, listed in
// a card and marked on the procedure diagram (a marker on each waiting
// element and a badge saying what kind of wait it is). A dossier in
// processing always waits on at least one of them.

import type { Dossier } from '../../shared/api/client.js';
import { el, update } from '../../shared/dom.js';
import { formatDateTime } from '../../shared/format.js';
import { tr, type WorkspaceKey } from '../../shared/i18n/i18n.js';
import { chip, row, table } from './blocks.js';
import type { DiagramView } from './diagram.js';

export type WaitingOn = Dossier['waitingOn'];
export type WaitKind = 'task' | 'job' | 'timer' | 'message' | 'incident';

export interface Wait {
  kind: WaitKind;
  elementId: string | null;
  name: string;
  department: string | null;
  /** Due time (a step's, a job's, a timer's, a reply's deadline), or when an incident opened. */
  at: string | null;
}

const ICONS: Record<WaitKind, string> = { task: '●', job: '⚙', timer: '⏱', message: '✉', incident: '⚠' };
const TONES: Record<WaitKind, 'late' | 'soon' | 'info'> = { task: 'info', job: 'info', timer: 'soon', message: 'soon', incident: 'late' };
const MARKER = 'ws-waiting';
const OVERLAY = 'ws-wait';

/** One list of every wait, in the order an officer reads them: incidents first, then by due time. */
export function waitsOf(w: WaitingOn): Wait[] {
  const list: Wait[] = [
    ...w.incidents.map((i) => ({ kind: 'incident' as const, elementId: i.elementId, name: i.message, department: null, at: i.createdAt })),
    ...w.tasks.map((t) => ({ kind: 'task' as const, elementId: t.elementId, name: t.name, department: t.department, at: t.dueAt })),
    ...w.jobs.map((j) => ({ kind: 'job' as const, elementId: j.elementId, name: j.name, department: j.department, at: j.dueAt })),
    ...w.timers.map((t) => ({ kind: 'timer' as const, elementId: t.elementId, name: t.name, department: null, at: t.dueAt })),
    ...w.messages.map((m) => ({ kind: 'message' as const, elementId: m.elementId, name: `${m.name} (${tr('waits.messageName', { name: m.messageName })})`, department: m.department, at: m.dueAt })),
  ];
  const due = (x: Wait) => (x.at ? Date.parse(x.at) : Number.POSITIVE_INFINITY);
  return list.sort((a, b) => Number(b.kind === 'incident') - Number(a.kind === 'incident') || due(a) - due(b));
}

/**
 * The card, filled into `box`, and the diagram's marks. `show` is cheap and
 * called on every refresh; the marks are redrawn only when the waits change
 * (or the diagram was re-imported for another version).
 */
export function waitingOnCard(box: HTMLElement, diagram: DiagramView, departmentName: (code: string | null) => string) {
  let marked: string[] = [];
  let markedKey = '';

  const mark = (waits: Wait[]) => {
    const ids = [...new Set(waits.map((w) => w.elementId).filter((id): id is string => !!id && diagram.has(id)))];
    const key = JSON.stringify(waits.map((w) => [w.kind, w.elementId, w.at]));
    const canvas = diagram.viewer.get('canvas');
    // A re-imported diagram has lost the marks: redraw when they are missing too.
    const present = ids.every((id) => canvas.hasMarker(id, MARKER));
    if (key === markedKey && present) return;
    markedKey = key;
    for (const id of marked) if (diagram.has(id)) canvas.removeMarker(id, MARKER);
    const overlays = diagram.viewer.get('overlays');
    overlays.remove({ type: OVERLAY });
    for (const id of ids) {
      canvas.addMarker(id, MARKER);
      const here = waits.filter((w) => w.elementId === id);
      const badge = el('span', {
        class: `ws-wait-badge ws-wait-${here[0].kind}`,
        'data-wait-element': id,
        'data-wait-kind': here.map((w) => w.kind).join(' '),
        title: here.map((w) => `${tr(`waits.${w.kind}` as WorkspaceKey)}: ${w.name}${w.at ? ` – ${formatDateTime(w.at)}` : ''}`).join('\n'),
      }, here.map((w) => ICONS[w.kind]).join(''));
      overlays.add(id, OVERLAY, { position: { top: -10, right: 8 }, html: badge });
    }
    marked = ids;
  };

  return {
    show(waiting: WaitingOn): void {
      const waits = waitsOf(waiting);
      box.hidden = false;
      update(box,
        el('h2', {}, tr('waits.title')),
        waits.length
          ? table([tr('waits.kind'), tr('waits.element'), tr('waits.who'), tr('waits.due')], waits.map((w) => row([
            chip(`${ICONS[w.kind]} ${tr(`waits.${w.kind}` as WorkspaceKey)}`, TONES[w.kind]),
            w.name,
            w.department ? departmentName(w.department) : '—',
            w.kind === 'incident' ? tr('waits.since', { date: formatDateTime(w.at) }) : formatDateTime(w.at),
          ], { 'data-wait-kind': w.kind, 'data-element': w.elementId ?? '' })), { id: 'ws-waits-table' })
          : el('p', { class: 'ws-muted' }, tr('waits.nothing')));
      mark(waits);
    },
  };
}
