// Which process of a file is the procedure. A file may hold several pools
// (a collaboration): the commune's procedure and, as documentation, the other
// agencies it exchanges messages with (black-box or drawn pools). Exactly one
// process is run; lint, deploy and the runtime must all pick the same one.

import type { ModdleElement } from '../lint/types.js';
import { is, textAttr } from './extensionReader/moddleElements.js';

export type ExecutableChoice =
  | { kind: 'one'; process: ModdleElement }
  | { kind: 'none'; processes: ModdleElement[] }
  | { kind: 'several'; candidates: ModdleElement[] };

export function processesOf(definitions: ModdleElement): ModdleElement[] {
  return (definitions?.rootElements ?? []).filter((root: ModdleElement) => is(root, 'bpmn:Process'));
}

/**
 * The procedure's process: the one process that names a procedure code (and
 * is not marked isExecutable="false"), or, when none names one, the one
 * marked isExecutable="true". Some modelers mark every pool executable by
 * default, so the one-stop attribute decides first.
 */
export function chooseExecutableProcess(definitions: ModdleElement): ExecutableChoice {
  // Not cached: the designer edits the same model objects between lint runs.
  const processes = processesOf(definitions);
  // isExecutable="false" is the author's word that a pool is documentation.
  const coded = processes.filter((process) => process.isExecutable !== false && textAttr(process, 'procedureCode') !== undefined);
  const executable = processes.filter((process) => process.isExecutable === true);
  if (coded.length === 1) return { kind: 'one', process: coded[0] };
  if (coded.length > 1) return { kind: 'several', candidates: coded };
  if (executable.length === 1) return { kind: 'one', process: executable[0] };
  if (executable.length > 1) return { kind: 'several', candidates: executable };
  return { kind: 'none', processes };
}

export function executableProcessOf(definitions: ModdleElement): ModdleElement | null {
  const choice = chooseExecutableProcess(definitions);
  return choice.kind === 'one' ? choice.process : null;
}

/** The definitions element above any model element. */
export function definitionsOf(node: ModdleElement): ModdleElement | null {
  let current = node;
  while (current && !is(current, 'bpmn:Definitions')) current = current.$parent;
  return current ?? null;
}

/** The process directly or indirectly containing a flow element, or null (e.g. collaboration parts). */
export function processOf(node: ModdleElement): ModdleElement | null {
  let current = node;
  while (current && !is(current, 'bpmn:Process')) current = current.$parent;
  return current ?? null;
}

/** True when `node` belongs to the process the engine runs. */
export function isInExecutableProcess(node: ModdleElement): boolean {
  const process = processOf(node);
  return process !== null && process === executableProcessOf(definitionsOf(process));
}

/**
 * Prepares a parsed file for bpmn-engine, which runs every process marked
 * executable and starts a process whenever a message flow reaches it: only
 * the procedure's process is left executable, and message flows (which only
 * ever join two pools) are dropped, so no other pool can ever start. Mutates
 * the freshly parsed model it is given.
 */
export function runOnlyTheProcedure(definitions: ModdleElement): void {
  const procedure = executableProcessOf(definitions);
  for (const process of processesOf(definitions)) process.isExecutable = process === procedure;
  for (const root of definitions?.rootElements ?? []) {
    if (is(root, 'bpmn:Collaboration') && Array.isArray(root.messageFlows)) root.messageFlows = [];
  }
}

/**
 * Whether the procedure rules check this element: everything inside the
 * procedure's process, and, while no single process is the procedure (a new
 * diagram), everything, so the designer still helps. Other pools of a
 * collaboration are documentation and are not checked.
 */
export function belongsToProcedure(node: ModdleElement): boolean {
  const process = processOf(node);
  if (!process) return false;
  const choice = chooseExecutableProcess(definitionsOf(process));
  return choice.kind !== 'one' || choice.process === process;
}
