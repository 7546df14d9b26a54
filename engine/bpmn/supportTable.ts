// The README's table of the supported BPMN subset, written from the one
// table the lint rule reads (test/conformance/structure/readmeSubset.test.ts
// keeps the README equal to it).

import { ELEMENT_SUPPORT, EVENT_DEFINITION_SUPPORT, LOOP_SUPPORT, type SupportEntry } from './supportedElements.js';
import { MAX_FLOW_NODES, MAX_NESTING_DEPTH, MAX_STEPS_WITHOUT_WAIT } from './modelLimits.js';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

function row(entry: SupportEntry): string {
  const verdict = entry.support === 'supported' ? 'supported' : `refused (${entry.reportedBy ?? 'supported-elements'})`;
  return `| ${cell(entry.label)} | ${verdict} | ${cell(entry.why)} |`;
}

export function supportTableMarkdown(): string {
  return [
    '| Element | At deploy | What the engine does, or why not and what to use instead |',
    '|---|---|---|',
    ...ELEMENT_SUPPORT.map(row),
    ...LOOP_SUPPORT.map(row),
    ...EVENT_DEFINITION_SUPPORT.map(row),
    '| Condition or expression not in FEEL (JavaScript, Groovy, XPath, `${…}`) | refused (no-script, feel-condition) | Only FEEL is evaluated, in a sandbox; write the condition in FEEL, e.g. `decision = "approve"`. |',
    '| A loop with no wait state (gateways and automatic elements only) | refused (cycle-without-wait) | It would run around forever within one request: put the user task that decides the repetition inside the loop. |',
    `| More than ${MAX_FLOW_NODES.toLocaleString('en')} flow nodes in the process, or sub-processes nested more than ${MAX_NESTING_DEPTH} deep, or more than ${MAX_STEPS_WITHOUT_WAIT} automatic elements in a row between two steps that wait | refused (model-limits) | Keeps every step of a dossier short and its run within the call stack: split the procedure, flatten the nesting, put a user task in a long automatic chain. |`,
    '| Other pools of a collaboration, message flows to them | documentation | Only the process with the `onestop:procedureCode` runs; message flows start nothing. |',
  ].join('\n');
}
