import type { EngineContext } from '../../engineContext.js';
import { signalInstance } from '../../runtime/processRun.js';
import { updateDossier } from '../../store/dossiers/dossierRows.js';
import { listDossierTasks, markTaskCompleted } from '../../store/tasks/taskRows.js';
import { ValidationError } from '../../errors.js';
import { formatFieldErrors } from '../../forms/formValidator.js';
import { classifyTimeliness } from '../../timeliness/classifyTimeliness.js';
import type { CallRow } from '../../store/calls/callRows.js';
import { mergeStepData } from '../routing/instanceOutputs.js';
import { advanceCall } from '../routing/advanceCall.js';
import { openTaskView } from '../openTaskView.js';
import type { TaskWork } from '../change.js';
import type { CreatedTask } from '../changeTypes.js';
import type { DossierStatus } from '../statuses.js';
import type { Timeliness } from '../../timeliness/classifyTimeliness.js';

/** What completeTask takes and answers (declared there; repeated here so the two do not import each other). */
interface StepInput { actor: string; data?: Record<string, unknown> }
interface StepResult { dossierCode: string; status: DossierStatus; timeliness: Timeliness; openTasks: CreatedTask[]; created: CreatedTask[] }

/**
 * Completes a step of a called procedure (a call activity's run): its form
 * is the called version's, its data the dossier's; the call's run moves on
 * and, when it ends, the run that called it.
 */
export async function completeCalledStep(ctx: EngineContext, work: TaskWork, args: { call: CallRow; calls: CallRow[]; input: StepInput }): Promise<StepResult> {
  const { db, dossier, task, steps, now } = work;
  const { call, input } = args;
  const called = await ctx.definitions.get(call.procedureVersionId);
  const data = input.data ?? {};
  const errors = (called.stepForms[task.elementId] ?? (() => []))(data);
  if (errors.length) throw new ValidationError(`the data for "${task.name}" is invalid: ${formatFieldErrors(errors)}`, errors);

  const merged: Record<string, unknown> = { ...dossier.data };
  const run = await signalInstance(called.sourceContext, call.engineState, { elementId: task.elementId, executionId: task.executionId }, merged, (instance) => mergeStepData(merged, data, instance));

  const timeliness = classifyTimeliness(now, task.dueAt);
  await markTaskCompleted(db, task.id, { completedAt: now, completedBy: input.actor, timeliness, data });
  work.record({ type: 'task.completed', at: now, actor: input.actor, payload: { taskId: task.id, elementId: task.elementId, name: task.name, department: task.department, dueAt: task.dueAt, timeliness, data } });
  work.close([task.id]);

  const open = steps.filter((t) => t.id !== task.id && (t.status === 'open' || t.status === 'claimed'));
  const { created, applied } = await advanceCall(ctx, work, { call, run, data: merged, fromDepartment: task.department, open, calls: args.calls });
  if (!applied) await updateDossier(db, dossier.id, { data: merged });
  const openTasks = (await listDossierTasks(db, dossier.id, ['open', 'claimed'])).map(openTaskView);
  return { dossierCode: dossier.code, status: applied?.status ?? dossier.status, timeliness, openTasks, created };
}
