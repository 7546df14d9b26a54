import type { Queryable } from '../store/db.js';
import { publicDossier as publicDossierRow } from '../store/queries/publicDossier.js';
import { getDepartment } from '../store/departments/departmentRows.js';
import { publicDossierNotes } from '../store/queries/publicDossierNotes.js';
import { NotFoundError } from '../errors.js';

/**
 * What a citizen sees from the code alone. A resolved result is held by the
 * desk until it is collected. While a supplement is asked for: the items to
 * bring and where (the desk); after an apology letter: its new date and reason.
 */
export async function publicDossier(db: Queryable, code: string, deskDepartment: string) {
  const d = await publicDossierRow(db, code);
  if (!d) throw new NotFoundError(`dossier ${code} does not exist`).because('dossier-not-found', { code });
  const [desk, notes] = await Promise.all([getDepartment(db, deskDepartment), publicDossierNotes(db, code)]);
  const deskPlace = { code: deskDepartment, name: desk?.name ?? deskDepartment };
  let heldBy = d.holders;
  if (!heldBy.length && d.status === 'resolved') heldBy = [deskPlace];
  const supplement = d.status === 'supplement_requested' && notes.supplement ? { ...notes.supplement, bringTo: deskPlace } : null;
  const apology = notes.apology ? { ...notes.apology, previousDueAt: notes.apology.previousDueAt ? new Date(notes.apology.previousDueAt) : null, dueAt: new Date(notes.apology.dueAt) } : null;
  return { ...d, heldBy, supplement, apology };
}
