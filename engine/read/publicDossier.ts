import type { Queryable } from '../store/db.js';
import { publicDossier as publicDossierRow } from '../store/queries/publicDossier.js';
import { getDepartment } from '../store/departments/departmentRows.js';
import { NotFoundError } from '../errors.js';

/** What a citizen sees from the code alone. A resolved result is held by the desk until it is collected. */
export async function publicDossier(db: Queryable, code: string, deskDepartment: string) {
  const d = await publicDossierRow(db, code);
  if (!d) throw new NotFoundError(`dossier ${code} does not exist`);
  let heldBy = d.holders;
  if (!heldBy.length && d.status === 'resolved') {
    const desk = await getDepartment(db, deskDepartment);
    heldBy = [{ code: deskDepartment, name: desk?.name ?? deskDepartment }];
  }
  return { ...d, heldBy };
}
