// The errors of a refused deploy (422 problem+json `errors`), drawn on the
// elements they name: a red outline (marker) and an overlay with the server's
// own message. An element's server problems disappear once the analyst
// changes that element; all of them on the next deploy or diagram.

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
      html.title = list.map((p) => p.message).join('\n');
      const head = document.createElement('div');
      head.className = 'onestop-server-problem-head';
      head.textContent = t('problems.source.server');
      html.appendChild(head);
      for (const p of list) {
        const line = document.createElement('div');
        line.className = 'onestop-server-problem-text';
        line.textContent = p.message;
        html.appendChild(line);
      }
      const isConnection = Array.isArray(element?.waypoints);
      const position = isRoot ? { top: 10, left: 10 } : isConnection ? { top: 4, left: 4 } : { top: (element?.height ?? 0) + 6, left: 0 };
      this.overlays.add(id, OVERLAY_TYPE, { position, html, scale: { min: 0.6 } });
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
