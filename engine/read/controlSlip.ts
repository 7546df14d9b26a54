import type { Queryable } from '../store/db.js';
import { dossierControlSlip } from '../dossier/dossierView.js';
import { getDossierByCode } from '../store/dossiers/dossierRows.js';
import { dossierExtras } from '../store/queries/dossierExtras.js';
import { NotFoundError } from '../errors.js';

/** The control slip (phiếu kiểm soát) of a dossier with the heading it is printed under. */
export async function controlSlip(db: Queryable, code: string) {
  const [dossier, rows, extras] = await Promise.all([getDossierByCode(db, code), dossierControlSlip(db, code), dossierExtras(db, code)]);
  if (!dossier || !extras) throw new NotFoundError(`dossier ${code} does not exist`).because('dossier-not-found', { code });
  return { dossier, procedureName: extras.procedureName, rows };
}
