// Deadlines and clocks drive the due dates printed on the dossier receipt; a
// value the engine cannot read would silently mean "no deadline". Each value
// is checked where it is written, and the message quotes it.

import type { ModdleElement, Reporter, RuleDefinition } from '../types.js';
import { describe, is } from '../../bpmn/extensionReader/moddleElements.js';
import { describeDurationError, parseClock, parseDuration } from '../../duration/isoDuration.js';

const POLICIES = ['restart', 'extend'];

export default function ruleFactory(): RuleDefinition {
  function check(node: ModdleElement, reporter: Reporter): void {
    const isProcess = is(node, 'bpmn:Process');
    if (!isProcess && !is(node, 'bpmn:UserTask')) return;

    const deadline = node.deadline;
    if (deadline !== undefined && parseDuration(deadline) === null) {
      reporter.report(node.id, `The onestop:deadline of ${describe(node)} is invalid: ${describeDurationError(deadline)}.`);
    }

    const clock = node.clock;
    if (clock !== undefined && parseClock(clock) === null) {
      reporter.report(node.id, `The onestop:clock of ${describe(node)} is "${clock}", but must be "working" or "calendar".`);
    }

    const policy = node.supplementPolicy;
    if (isProcess && policy !== undefined && !POLICIES.includes(policy)) {
      reporter.report(node.id, `The onestop:supplementPolicy of ${describe(node)} is "${policy}", but must be "restart" or "extend".`);
    }
  }

  return { check };
}
