// The few figures the pages compute themselves (everything else comes
// computed from the server). Pure, unit-tested in node.

import type { Form06Row, StepHeat } from '../shared/api/client.js';

/** Progress points of the service index (Decision 766): 20 × the progress ratio. */
export const PROGRESS_POINTS = 20;

/** On-time rate of a form 06 row: (early + on time) ÷ resolved; null when nothing was resolved. */
export function onTimeRate(r: Pick<Form06Row, 'resolvedEarly' | 'resolvedOnTime' | 'resolvedTotal'>): number | null {
  return r.resolvedTotal ? (r.resolvedEarly + r.resolvedOnTime) / r.resolvedTotal : null;
}

/** Heat of a step on the heat map: 0 (no breach, nothing overdue) to 4 (the worst step of the version). */
export function heatLevel(step: Pick<StepHeat, 'breaches' | 'lateOpenTasks'>, max: number): number {
  const score = step.breaches + step.lateOpenTasks;
  if (score <= 0 || max <= 0) return 0;
  return Math.max(1, Math.ceil((score / max) * 4));
}
