import type { Queryable } from '../store/db.js';
import { getTaskWithForm, type TaskWithForm } from '../store/queries/taskList.js';
import { NotFoundError } from '../errors.js';
import { refuseOutOfScope } from '../dossier/departmentScope.js';

export type { TaskWithForm } from '../store/queries/taskList.js';

/** A task with its step form, refused to an officer of another department (the refusal says whose it is). */
export async function taskInScope(db: Queryable, id: string, actingFor?: string | null): Promise<TaskWithForm> {
  const task = await getTaskWithForm(db, id);
  if (!task) throw new NotFoundError(`task ${id} does not exist`).because('task-not-found', { id });
  refuseOutOfScope(task, actingFor);
  return task;
}
