import type { OutboundEvent } from '../../engineContext.js';
import type { CreatedTask } from './createTasks.js';

/** What a department's own software is told when a step is routed to it. */
export function taskCreatedNotices(dossierCode: string, tasks: CreatedTask[]): OutboundEvent[] {
  return tasks.map((t) => ({
    event: 'task.created',
    department: t.department,
    dossierCode,
    taskId: t.id,
    at: t.handedOverAt,
    payload: { taskId: t.id, elementId: t.elementId, name: t.name, fromDepartment: t.fromDepartment, dueAt: t.dueAt },
  }));
}
