import type { EngineContext } from '../engineContext.js';
import { changeDossier } from '../dossier/change.js';
import { ALL_STATUSES } from '../dossier/statuses.js';
import { setTaskAssignee, type TaskRow } from '../store/tasks/taskRows.js';
import { findPerson } from '../store/people/findPerson.js';
import { membershipsOf } from '../store/people/memberships.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors.js';
import { audit, type ActorRef } from './audit.js';
import { normalizeUsername, personActor } from './usernames.js';

export interface AssignInput {
  /** The colleague, by id or username. */
  to: { personId: string } | { username: string };
  /** The lead's departments: the task must be routed to one of them. */
  leadOf: readonly string[];
  by: ActorRef;
}

/**
 * A lead hands a step of the department to a colleague (claimed or not). The
 * history shows the step claimed for the colleague; the audit log keeps who
 * reassigned it, from whom.
 */
export async function assignTask(ctx: EngineContext, taskId: string, input: AssignInput): Promise<TaskRow> {
  const colleague = await findPerson(ctx.pool, 'personId' in input.to ? { id: input.to.personId } : { username: normalizeUsername(input.to.username) });
  if (!colleague) throw new NotFoundError(`person ${'personId' in input.to ? input.to.personId : input.to.username} does not exist`);
  if (!colleague.active) throw new ConflictError(`${colleague.username} is deactivated`);
  const memberships = await membershipsOf(ctx.pool, colleague.id);
  const actor = personActor(colleague);
  return changeDossier(ctx, { taskId, check: refuseDone }, ALL_STATUSES, 'reassign the step', async ({ db, task, now, record }) => {
    if (!input.leadOf.includes(task.department)) {
      throw new ForbiddenError(`task ${taskId} is routed to department ${task.department}; a lead of ${input.leadOf.join(', ') || 'no department'} cannot reassign it`);
    }
    if (!memberships.some((m) => (m.role === 'officer' || m.role === 'lead') && m.department === task.department)) {
      throw new ConflictError(`${colleague.username} is not an officer of department ${task.department}`);
    }
    if (task.status === 'claimed' && task.assignee === actor) return task;
    await setTaskAssignee(db, taskId, 'claimed', actor);
    record({ type: 'task.claimed', at: now, actor, payload: { taskId, elementId: task.elementId } });
    await audit(db, now, input.by, 'task.reassigned', taskId, { dossierCode: task.dossierCode, department: task.department, from: task.assignee, to: colleague.username });
    return { ...task, status: 'claimed', assignee: actor };
  });
}

function refuseDone(task: TaskRow) {
  if (task.status === 'completed' || task.status === 'cancelled') throw new ConflictError(`task ${task.id} is ${task.status}`);
}
