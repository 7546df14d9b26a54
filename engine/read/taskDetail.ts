import type { Queryable } from '../store/db.js';
import { getDossierByCode } from '../store/dossiers/dossierRows.js';
import { taskInScope } from './taskInScope.js';

/** A task with its form and the dossier's applicant and data: what a department needs to do the step. */
export async function taskDetail(db: Queryable, id: string, actingFor?: string | null) {
  const task = await taskInScope(db, id, actingFor);
  const dossier = (await getDossierByCode(db, task.dossierCode))!;
  return { task, dossier };
}
