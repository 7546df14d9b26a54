import type { EngineContext } from '../../engineContext.js';
import { withTransaction } from '../../store/db.js';
import { lockDossierOfTask } from '../../store/dossiers/dossierRows.js';
import { getTask, setTaskAssignee, type TaskRow } from '../../store/tasks/taskRows.js';
import { appendEvents } from '../../store/events/eventRows.js';
import { ConflictError, NotFoundError } from '../../errors.js';

/** Takes a task for one officer so colleagues see it is being handled. */
export async function claimTask(ctx: EngineContext, taskId: string, actor: string): Promise<TaskRow> {
  return changeClaim(ctx, taskId, actor, true);
}

export async function unclaimTask(ctx: EngineContext, taskId: string, actor: string): Promise<TaskRow> {
  return changeClaim(ctx, taskId, actor, false);
}

async function changeClaim(ctx: EngineContext, taskId: string, actor: string, claim: boolean): Promise<TaskRow> {
  return withTransaction(ctx.pool, async (client) => {
    // Locked through the task, as a completion does, so claims and completions queue on one row.
    const task = (await lockDossierOfTask(client, taskId)) && (await getTask(client, taskId));
    if (!task) throw new NotFoundError(`task ${taskId} does not exist`);
    if (task.status === 'completed' || task.status === 'cancelled') throw new ConflictError(`task ${taskId} is ${task.status}`);
    if (claim) {
      if (task.status === 'claimed' && task.assignee !== actor) throw new ConflictError(`task ${taskId} is claimed by ${task.assignee}`);
      if (task.status === 'claimed') return task;
      await setTaskAssignee(client, taskId, 'claimed', actor);
    } else {
      if (task.status === 'open') return task;
      if (task.assignee !== actor) throw new ConflictError(`task ${taskId} is claimed by ${task.assignee}, not by ${actor}`);
      await setTaskAssignee(client, taskId, 'open', null);
    }
    const now = ctx.time.now();
    await appendEvents(client, task.dossierId, [{ type: claim ? 'task.claimed' : 'task.unclaimed', at: now, actor, payload: { taskId, elementId: task.elementId } }]);
    return (await getTask(client, taskId))!;
  });
}
