import type { EngineContext } from '../../engineContext.js';
import { setTaskAssignee, type TaskRow } from '../../store/tasks/taskRows.js';
import { ConflictError } from '../../errors.js';
import { changeDossier } from '../change.js';
import { ALL_STATUSES } from '../statuses.js';

/** Takes a task for one officer so colleagues see it is being handled. */
export async function claimTask(ctx: EngineContext, taskId: string, actor: string): Promise<TaskRow> {
  return changeClaim(ctx, taskId, actor, true);
}

export async function unclaimTask(ctx: EngineContext, taskId: string, actor: string): Promise<TaskRow> {
  return changeClaim(ctx, taskId, actor, false);
}

function refuseDone(task: TaskRow) {
  if (task.status === 'completed' || task.status === 'cancelled') throw new ConflictError(`task ${task.id} is ${task.status}`).because(task.status === 'completed' ? 'task-done' : 'task-cancelled', { by: task.completedBy ?? '' });
  // A job is taken by fetch-and-lock, a reply by its message: a claim would hide them from both.
  if (task.kind === 'job') throw new ConflictError(`task ${task.id} is an external job: its department's software takes it through /api/jobs/fetch-and-lock`);
  if (task.kind === 'message') throw new ConflictError(`task ${task.id} awaits a message: it ends when the message is delivered through /api/messages`);
}

async function changeClaim(ctx: EngineContext, taskId: string, actor: string, claim: boolean): Promise<TaskRow> {
  return changeDossier(ctx, { taskId, check: refuseDone }, ALL_STATUSES, claim ? 'claim the step' : 'release the step', async ({ db, task, now, record }) => {
    if (claim) {
      if (task.status === 'claimed' && task.assignee !== actor) throw new ConflictError(`task ${taskId} is claimed by ${task.assignee}`).because('task-claimed', { by: task.assignee ?? '' });
      if (task.status === 'claimed') return task;
    } else {
      if (task.status === 'open') return task;
      if (task.assignee !== actor) throw new ConflictError(`task ${taskId} is claimed by ${task.assignee}, not by ${actor}`).because('task-claimed', { by: task.assignee ?? '' });
    }
    const changed: TaskRow = { ...task, status: claim ? 'claimed' : 'open', assignee: claim ? actor : null };
    await setTaskAssignee(db, taskId, changed.status, changed.assignee);
    record({ type: claim ? 'task.claimed' : 'task.unclaimed', at: now, actor, payload: { taskId, elementId: task.elementId } });
    return changed;
  });
}
