import type { EngineContext } from '../../engineContext.js';
import { signalInstance, type RunResult, type WaitingTask } from '../../runtime/processRun.js';
import { updateCall, type CallRow } from '../../store/calls/callRows.js';
import { markTasksCancelled, type TaskRow } from '../../store/tasks/taskRows.js';
import { closeTaskBreaches } from '../../store/deadlines/closeBreaches.js';
import type { DossierWork } from '../change.js';
import type { CreatedTask } from '../changeTypes.js';
import { createTasksFor } from './createTasks.js';
import { gatewayDecisionEvents } from './gatewayDecisions.js';
import { applyRun, type AppliedRun } from './applyRun.js';
import { startCalls } from './startCalls.js';

// A step of a called procedure completed (see startCalls.ts for how calls run).

/**
 * A called procedure's run moved (one of its steps completed): its steps no
 * longer waited on are withdrawn, new ones routed, its own calls started;
 * when it ended, the calling run is signalled past the call activity and
 * moves in turn, up to the dossier's own run, which is then applied like any
 * other move of it (steps, waits, the dossier's end).
 */
export async function advanceCall(
  ctx: EngineContext,
  work: DossierWork,
  args: { call: CallRow; run: RunResult; data: Record<string, unknown>; fromDepartment: string | null; open: TaskRow[]; calls: CallRow[] },
): Promise<{ created: CreatedTask[]; applied: AppliedRun | null }> {
  const created: CreatedTask[] = [];
  let { call, run } = args;
  for (;;) {
    const definition = await ctx.definitions.get(call.procedureVersionId);
    work.record(...gatewayDecisionEvents(definition.model, run.flowsTaken, work.now));
    const waiting = new Set(run.waiting.map((w) => w.executionId));
    const withdrawn = args.open.filter((t) => call.waiting.includes(t.executionId) && !waiting.has(t.executionId));
    if (withdrawn.length) {
      await markTasksCancelled(work.db, withdrawn.map((t) => t.id), work.now);
      await closeTaskBreaches(work.db, withdrawn.map((t) => t.id), work.now);
      work.record(...withdrawn.map((t) => ({ type: 'task.cancelled' as const, at: work.now, payload: { taskId: t.id, elementId: t.elementId, reason: 'the called procedure no longer waits for this step' } })));
      work.close(withdrawn.map((t) => t.id));
    }
    const fresh = run.waiting.filter((w) => !call.waiting.includes(w.executionId));
    created.push(...(await createTasksFor(ctx, work, { model: definition.model, waiting: fresh, handedOverAt: work.now, fromDepartment: args.fromDepartment, data: args.data })));
    created.push(...(await startCalls(ctx, work, definition, { parent: call, calls: run.calls, data: args.data, fromDepartment: args.fromDepartment, running: args.calls })));
    const endedAt = run.ended ? work.now : null;
    await updateCall(work.db, call.id, { engineState: run.state, waiting: [...waiting], endedAt });
    if (!run.ended) return { created, applied: null };

    work.record({ type: 'procedure.returned', at: work.now, payload: { callId: call.id, elementId: call.elementId, procedureCode: call.procedureCode, version: call.version } });
    const back: WaitingTask = { elementId: call.elementId, executionId: call.executionId };
    const parent = call.parentCallId ? args.calls.find((c) => c.id === call.parentCallId) ?? null : null;
    if (parent) {
      const parentDefinition = await ctx.definitions.get(parent.procedureVersionId);
      run = await signalInstance(parentDefinition.sourceContext, parent.engineState, back, args.data);
      call = parent;
      continue;
    }
    // Back in the dossier's own run.
    const main = await ctx.definitions.get(work.dossier.procedureVersionId);
    const mainRun = await signalInstance(main.sourceContext, work.dossier.engineState, back, args.data);
    const applied = await applyRun(ctx, work, { definition: main, run: mainRun, data: args.data, fromDepartment: args.fromDepartment });
    created.push(...applied.created);
    return { created, applied };
  }
}
