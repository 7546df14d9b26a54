import type { EngineContext } from '../../engineContext.js';
import { updateDossier } from '../../store/dossiers/dossierRows.js';
import { listDossierTasks, setTaskDueAt } from '../../store/tasks/taskRows.js';
import { insertSupplementRequest, markSupplementReceived, openSupplement } from '../../store/deadlines/supplementRows.js';
import { errorsAt, ForbiddenError, ValidationError } from '../../errors.js';
import { formatFieldErrors } from '../../forms/formValidator.js';
import { warningAt } from '../../deadlines/warningTime.js';
import { changeDossier } from '../change.js';
import type { CreatedTask } from '../changeTypes.js';
import { openTaskView } from '../openTaskView.js';
import type { DossierStatus } from '../statuses.js';
import { pinnedTo } from '../../calendar/ruleSets.js';

/** Decree 61: a supplement may be asked within 3 working days of receiving the dossier. */
export const SUPPLEMENT_WINDOW_MS = 3 * 8 * 3_600_000;

export interface SupplementRequestInput {
  actor: string;
  /** The requesting department (an officer's); null when the desk asks. */
  department: string | null;
  reason: string;
  items: string[];
}

/**
 * A department (or the desk) asks the citizen for missing documents, once,
 * with complete guidance. The dossier's clocks stop until the desk records
 * the completed supplement.
 */
export async function requestSupplement(ctx: EngineContext, code: string, input: SupplementRequestInput) {
  const problems = [];
  if (!input.reason?.trim()) problems.push({ path: '/reason', message: 'is required' });
  if (!Array.isArray(input.items) || !input.items.some((i) => typeof i === 'string' && i.trim())) {
    problems.push({ path: '/items', message: 'must list at least one missing item' });
  }
  if (problems.length) throw new ValidationError(`the supplement request is incomplete: ${formatFieldErrors(problems)}`, problems);

  return changeDossier(ctx, { code }, ['processing'], 'request a supplement', async ({ db, dossier, now, record, close, voidDossierTimers }) => {
    const { model } = await ctx.definitions.get(dossier.procedureVersionId);
    const open = await listDossierTasks(db, dossier.id, ['open', 'claimed']);

    // The window runs from when the requester received the dossier: the
    // handover of its step for a department, the reception for the desk.
    let since = dossier.clockStartedAt;
    let taskId: string | null = null;
    if (input.department) {
      const held = open.find((t) => t.department === input.department);
      if (!held) throw new ForbiddenError(`department ${input.department} holds no open step of dossier ${code}`);
      since = held.createdAt;
      taskId = held.id;
    }
    const elapsed = ctx.time.elapsed(since, now, 'working', pinnedTo(model.calendarId, dossier.ruleSetId));
    if (elapsed > SUPPLEMENT_WINDOW_MS) {
      throw new ValidationError(
        `a supplement can only be requested within 3 working days of receiving the dossier (received ${since.toISOString()}, ${(elapsed / 3_600_000).toFixed(1)} working hours ago)`,
        [{ path: '', message: 'the 3-working-day window for a supplement request has passed' }],
      );
    }
    const previous = await openSupplement(db, dossier.id);
    if (previous) throw new ValidationError('a supplement request is already open', []);

    await insertSupplementRequest(db, {
      dossierId: dossier.id, taskId, department: input.department, reason: input.reason, items: input.items,
      requestedAt: now, requestedBy: input.actor, policy: model.supplementPolicy, dueBefore: dossier.dueAt,
    });
    await updateDossier(db, dossier.id, { status: 'supplement_requested', pausedAt: now });
    record({ type: 'supplement.requested', at: now, actor: input.actor, payload: { department: input.department, taskId, reason: input.reason, items: input.items, policy: model.supplementPolicy } });
    // Paused: no timer of this dossier may fire until the supplement arrives.
    close(open.map((t) => t.id));
    voidDossierTimers();
    const status: DossierStatus = 'supplement_requested';
    return { dossierCode: code, status, requestedAt: now };
  });
}

export interface SupplementReceivedInput {
  actor: string;
  /** Corrected or added dossier data, checked against the procedure's start form. */
  data?: Record<string, unknown>;
}

/**
 * The desk records the completed supplement. Per the procedure's policy the
 * clocks restart from zero (Decree 61) or resume with the paused time added.
 */
export async function receiveSupplement(ctx: EngineContext, code: string, input: SupplementReceivedInput): Promise<{ dossierCode: string; status: DossierStatus; dueAt: Date | null; openTasks: CreatedTask[] }> {
  return changeDossier(ctx, { code }, ['supplement_requested'], 'record a supplement', async ({ db, dossier, now, record, arm }) => {
    const definition = await ctx.definitions.get(dossier.procedureVersionId);
    const { model } = definition;
    const merged = { ...dossier.data, ...(input.data ?? {}) };
    const errors = errorsAt('/data', definition.startForm(merged));
    if (errors.length) throw new ValidationError(`the supplemented dossier data is invalid: ${formatFieldErrors(errors)}`, errors);

    const pausedAt = dossier.pausedAt ?? now;
    const cal = pinnedTo(model.calendarId, dossier.ruleSetId);
    const restart = model.supplementPolicy === 'restart';
    const reason = `supplement (${model.supplementPolicy})`;
    record({ type: 'supplement.received', at: now, actor: input.actor, payload: { policy: model.supplementPolicy, pausedAt, data: input.data ?? {} } });

    let dueAt = dossier.dueAt;
    let warnAt = dossier.warnAt;
    let clockStartedAt = dossier.clockStartedAt;
    if (model.deadlineMs !== null && dossier.dueAt) {
      if (restart) {
        clockStartedAt = ctx.time.clockStart('reception', now, model.clock, cal);
        dueAt = ctx.time.dueAt(clockStartedAt, model.deadlineMs, model.clock, cal);
      } else {
        const remaining = Math.max(0, ctx.time.elapsed(pausedAt, dossier.dueAt, model.clock, cal));
        // The rest of the promised time resumes at the next working moment,
        // on either clock (as it always has).
        dueAt = ctx.time.dueAt(ctx.time.clockStart('handover', now, 'working', cal), remaining, model.clock, cal);
      }
      warnAt = warningAt(ctx.time, clockStartedAt, dueAt, model.clock, ctx.warningLead.dossierMs, cal);
      arm({ taskId: null, dueAt, warnAt });
      record({ type: 'dossier.rescheduled', at: now, payload: { reason, previousDueAt: dossier.dueAt, dueAt } });
    }

    const open = await listDossierTasks(db, dossier.id, ['open', 'claimed']);
    for (const task of open) {
      if (task.allotmentMs === null || !task.dueAt) continue;
      const clock = model.steps[task.elementId]?.clock ?? 'working';
      const start = ctx.time.clockStart('handover', now, clock, cal);
      const allotment = restart ? task.allotmentMs : Math.max(0, ctx.time.elapsed(pausedAt, task.dueAt, clock, cal));
      const taskDue = ctx.time.dueAt(start, allotment, clock, cal);
      const taskWarn = warningAt(ctx.time, start, taskDue, clock, ctx.warningLead.taskMs, cal);
      await setTaskDueAt(db, task.id, taskDue, taskWarn);
      arm({ taskId: task.id, dueAt: taskDue, warnAt: taskWarn });
      record({ type: 'task.rescheduled', at: now, payload: { taskId: task.id, elementId: task.elementId, previousDueAt: task.dueAt, dueAt: taskDue, reason } });
      task.dueAt = taskDue;
      task.warnAt = taskWarn;
    }

    const supplement = await openSupplement(db, dossier.id);
    if (supplement) await markSupplementReceived(db, supplement.id, now, input.actor, dueAt);
    await updateDossier(db, dossier.id, { status: 'processing', pausedAt: null, data: merged, dueAt, warnAt, clockStartedAt });
    return { dossierCode: code, status: 'processing', dueAt, openTasks: open.map(openTaskView) };
  });
}
