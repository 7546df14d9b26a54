// The statutory time limit of a procedure (process onestop:deadline) must
// cover the time the procedure allots to its own steps: if the counted user
// tasks on some route add up to more, a dossier that uses every step's full
// allotment is late by design. A warning, not an error: allotments are upper
// bounds and a department may knowingly plan to finish early.

import type { ModdleElement, Reporter, RuleDefinition } from '../types.js';
import { is, labelOf, textAttr } from '../../bpmn/extensionReader/moddleElements.js';
import { enumeratePaths, DEFAULT_PATH_CAP } from '../support/paths.js';
import { describeSpan } from '../support/describeSpan.js';
import { durationToMs, parseClock, parseDuration } from '../../duration/isoDuration.js';

export interface DeadlineBudgetConfig {
  /** Most start-to-end paths examined per process or sub-process. */
  maxPaths?: number;
}

interface Cost {
  ms: number;
  /** Labels of the steps that contribute, in path order. */
  steps: string[];
}

export default function ruleFactory(config?: DeadlineBudgetConfig): RuleDefinition {
  const cap = config?.maxPaths ?? DEFAULT_PATH_CAP;

  function check(node: ModdleElement, reporter: Reporter): void {
    if (!is(node, 'bpmn:Process')) return;

    const deadlineText = textAttr(node, 'deadline');
    const limit = deadlineText === undefined ? null : parseDuration(deadlineText);
    const clock = parseClock(node.clock);
    // Missing or malformed values are deadline-format's business.
    if (!limit || !clock) return;
    const limitMs = durationToMs(limit, clock);

    const subProcessCosts = new Map<ModdleElement, Cost>();
    const exceeding: Cost[] = [];
    for (const path of enumeratePaths(node, cap).paths) {
      const cost = pathCost(path, subProcessCosts, cap);
      if (cost.ms > limitMs) exceeding.push(cost);
    }
    if (exceeding.length === 0) return;

    // One warning per process, about the worst route: every exceeding route
    // shares the same remedy (shorten allotments or correct the deadline).
    const worst = exceeding.reduce((a, b) => (b.ms > a.ms ? b : a));
    const others = exceeding.length - 1;
    reporter.report(node.id,
      `The path "${worst.steps.join(' → ')}" allots ${describeSpan(worst.ms, clock)} to counted user tasks, `
      + `which exceeds the statutory ${deadlineText} by ${describeSpan(worst.ms - limitMs, clock)}`
      + (others > 0 ? ` (${others} other path${others === 1 ? '' : 's'} exceed${others === 1 ? 's' : ''} it too).` : '.'));
  }

  return { check };
}

function pathCost(path: ModdleElement[], subProcessCosts: Map<ModdleElement, Cost>, cap: number): Cost {
  const total: Cost = { ms: 0, steps: [] };
  for (const node of path) {
    const cost = nodeCost(node, subProcessCosts, cap);
    if (cost.ms > 0) {
      total.ms += cost.ms;
      total.steps.push(...cost.steps);
    }
  }
  return total;
}

/** Allotment of one node: a counted user task's deadline, or a sub-process's worst inner path. */
function nodeCost(node: ModdleElement, subProcessCosts: Map<ModdleElement, Cost>, cap: number): Cost {
  if (is(node, 'bpmn:UserTask')) {
    // counted="false" marks time the dossier is not charged for (e.g. waiting
    // for the citizen to supplement documents).
    if (node.counted === false) return { ms: 0, steps: [] };
    const text = textAttr(node, 'deadline');
    const duration = text === undefined ? null : parseDuration(text);
    const clock = parseClock(node.clock);
    if (!duration || !clock) return { ms: 0, steps: [] };
    return { ms: durationToMs(duration, clock), steps: [labelOf(node)] };
  }
  if (is(node, 'bpmn:SubProcess') && !node.triggeredByEvent) {
    const known = subProcessCosts.get(node);
    if (known) return known;
    // Placeholder first: guards against a (malformed) self-containing graph.
    subProcessCosts.set(node, { ms: 0, steps: [] });
    let worst: Cost = { ms: 0, steps: [] };
    for (const path of enumeratePaths(node, cap).paths) {
      const cost = pathCost(path, subProcessCosts, cap);
      if (cost.ms > worst.ms) worst = cost;
    }
    subProcessCosts.set(node, worst);
    return worst;
  }
  return { ms: 0, steps: [] };
}
