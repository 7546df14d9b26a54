import type { EngineContext } from '../../engineContext.js';
import { updateDossier } from '../../store/dossiers/dossierRows.js';
import { listDossierTasks } from '../../store/tasks/taskRows.js';
import type { CallRow } from '../../store/calls/callRows.js';
import { advanceCall } from '../routing/advanceCall.js';
import { openTaskView } from '../openTaskView.js';
import type { TaskWork } from '../change.js';
import { signalStep, type CompleteInput, type CompleteResult } from './signalStep.js';

/**
 * Completes a step of a called procedure (a call activity's run): its form
 * is the called version's, its data the dossier's; the call's run moves on
 * and, when it ends, the run that called it.
 */
export async function completeCalledStep(ctx: EngineContext, work: TaskWork, args: { call: CallRow; calls: CallRow[]; input: CompleteInput }): Promise<CompleteResult> {
  const { db, dossier, task, steps, now } = work;
  const { call, input } = args;
  const called = await ctx.definitions.get(call.procedureVersionId);
  const { run, merged, timeliness } = await signalStep(work, { ...called, engineState: call.engineState }, input);
  work.close([task.id]);

  const open = steps.filter((t) => t.id !== task.id && (t.status === 'open' || t.status === 'claimed'));
  const { created, applied } = await advanceCall(ctx, work, { call, run, data: merged, fromDepartment: task.department, open, calls: args.calls });
  if (!applied) await updateDossier(db, dossier.id, { data: merged });
  const openTasks = (await listDossierTasks(db, dossier.id, ['open', 'claimed'])).map(openTaskView);
  return { dossierCode: dossier.code, status: applied?.status ?? dossier.status, timeliness, openTasks, created };
}
