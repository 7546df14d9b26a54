import type { Queryable } from '../store/db.js';
import { getDossierByCode, type DossierRow } from '../store/dossiers/dossierRows.js';
import { departmentTaskOnDossier } from '../store/queries/taskList.js';
import { ForbiddenError, NotFoundError } from '../errors.js';

/**
 * A dossier as a caller may read it. An officer (acting for a department)
 * reads a dossier only if its department has (or had) a step on it. Unknown
 * dossiers are "not found" for everyone, so the department check runs after.
 */
export async function readableDossier(db: Queryable, code: string, actingFor?: string | null): Promise<DossierRow> {
  const dossier = await getDossierByCode(db, code);
  if (!dossier) throw new NotFoundError(`dossier ${code} does not exist`).because('dossier-not-found', { code });
  if (actingFor && !(await departmentTaskOnDossier(db, code, actingFor))) {
    throw new ForbiddenError(`department ${actingFor} has no step on dossier ${code}; its officers cannot read it`).because('dossier-other-department', { code, department: actingFor });
  }
  return dossier;
}
