import type { InstanceScope } from '../../runtime/processRun.js';
import { outputsVariable } from '../../runtime/elements/FeelLoopCharacteristics.js';

export { outputsVariable };

/**
 * Puts a completed step's data into the dossier data. A step of a
 * multi-instance element (or inside a multi-instance sub-process) writes to
 * its instance's entry of the list `<elementId>_outputs`, at the instance's
 * position, together with the instance's item (`{ agency: {...}, opinion: … }`),
 * so instances never overwrite each other; any other step merges at the top.
 * Mutates `target`, which the running instance reads.
 */
export function mergeStepData(target: Record<string, unknown>, stepData: Record<string, unknown>, instance: InstanceScope | undefined): void {
  if (!instance) {
    Object.assign(target, stepData);
    return;
  }
  const key = outputsVariable(instance.elementId);
  const list: unknown[] = Array.isArray(target[key]) ? [...(target[key] as unknown[])] : [];
  while (list.length <= instance.index) list.push(null);
  const before = list[instance.index];
  list[instance.index] = { ...(before && typeof before === 'object' ? before : {}), ...instance.variables, ...stepData };
  target[key] = list;
}
