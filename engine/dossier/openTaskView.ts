import type { TaskRow } from '../store/tasks/taskRows.js';
import type { CreatedTask } from './changeTypes.js';

/** An open step as a change reports it, the same shape as a step it routed. */
export function openTaskView(t: TaskRow): CreatedTask {
  return { id: t.id, elementId: t.elementId, name: t.name, department: t.department, fromDepartment: t.fromDepartment, handedOverAt: t.createdAt, dueAt: t.dueAt, warnAt: t.warnAt, counted: t.counted };
}
