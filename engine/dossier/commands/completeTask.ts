import type { EngineContext } from '../../engineContext.js';
import { updateDossier } from '../../store/dossiers/dossierRows.js';
import { markTasksCancelled, type TaskRow } from '../../store/tasks/taskRows.js';
import { closeTaskBreaches } from '../../store/deadlines/closeBreaches.js';
import { ConflictError, ProcessError } from '../../errors.js';
import { recordProcessIncident } from './incidents.js';
import { warningAt } from '../../deadlines/warningTime.js';
import { createTasksFor } from '../routing/createTasks.js';
import { callOfStep, calledSteps, runningCalls, startCalls } from '../routing/startCalls.js';
import { completeCalledStep } from './completeCalledStep.js';
import { signalStep, type CompleteInput, type CompleteResult } from './signalStep.js';
import { recordWaits } from '../routing/recordWaits.js';
import { createExternalTasks } from '../routing/createExternalTasks.js';
import { gatewayDecisionEvents } from '../routing/gatewayDecisions.js';
import { changeDossier } from '../change.js';
import { openTaskView } from '../openTaskView.js';
import { refuseOutOfScope } from '../departmentScope.js';
import type { DossierStatus } from '../statuses.js';
import { endProcessing } from '../resolution.js';
import { pinnedTo } from '../../calendar/ruleSets.js';

export type { CompleteInput, CompleteResult } from './signalStep.js';

/**
 * The task's own state, before the dossier's: another department's step, and
 * a second completion of the same task (it sees it completed), are refused.
 */
function refuseStep(task: TaskRow, input: CompleteInput) {
  refuseOutOfScope(task, input.actingFor);
  if (task.kind === 'job') throw new ConflictError(`task ${task.id} is an external job: its department's software completes it through /api/jobs`);
  if (task.kind === 'message') throw new ConflictError(`task ${task.id} awaits a message: it ends when the message is delivered through /api/messages`);
  const { actor } = input;
  if (task.status === 'completed') throw new ConflictError(`task ${task.id} was already completed at ${task.completedAt?.toISOString()} by ${task.completedBy}`).because('task-done', { by: task.completedBy ?? '' });
  if (task.status === 'cancelled') throw new ConflictError(`task ${task.id} was cancelled: the dossier no longer waits for it`).because('task-cancelled');
  if (task.status === 'claimed' && task.assignee !== actor) throw new ConflictError(`task ${task.id} is claimed by ${task.assignee}`).because('task-claimed', { by: task.assignee ?? '' });
}

/**
 * Completes one routed step: validates the department's data against the
 * step's form, merges it into the dossier, moves the instance on and routes
 * the next steps.
 */
export async function completeTask(ctx: EngineContext, taskId: string, input: CompleteInput): Promise<CompleteResult> {
  try {
    return await completeStep(ctx, taskId, input);
  } catch (err) {
    // The process cannot go on from this step (no branch matches, a condition
    // fails, an uncaught BPMN error): the step stays open, the caller hears
    // why, and supervisors see an incident on the dossier.
    if (err instanceof ProcessError) {
      const incident = await recordProcessIncident(ctx, { taskId, error: err });
      err.because('process-stuck', { reported: incident ? 'yes' : 'no' });
    }
    throw err;
  }
}

function completeStep(ctx: EngineContext, taskId: string, input: CompleteInput): Promise<CompleteResult> {
  const target = { taskId, check: (task: TaskRow) => refuseStep(task, input) };
  return changeDossier(ctx, target, ['processing'], 'complete the step', async (work) => {
    const { db, dossier, task, steps, now } = work;
    const definition = await ctx.definitions.get(dossier.procedureVersionId);
    const { model } = definition;
    // A step of a called procedure moves the call's run, not the dossier's own.
    const calls = await runningCalls(db, dossier.id, definition);
    const call = callOfStep(calls, task);
    if (call) return completeCalledStep(ctx, work, { call, calls, input });
    const ofCalls = calledSteps(calls);
    const { run, merged, timeliness } = await signalStep(work, { ...definition, engineState: dossier.engineState }, input);
    work.record(...gatewayDecisionEvents(model, run.flowsTaken, now));

    // Tasks the instance no longer waits on (other than this one) were
    // withdrawn by the process itself, e.g. an interrupting event.
    const open = steps.filter((t) => (t.status === 'open' || t.status === 'claimed') && !ofCalls.has(t.executionId));
    const stillWaiting = new Set([...run.waiting, ...run.jobs, ...run.messages].map((w) => w.executionId));
    const known = new Set(open.map((t) => t.executionId));
    const cancelled = open.filter((t) => t.id !== task.id && !stillWaiting.has(t.executionId));
    if (cancelled.length) {
      await markTasksCancelled(db, cancelled.map((t) => t.id), now);
      await closeTaskBreaches(db, cancelled.map((t) => t.id), now);
    }
    work.record(...cancelled.map((t) => ({ type: 'task.cancelled' as const, at: now, payload: { taskId: t.id, elementId: t.elementId, reason: 'the process no longer waits for this step' } })));
    work.close([task.id, ...cancelled.map((t) => t.id)]);

    // An uncounted step (the citizen paying a tax) does not consume the
    // promised date: it moves by the working time the step took.
    let dueAt = dossier.dueAt;
    let warnAt = dossier.warnAt;
    if (!task.counted && dueAt && !run.ended) {
      const cal = pinnedTo(model.calendarId, dossier.ruleSetId);
      const took = Math.max(0, ctx.time.elapsed(task.createdAt, now, 'working', cal));
      const previous = dueAt;
      dueAt = ctx.time.dueAt(previous, took, 'working', cal);
      warnAt = warningAt(ctx.time, dossier.clockStartedAt, dueAt, model.clock, ctx.warningLead.dossierMs, cal);
      work.record({ type: 'dossier.rescheduled', at: now, payload: { reason: 'uncounted step', taskId: task.id, name: task.name, previousDueAt: previous, dueAt, tookMs: took } });
      work.arm({ taskId: null, dueAt, warnAt });
    }

    const created = await createTasksFor(ctx, work, {
      model,
      waiting: run.waiting.filter((w) => !known.has(w.executionId)),
      handedOverAt: now,
      fromDepartment: task.department,
      data: merged,
    });
    created.push(...(await startCalls(ctx, work, definition, { parent: null, calls: run.calls, data: merged, fromDepartment: task.department, running: calls })));
    if (definition.waits.any) {
      const fresh = <W extends { executionId: string }>(list: W[]) => list.filter((w) => !known.has(w.executionId));
      const external = await createExternalTasks(ctx, work, { waits: definition.waits, calendarId: model.calendarId, jobs: fresh(run.jobs), messages: fresh(run.messages), handedOverAt: now, fromDepartment: task.department });
      created.push(...external);
      await recordWaits(ctx, work, { waits: definition.waits, calendarId: model.calendarId, run });
    }

    // The end of the process resolves the dossier, or makes it wait for its fees.
    const end = run.ended ? await endProcessing(work, model) : null;
    const status: DossierStatus = end?.status ?? dossier.status;
    await updateDossier(db, dossier.id, { data: merged, engineState: run.state, status, resolvedAt: end?.resolvedAt, dueAt, warnAt });

    const remaining = open.filter((t) => t.id !== task.id && stillWaiting.has(t.executionId)).map(openTaskView);
    return { dossierCode: dossier.code, status, timeliness, openTasks: [...remaining, ...created], created };
  });
}
