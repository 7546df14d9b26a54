import { ForbiddenError } from '../errors.js';

/** An officer's key acts for one department: a step routed to another is refused, saying whose it is. */
export function refuseOutOfScope(task: { id: string; department: string }, actingFor?: string | null): void {
  if (actingFor && task.department !== actingFor) {
    throw new ForbiddenError(`task ${task.id} is routed to department ${task.department}; this key acts for ${actingFor}`).because('task-other-department', { department: task.department });
  }
}
