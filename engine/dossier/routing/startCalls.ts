// Call activities. `calledElement` names another deployed procedure; when a
// run reaches the call activity, the version of that procedure in force at
// that moment starts as a run of its own, stored with the dossier
// (dossier_calls) and recorded in its history. Its steps are the dossier's
// steps: the same code, history and control slip, with the called
// procedure's departments, deadlines and forms. The whole dossier data goes
// in, and the data its steps add is the dossier's. When the called run ends,
// the call activity of the calling run (the dossier's own, or another call's)
// is signalled and that run goes on. No engine lives between two operations:
// every move recovers the stored state, like the dossier's own run.

import type { EngineContext } from '../../engineContext.js';
import type { RuntimeDefinition } from '../../procedures/definitionCache.js';
import { startInstance, type WaitingTask } from '../../runtime/processRun.js';
import { versionInForceAt } from '../../procedures/versionInForce.js';
import { insertCall, listRunningCalls, type CallRow } from '../../store/calls/callRows.js';
import { openIncident } from '../../store/incidents/openIncident.js';
import { MAX_CALL_DEPTH } from '../../bpmn/modelLimits.js';
import type { UnitOfWork } from '../change.js';
import type { CreatedTask } from '../changeTypes.js';
import { createTasksFor } from './createTasks.js';
import { gatewayDecisionEvents } from './gatewayDecisions.js';

import type { TaskRow } from '../../store/tasks/taskRows.js';
import type { Queryable } from '../../store/db.js';

export type { CallRow } from '../../store/calls/callRows.js';

interface CallArgs {
  /** The call whose run reached the call activities; null for the dossier's own run. */
  parent: CallRow | null;
  calls: WaitingTask[];
  data: Record<string, unknown>;
  fromDepartment: string | null;
  /** Executions of call activities that already have a running call. */
  running?: CallRow[];
}

async function incident(work: UnitOfWork, elementId: string, message: string): Promise<void> {
  const incidentId = await openIncident(work.db, { dossierId: work.dossier.id, kind: 'process-error', elementId, taskId: null, waitId: null, message, at: work.now });
  work.record({ type: 'incident.opened', at: work.now, actor: null, payload: { incidentId, elementId, kind: 'process-error', message } });
}

/** The procedure code a waiting call activity names, read from the calling version's definition. */
function calledCode(definition: RuntimeDefinition, elementId: string): string | null {
  return definition.model.calls?.[elementId] ?? null;
}

/**
 * Starts the procedures the newly waiting call activities name, routes their
 * first steps, and (depth-bounded) the calls they make in turn. A call that
 * cannot start (the procedure is gone, no version in force, too deep, a
 * procedure that waits on timers, messages or jobs, or one without any step)
 * is an incident on the dossier; the call activity keeps waiting.
 */
export async function startCalls(ctx: EngineContext, work: UnitOfWork, callerDefinition: RuntimeDefinition, args: CallArgs): Promise<CreatedTask[]> {
  if (!args.calls.length) return [];
  const running = args.running ?? (await listRunningCalls(work.db, work.dossier.id));
  const known = new Set(running.filter((c) => c.parentCallId === (args.parent?.id ?? null)).map((c) => c.executionId));
  const created: CreatedTask[] = [];
  for (const wait of args.calls) {
    if (known.has(wait.executionId)) continue;
    const code = calledCode(callerDefinition, wait.elementId);
    const depth = (args.parent?.depth ?? 0) + 1;
    const name = callerDefinition.model.elementNames[wait.elementId] ?? wait.elementId;
    if (!code) {
      await incident(work, wait.elementId, `${name}: the call activity names no procedure`);
      continue;
    }
    if (depth > MAX_CALL_DEPTH) {
      await incident(work, wait.elementId, `${name}: procedure ${code} would be called ${depth} calls deep (at most ${MAX_CALL_DEPTH}): procedures calling each other in a loop`);
      continue;
    }
    const version = await versionInForceAt(work.db, code, work.now);
    if (!version) {
      await incident(work, wait.elementId, `${name}: procedure ${code} has no version in force (it is not deployed, or was withdrawn); deploy it and retry the incident`);
      continue;
    }
    const called = await ctx.definitions.get(version.id);
    if (called.waits.any) {
      await incident(work, wait.elementId, `${name}: procedure ${code} version ${called.version} waits on timers, messages or jobs, which a called procedure does not run yet`);
      continue;
    }
    const run = await startInstance(called.sourceContext, args.data);
    if (run.ended) {
      await incident(work, wait.elementId, `${name}: procedure ${code} version ${called.version} ended at once, without a step: there is nothing to call`);
      continue;
    }
    const call = await insertCall(work.db, {
      dossierId: work.dossier.id, parentCallId: args.parent?.id ?? null, depth, elementId: wait.elementId, executionId: wait.executionId,
      procedureCode: called.procedureCode, procedureVersionId: called.versionId, version: called.version,
      engineState: run.state, waiting: run.waiting.map((w) => w.executionId), startedAt: work.now,
    });
    work.record(
      { type: 'procedure.called', at: work.now, payload: { callId: call.id, elementId: wait.elementId, procedureCode: called.procedureCode, version: called.version, depth } },
      ...gatewayDecisionEvents(called.model, run.flowsTaken, work.now),
    );
    created.push(...(await createTasksFor(ctx, work, { model: called.model, waiting: run.waiting, handedOverAt: work.now, fromDepartment: args.fromDepartment, data: args.data })));
    created.push(...(await startCalls(ctx, work, called, { ...args, parent: call, calls: run.calls, running })));
  }
  return created;
}

/**
 * The dossier's running calls; none without a read when its procedure calls
 * nothing (a step of most procedures would otherwise pay one more statement).
 * A model stored before call activities existed says nothing: read.
 */
export async function runningCalls(db: Queryable, dossierId: number, definition: RuntimeDefinition): Promise<CallRow[]> {
  const calls = definition.model.calls;
  if (calls && Object.keys(calls).length === 0) return [];
  return listRunningCalls(db, dossierId);
}

/** The running call whose run waits on this step, if any (the step belongs to a called procedure). */
export function callOfStep(calls: CallRow[], task: TaskRow): CallRow | null {
  return calls.find((c) => c.waiting.includes(task.executionId)) ?? null;
}

/** Executions of steps that belong to called procedures: the dossier's own run does not list them. */
export function calledSteps(calls: CallRow[]): Set<string> {
  return new Set(calls.flatMap((c) => c.waiting));
}

