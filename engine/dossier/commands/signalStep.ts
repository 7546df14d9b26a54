import { signalInstance, type RunResult } from '../../runtime/processRun.js';
import { markTaskCompleted } from '../../store/tasks/taskRows.js';
import { ValidationError } from '../../errors.js';
import { formatFieldErrors, type FormValidator } from '../../forms/formValidator.js';
import { classifyTimeliness, type Timeliness } from '../../timeliness/classifyTimeliness.js';
import { mergeStepData } from '../routing/instanceOutputs.js';
import type { TaskWork } from '../change.js';
import type { CreatedTask } from '../changeTypes.js';
import type { DossierStatus } from '../statuses.js';

export interface CompleteInput {
  actor: string;
  data?: Record<string, unknown>;
  /**
   * The department an officer's key acts for: checked on the task read under
   * the lock, so the front door need not read it first. Absent: no restriction.
   */
  actingFor?: string | null;
}

export interface CompleteResult {
  dossierCode: string;
  status: DossierStatus;
  timeliness: Timeliness;
  /** The dossier's open tasks after this step. */
  openTasks: CreatedTask[];
  created: CreatedTask[];
}

/**
 * The part of completing a step that is the same whether it belongs to the
 * dossier's own run or to a called procedure's: the data checked against the
 * step's form, the instance signalled with the data merged into the dossier's
 * (a multi-instance step's into its instance's entry of `<element>_outputs`),
 * the task marked completed and `task.completed` recorded.
 */
export async function signalStep(
  work: TaskWork,
  run: { stepForms: Record<string, FormValidator>; sourceContext: unknown; engineState: unknown },
  input: CompleteInput,
): Promise<{ run: RunResult; merged: Record<string, unknown>; timeliness: Timeliness }> {
  const { db, dossier, task, now } = work;
  const data = input.data ?? {};
  const errors = (run.stepForms[task.elementId] ?? (() => []))(data);
  if (errors.length) throw new ValidationError(`the data for "${task.name}" is invalid: ${formatFieldErrors(errors)}`, errors);

  const merged: Record<string, unknown> = { ...dossier.data };
  const next = await signalInstance(run.sourceContext, run.engineState, { elementId: task.elementId, executionId: task.executionId }, merged, (instance) => mergeStepData(merged, data, instance));

  const timeliness = classifyTimeliness(now, task.dueAt);
  await markTaskCompleted(db, task.id, { completedAt: now, completedBy: input.actor, timeliness, data });
  work.record({ type: 'task.completed', at: now, actor: input.actor, payload: { taskId: task.id, elementId: task.elementId, name: task.name, department: task.department, dueAt: task.dueAt, timeliness, data } });
  return { run: next, merged, timeliness };
}
