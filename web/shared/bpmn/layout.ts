// Files without diagram interchange (as many tools and hand-written files
// are) get a layout before bpmn-js draws them: the designer's modeler and
// the workspace's viewer alike.

import { layoutProcess } from 'bpmn-auto-layout';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

/** True when the definitions carry a diagram with at least one shape or edge. */
export function hasDiagramInterchange(definitions: Any): boolean {
  return (definitions?.diagrams ?? []).some((d: Any) => (d?.plane?.planeElement ?? []).length > 0);
}

/**
 * Adds a layout to a file exported without diagram interchange (as many
 * tools and hand-written files are). bpmn-auto-layout lays out the first
 * process; lanes are not drawn.
 */
export async function ensureLayout(xml: string, moddle: Any): Promise<{ xml: string; laidOut: boolean }> {
  let definitions: Any;
  try {
    ({ rootElement: definitions } = await moddle.fromXML(xml, 'bpmn:Definitions'));
  } catch {
    // Not parseable: importXML reports it with the parser's words.
    return { xml, laidOut: false };
  }
  if (hasDiagramInterchange(definitions)) return { xml, laidOut: false };
  return { xml: await layoutProcess(xml), laidOut: true };
}
