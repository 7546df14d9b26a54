// bpmn-js module: the designer's own words in the chosen language, and a
// "change type" menu that offers only what the engine runs.
//
// - `translate`: diagram-js' translate service answered from the shared
//   catalogs (namespace `bpmn` of web/shared/i18n/vi.ts): palette, context
//   pad, replace menu, properties panel, lint button; token simulation's
//   own English put through it as it appears (./simulationTexts.ts).
// - The replace menu ("Đổi loại") leaves out what the engine refuses at
//   deploy (engine/bpmn/supportedElements.ts, judged as the palette judges,
//   ../palette/madeByEntry.ts): script task, task without a type, manual and
//   business-rule tasks, complex gateway, signal, escalation, conditional …
//   events, a timer or message where it is not run, the loop marker. An
//   analyst is not offered what the deploy would refuse.

import { supportEntry } from '../../../../engine/bpmn/supportedElements.js';
import { engineRuns, type Made } from '../palette/madeByEntry.js';
import { bpmnTranslate } from '../../../../web/shared/i18n/i18n.js';
import * as ReplaceOptions from 'bpmn-js/lib/features/replace/ReplaceOptions';
import { SimulationTexts } from './simulationTexts.js';
import './translate.css';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

/** What each entry of the "change type" menu makes, by action name (bpmn-js' ReplaceOptions). */
function replaceTargets(): Map<string, Made> {
  const out = new Map<string, Made>();
  for (const list of Object.values(ReplaceOptions as Record<string, unknown>)) {
    if (!Array.isArray(list)) continue;
    for (const option of list as Any[]) {
      const type = option?.target?.type;
      if (typeof type !== 'string' || typeof option.actionName !== 'string') continue;
      out.set(option.actionName, { type, ...(option.target.eventDefinitionType ? { eventDefinitionType: option.target.eventDefinitionType } : {}) });
    }
  }
  return out;
}

const TARGETS = replaceTargets();

/**
 * The entries (by action name) the engine would refuse: a type it does not
 * run, an event definition on an event it does not run it on, a loop marker.
 * A start event in an event sub-process is judged as one (no none start
 * there, timer, message or error starts welcome).
 */
export function refusedReplaceActions(inEventSubProcess = false): Set<string> {
  const out = new Set<string>();
  for (const [actionName, made] of TARGETS) {
    const type = inEventSubProcess && made.type === 'bpmn:StartEvent' ? 'bpmn:StartEvent#event' : made.type;
    if (!engineRuns({ ...made, type })) out.add(actionName);
  }
  if (supportEntry('bpmn:StandardLoopCharacteristics')?.support === 'refused') out.add('toggle-loop');
  return out;
}

export class SupportedReplaceMenu {
  static $inject = ['popupMenu'];
  private readonly refused = { plain: refusedReplaceActions(false), eventSubProcess: refusedReplaceActions(true) };

  constructor(popupMenu: Any) {
    // Runs after bpmn-js' own provider (priority 1000) and filters its entries.
    popupMenu.registerProvider('bpmn-replace', 500, this);
  }

  getPopupMenuEntries(target: Any): (entries: Record<string, unknown>) => Record<string, unknown> {
    const refused = target?.parent?.businessObject?.triggeredByEvent ? this.refused.eventSubProcess : this.refused.plain;
    return (entries) => Object.fromEntries(Object.entries(entries).filter(([id]) => !refused.has(id)));
  }
}

export default {
  __init__: ['supportedReplaceMenu', 'simulationTexts'],
  translate: ['value', bpmnTranslate],
  supportedReplaceMenu: ['type', SupportedReplaceMenu],
  simulationTexts: ['type', SimulationTexts],
};
