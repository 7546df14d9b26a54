import type { EngineContext } from '../../engineContext.js';
import { deliverMessage as deliverToInstance } from '../../runtime/processRun.js';
import { claimMessageWaits } from '../../store/waits/claimMessageWaits.js';
import { listDossierTasks, markTaskCompleted } from '../../store/tasks/taskRows.js';
import { formatFieldErrors } from '../../forms/formValidator.js';
import { elementForm } from '../routing/elementForm.js';
import { classifyTimeliness } from '../../timeliness/classifyTimeliness.js';
import { errorsAt, ForbiddenError, NotFoundError, ValidationError } from '../../errors.js';
import { changeDossier } from '../change.js';
import type { CreatedTask } from '../changeTypes.js';
import { applyRun } from '../routing/applyRun.js';

export interface MessageInput {
  name: string;
  dossierCode: string;
  data?: Record<string, unknown>;
  actor: string;
  /** An officer's department: only the department named on the catching element may deliver. */
  actingFor?: string | null;
}

export interface MessageResult {
  dossierCode: string;
  /** The catching elements the message ended (receive tasks, catch events, boundary events). */
  triggered: string[];
  /** Steps routed because of it. */
  tasks: CreatedTask[];
}

/**
 * Delivers a message from another agency to a dossier: every open wait of
 * the dossier for that message name ends (so a second delivery finds none),
 * the data is checked against the catching element's form and merged into
 * the dossier, and the instance moves on.
 */
export async function deliverMessage(ctx: EngineContext, input: MessageInput): Promise<MessageResult> {
  return changeDossier(ctx, { code: input.dossierCode }, ['processing'], 'deliver a message', async (work) => {
    const { db, dossier, now } = work;
    const waits = await claimMessageWaits(db, dossier.id, input.name, now);
    if (!waits.length) throw new NotFoundError(`dossier ${dossier.code} does not wait for a message "${input.name}"`);
    for (const w of waits) {
      if (input.actingFor && w.department !== input.actingFor) {
        throw new ForbiddenError(`the message "${input.name}" is awaited by ${w.department ?? 'the desk'} at ${w.elementId}; this key acts for ${input.actingFor}`);
      }
    }
    const definition = await ctx.definitions.get(dossier.procedureVersionId);
    const data = input.data ?? {};
    for (const w of waits) {
      const catching = definition.waits.messages[w.elementId];
      const errors = errorsAt('/data', elementForm(catching?.form)(data));
      if (errors.length) throw new ValidationError(`the data of message "${input.name}" is invalid: ${formatFieldErrors(errors)}`, errors);
    }
    const messageId = definition.waits.messages[waits[0].elementId]?.messageId ?? input.name;
    const merged = { ...(dossier.data as Record<string, unknown>), ...data };
    const run = await deliverToInstance(definition.sourceContext, dossier.engineState, messageId, merged);
    const triggered = waits.map((w) => w.elementId);
    work.record({ type: 'message.received', at: now, actor: input.actor, payload: { name: input.name, elementIds: triggered, data } });

    // A receive task with a reply deadline is a leg of its department: the reply completes it.
    const replies = (await listDossierTasks(db, dossier.id, ['open'])).filter((t) => t.kind === 'message' && waits.some((w) => w.executionId === t.executionId));
    for (const t of replies) {
      const timeliness = classifyTimeliness(now, t.dueAt);
      await markTaskCompleted(db, t.id, { completedAt: now, completedBy: input.actor, timeliness, data });
      work.record({ type: 'task.completed', at: now, actor: input.actor, payload: { taskId: t.id, elementId: t.elementId, name: t.name, department: t.department, dueAt: t.dueAt, timeliness, data } });
      work.close([t.id]);
    }
    const applied = await applyRun(ctx, work, { definition, run, data: merged, fromDepartment: waits[0].department });
    return { dossierCode: dossier.code, triggered, tasks: applied.created };
  });
}
