// bpmn-js module: the designer's own words in the chosen language, and a
// "change type" menu that offers only what the engine runs.
//
// - `translate`: diagram-js' translate service answered from the shared
//   catalogs (namespace `bpmn` of web/shared/i18n/vi.ts): palette, context
//   pad, replace menu, properties panel, lint button; token simulation's
//   own English put through it as it appears (./simulationTexts.ts).
// - The replace menu ("Đổi loại") leaves out the element types the engine
//   refuses at deploy (engine/bpmn/supportedElements.ts: script task, task
//   without a type, manual and business-rule tasks, call activity, complex
//   gateway …): an analyst is not offered what the deploy would refuse.

import { ELEMENT_SUPPORT } from '../../../../engine/bpmn/supportedElements.js';
import { bpmnTranslate } from '../../../../web/shared/i18n/i18n.js';
import * as ReplaceOptions from 'bpmn-js/lib/features/replace/ReplaceOptions';
import { SimulationTexts } from './simulationTexts.js';
import './translate.css';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

const REFUSED_TYPES = new Set(ELEMENT_SUPPORT.filter((e) => e.support === 'refused' && !e.type.includes('#')).map((e) => e.type));

/** The replace entries (by action name) whose target is a type the engine refuses, whatever its flavour. */
export function refusedReplaceActions(): Set<string> {
  const out = new Set<string>();
  for (const list of Object.values(ReplaceOptions as Record<string, unknown>)) {
    if (!Array.isArray(list)) continue;
    for (const option of list as Any[]) {
      const type = option?.target?.type;
      if (typeof type !== 'string' || !REFUSED_TYPES.has(type)) continue;
      // Event types are judged with their event definition elsewhere; only plain types are hidden here.
      if (option.target.eventDefinitionType) continue;
      out.add(option.actionName);
    }
  }
  return out;
}

export class SupportedReplaceMenu {
  static $inject = ['popupMenu'];
  private readonly refused = refusedReplaceActions();

  constructor(popupMenu: Any) {
    // Runs after bpmn-js' own provider (priority 1000) and filters its entries.
    popupMenu.registerProvider('bpmn-replace', 500, this);
  }

  getPopupMenuEntries(): (entries: Record<string, unknown>) => Record<string, unknown> {
    return (entries) => Object.fromEntries(Object.entries(entries).filter(([id]) => !this.refused.has(id)));
  }
}

export default {
  __init__: ['supportedReplaceMenu', 'simulationTexts'],
  translate: ['value', bpmnTranslate],
  supportedReplaceMenu: ['type', SupportedReplaceMenu],
  simulationTexts: ['type', SimulationTexts],
};
