// A procedure diagram in bpmn-js's NavigatedViewer (read-only, with zoom
// and scroll): the dossier page marks the steps done, the current ones and
// the late ones; the heat map colours each step and puts its figures on it.
// Files deployed without diagram interchange are laid out first, as the
// designer does (../diagramFiles.ts).

import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import onestopModdle from '../../../engine/bpmn/onestop-moddle.json';
import { ensureLayout } from '../../shared/bpmn/layout.js';
import { translateModule } from '../../shared/i18n/i18n.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

export class DiagramView {
  readonly viewer: Any;
  private markers = new Map<string, Set<string>>();
  private loadedXml: string | null = null;

  constructor(container: HTMLElement) {
    this.viewer = new NavigatedViewer({
      container,
      additionalModules: [translateModule],
      moddleExtensions: { onestop: onestopModdle },
    });
  }

  /** Imports a BPMN file (once per distinct file) and fits it in view. */
  async show(xml: string): Promise<void> {
    if (xml === this.loadedXml) return;
    const { xml: laidOut } = await ensureLayout(xml, this.viewer.get('moddle'));
    await this.viewer.importXML(laidOut);
    this.loadedXml = xml;
    this.markers.clear();
    this.fit();
  }

  /**
   * Fits the diagram in view; `margin` (diagram units) keeps room around it
   * for overlays drawn outside the elements, such as the heat map's figures
   * under the lowest step.
   */
  fit(margin = 0): void {
    const canvas = this.viewer.get('canvas');
    try {
      canvas.zoom('fit-viewport', 'auto');
      if (margin > 0) {
        const box = canvas.viewbox().inner;
        canvas.viewbox({ x: box.x - margin, y: box.y - margin, width: box.width + 2 * margin, height: box.height + 2 * margin });
      }
    } catch {
      // an empty or hidden canvas has nothing to fit
    }
  }

  has(elementId: string): boolean {
    return !!this.viewer.get('elementRegistry').get(elementId);
  }

  /** Sets the markers (CSS classes) of each element, removing the previous ones. */
  mark(classes: Record<string, string[]>): void {
    const canvas = this.viewer.get('canvas');
    for (const [id, set] of this.markers) for (const c of set) if (this.has(id)) canvas.removeMarker(id, c);
    this.markers.clear();
    for (const [id, list] of Object.entries(classes)) {
      if (!this.has(id)) continue;
      for (const c of list) canvas.addMarker(id, c);
      this.markers.set(id, new Set(list));
    }
  }

  /** Replaces the overlays of the workspace with one badge per element. */
  badges(items: Record<string, HTMLElement>, position: { top?: number; bottom?: number; left?: number; right?: number } = { bottom: -6, left: -6 }): void {
    const overlays = this.viewer.get('overlays');
    overlays.remove({ type: 'ws-badge' });
    for (const [id, html] of Object.entries(items)) {
      if (this.has(id)) overlays.add(id, 'ws-badge', { position, html });
    }
  }

  destroy(): void {
    this.viewer.destroy();
  }
}
