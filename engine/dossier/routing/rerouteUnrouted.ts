import type { EngineContext } from '../../engineContext.js';
import { resumeInstance } from '../../runtime/processRun.js';
import { listRunningCalls } from '../../store/calls/callRows.js';
import { listDossierTasks } from '../../store/tasks/taskRows.js';
import type { DossierWork } from '../change.js';
import { applyRun } from './applyRun.js';
import { createTasksFor } from './createTasks.js';
import { startCalls } from './startCalls.js';

/**
 * Routes what the dossier's runs wait on and has no task yet: an instance of
 * a multi-instance step whose FEEL department named no registered department,
 * or a call activity whose procedure could not start, became an incident
 * instead; once the incident is retried (the department registered, the
 * procedure deployed), it is routed or started again, or becomes an incident
 * again. The dossier's own run first, then the runs of its calls.
 */
export async function rerouteUnrouted(ctx: EngineContext, work: DossierWork): Promise<void> {
  const { dossier } = work;
  if (!dossier.engineState) return;
  const definition = await ctx.definitions.get(dossier.procedureVersionId);
  const data = (dossier.data ?? {}) as Record<string, unknown>;
  const run = await resumeInstance(definition.sourceContext, dossier.engineState, data);
  await applyRun(ctx, work, { definition, run, data, fromDepartment: null });

  const calls = await listRunningCalls(work.db, dossier.id);
  for (const call of calls) {
    const called = await ctx.definitions.get(call.procedureVersionId);
    const callRun = await resumeInstance(called.sourceContext, call.engineState, data);
    const routed = new Set((await listDossierTasks(work.db, dossier.id, ['open', 'claimed'])).map((t) => t.executionId));
    await createTasksFor(ctx, work, { model: called.model, waiting: callRun.waiting.filter((w) => !routed.has(w.executionId)), handedOverAt: work.now, fromDepartment: null, data });
    await startCalls(ctx, work, called, { parent: call, calls: callRun.calls, data, fromDepartment: null, running: calls });
  }
}
