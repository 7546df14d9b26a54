import type { DeadlineTimer, EngineContext, OutboundEvent } from '../../engineContext.js';
import { signalInstance } from '../../runtime/processRun.js';
import { withTransaction } from '../../store/db.js';
import { lockDossierOfTask, updateDossier } from '../../store/dossiers/dossierRows.js';
import { listDossierTasks, markTaskCompleted, markTasksCancelled, type TaskRow } from '../../store/tasks/taskRows.js';
import { appendEvents, type NewEvent } from '../../store/events/eventRows.js';
import { closeDossierBreaches, closeTaskBreaches } from '../../store/deadlines/closeBreaches.js';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js';
import { formatFieldErrors } from '../../forms/formValidator.js';
import { classifyTimeliness } from '../../timeliness/classifyTimeliness.js';
import { warningAt } from '../../deadlines/warningTime.js';
import { commitEffects } from '../../commitEffects.js';
import { createTasksFor, type CreatedTask } from '../routing/createTasks.js';
import { gatewayDecisionEvents } from '../routing/gatewayDecisions.js';
import { taskCreatedNotices } from '../routing/notices.js';

export interface CompleteInput {
  actor: string;
  data?: Record<string, unknown>;
}

export interface CompleteResult {
  dossierCode: string;
  status: string;
  timeliness: string;
  /** The dossier's open tasks after this step. */
  openTasks: CreatedTask[];
  created: CreatedTask[];
}

export function openTaskView(t: TaskRow): CreatedTask {
  return { id: t.id, elementId: t.elementId, name: t.name, department: t.department, fromDepartment: t.fromDepartment, handedOverAt: t.createdAt, dueAt: t.dueAt, warnAt: t.warnAt, counted: t.counted };
}

/**
 * Completes one routed step: validates the department's data against the
 * step's form, merges it into the dossier, moves the instance on and routes
 * the next steps. Everything in one transaction under the dossier's row lock,
 * so a second completion of the same task sees it completed and is refused.
 */
export async function completeTask(ctx: EngineContext, taskId: string, input: CompleteInput): Promise<CompleteResult> {
  const outcome = await withTransaction(ctx.pool, async (client) => {
    const dossier = await lockDossierOfTask(client, taskId);
    // One read of the dossier's steps serves the checks and the routing below.
    const steps = dossier ? await listDossierTasks(client, dossier.id) : [];
    const task = steps.find((t) => t.id === taskId);
    if (!dossier || !task) throw new NotFoundError(`task ${taskId} does not exist`);
    if (task.status === 'completed') throw new ConflictError(`task ${taskId} was already completed at ${task.completedAt?.toISOString()} by ${task.completedBy}`);
    if (task.status === 'cancelled') throw new ConflictError(`task ${taskId} was cancelled: the dossier no longer waits for it`);
    if (task.status === 'claimed' && task.assignee !== input.actor) throw new ConflictError(`task ${taskId} is claimed by ${task.assignee}`);
    if (dossier.status !== 'processing') {
      throw new ConflictError(`dossier ${dossier.code} is ${dossier.status.replace('_', ' ')}: its steps cannot be completed now`);
    }

    const definition = await ctx.definitions.get(dossier.procedureVersionId);
    const { model } = definition;
    const data = input.data ?? {};
    const errors = (definition.stepForms[task.elementId] ?? (() => []))(data);
    if (errors.length) throw new ValidationError(`the data for "${task.name}" is invalid: ${formatFieldErrors(errors)}`, errors);

    const merged = { ...dossier.data, ...data };
    const run = await signalInstance(definition.sourceContext, dossier.engineState, { elementId: task.elementId, executionId: task.executionId }, merged);

    const now = ctx.time.now();
    const timeliness = classifyTimeliness(now, task.dueAt);
    await markTaskCompleted(client, task.id, { completedAt: now, completedBy: input.actor, timeliness, data });

    const events: NewEvent[] = [
      { type: 'task.completed', at: now, actor: input.actor, payload: { taskId: task.id, elementId: task.elementId, name: task.name, department: task.department, dueAt: task.dueAt, timeliness, data } },
      ...gatewayDecisionEvents(model, run.flowsTaken, now),
    ];
    const timers: DeadlineTimer[] = [];
    const notify: OutboundEvent[] = [];

    // Tasks the instance no longer waits on (other than this one) were
    // withdrawn by the process itself, e.g. an interrupting event.
    const open = steps.filter((t) => t.status === 'open' || t.status === 'claimed');
    const stillWaiting = new Set(run.waiting.map((w) => w.executionId));
    const known = new Set(open.map((t) => t.executionId));
    const cancelled = open.filter((t) => t.id !== task.id && !stillWaiting.has(t.executionId));
    if (cancelled.length) {
      await markTasksCancelled(client, cancelled.map((t) => t.id), now);
      await closeTaskBreaches(client, cancelled.map((t) => t.id), now);
    }
    for (const t of cancelled) events.push({ type: 'task.cancelled', at: now, payload: { taskId: t.id, elementId: t.elementId, reason: 'the process no longer waits for this step' } });

    // An uncounted step (the citizen paying a tax) does not consume the
    // promised date: it moves by the working time the step took.
    let dueAt = dossier.dueAt;
    let warnAt = dossier.warnAt;
    if (!task.counted && dueAt && !run.ended) {
      const took = Math.max(0, ctx.time.elapsed(task.createdAt, now, 'working', model.calendarId));
      const previous = dueAt;
      dueAt = ctx.time.dueAt(previous, took, 'working', model.calendarId);
      warnAt = warningAt(ctx.time, dossier.clockStartedAt, dueAt, model.clock, ctx.warningLead.dossierMs, model.calendarId);
      events.push({ type: 'dossier.rescheduled', at: now, payload: { reason: 'uncounted step', taskId: task.id, name: task.name, previousDueAt: previous, dueAt, tookMs: took } });
      timers.push({ dossierId: dossier.id, taskId: null, dueAt, warnAt });
    }

    const created = await createTasksFor(ctx, client, {
      dossierId: dossier.id,
      model,
      waiting: run.waiting.filter((w) => !known.has(w.executionId)),
      handedOverAt: now,
      fromDepartment: task.department,
      events,
    });
    notify.push(...taskCreatedNotices(dossier.code, created));

    const status = run.ended ? 'resolved' : dossier.status;
    if (run.ended) {
      const dossierTimeliness = classifyTimeliness(now, dossier.dueAt);
      events.push({ type: 'dossier.resolved', at: now, payload: { timeliness: dossierTimeliness, dueAt: dossier.dueAt } });
      notify.push({ event: 'dossier.resolved', department: null, dossierCode: dossier.code, at: now, payload: { timeliness: dossierTimeliness, dueAt: dossier.dueAt } });
      await closeDossierBreaches(client, dossier.id, now);
    }
    await updateDossier(client, dossier.id, { data: merged, engineState: run.state, status, resolvedAt: run.ended ? now : undefined, dueAt, warnAt });
    await appendEvents(client, dossier.id, events);

    const remaining = open.filter((t) => t.id !== task.id && stillWaiting.has(t.executionId)).map(openTaskView);
    return {
      change: {
        dossierId: dossier.id,
        dossierCode: dossier.code,
        created,
        closed: [task.id, ...cancelled.map((t) => t.id)],
        timers,
        dossierTimersVoid: run.ended,
        notify,
      },
      result: { dossierCode: dossier.code, status, timeliness, openTasks: [...remaining, ...created], created },
    };
  });
  await commitEffects(ctx, outcome.change);
  return outcome.result;
}
