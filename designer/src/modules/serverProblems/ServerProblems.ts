// The errors of a refused deploy (422 problem+json `errors`), drawn on the
// elements they name: a red outline (marker) and a small numbered badge just
// outside the element's top-right corner that lets every click through, so it
// never covers a flow or a handle the analyst must click to fix it. The
// sentences are in the problem panel (and the badge's hidden text for screen
// readers). An element's server problems disappear once the analyst changes
// that element; all of them on the next deploy or diagram.

import type { ProblemItem } from '../../../../web/shared/api/client.js';
import { t } from '../../../../web/shared/i18n/i18n.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

export interface ServerProblem extends ProblemItem {
  /** The element drawn for it (the participant for a process id), or null for the whole file. */
  shownOn: string | null;
}

const OVERLAY_TYPE = 'onestop-server-problem';
const MARKER = 'onestop-server-error';

export const SERVER_PROBLEMS_CHANGED = 'onestop.serverProblems.changed';

export class ServerProblems {
  static $inject = ['eventBus', 'overlays', 'canvas', 'elementRegistry'];

  private problems: ServerProblem[] = [];

  constructor(private readonly eventBus: Any, private readonly overlays: Any, private readonly canvas: Any, private readonly elementRegistry: Any) {
    eventBus.on('elements.changed', (event: { elements: Any[] }) => {
      const changed = new Set(event.elements.map((e) => e.id));
      if (this.problems.some((p) => p.shownOn && changed.has(p.shownOn))) {
        this.draw(this.problems.filter((p) => !p.shownOn || !changed.has(p.shownOn)));
      }
    });
    eventBus.on('diagram.clear', () => {
      this.problems = [];
    });
  }

  list(): ServerProblem[] {
    return this.problems;
  }

  /** Where a problem about `elementId` is shown: the element, the participant of a process, else nothing. */
  private target(elementId: string | null | undefined): string | null {
    if (!elementId) return null;
    if (this.elementRegistry.get(elementId)) return elementId;
    const participant = this.elementRegistry.find((e: Any) => e.businessObject?.processRef?.id === elementId);
    if (participant) return participant.id;
    const root = this.canvas.getRootElement();
    return root?.businessObject?.id === elementId || root?.id === elementId ? root.id : null;
  }

  /** Shows the problems of a refused deploy (replacing earlier ones). */
  set(problems: ProblemItem[]): void {
    this.draw(problems.map((p) => ({ ...p, shownOn: this.target(p.elementId) })));
  }

  private draw(problems: ServerProblem[]): void {
    this.clearDrawing();
    this.problems = problems;
    const byElement = new Map<string, ServerProblem[]>();
    for (const p of this.problems) {
      if (!p.shownOn) continue;
      byElement.set(p.shownOn, [...(byElement.get(p.shownOn) ?? []), p]);
    }
    for (const [id, list] of byElement) {
      const element = this.elementRegistry.get(id);
      const isRoot = element === this.canvas.getRootElement();
      if (!isRoot) this.canvas.addMarker(id, MARKER);
      const html = document.createElement('div');
      html.className = 'onestop-server-problem';
      html.dataset.elementId = id;
      html.setAttribute('role', 'img');
      html.setAttribute('aria-label', `${t('problems.source.server')}: ${list.length}`);
      const badge = document.createElement('span');
      badge.className = 'onestop-server-problem-badge';
      badge.textContent = list.length > 1 ? String(list.length) : '!';
      html.appendChild(badge);
      for (const p of list) {
        const line = document.createElement('span');
        line.className = 'onestop-server-problem-text';
        line.textContent = p.message;
        html.appendChild(line);
      }
      const isConnection = Array.isArray(element?.waypoints);
      // Beside the element, not on it: above its top-right corner (for a flow,
      // above the start of its bounding box), clear of its border and handles.
      const position = isRoot ? { top: 10, left: 10 } : isConnection ? { top: -18, left: -18 } : { top: -20, left: (element?.width ?? 0) + 4 };
      this.overlays.add(id, OVERLAY_TYPE, { position, html, scale: { min: 0.8, max: 1.2 } });
    }
    this.eventBus.fire(SERVER_PROBLEMS_CHANGED, { problems: this.problems });
  }

  clear(): void {
    this.set([]);
  }

  private clearDrawing(): void {
    this.overlays.remove({ type: OVERLAY_TYPE });
    for (const p of this.problems) {
      if (p.shownOn && this.elementRegistry.get(p.shownOn)) this.canvas.removeMarker(p.shownOn, MARKER);
    }
  }
}
