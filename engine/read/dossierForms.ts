import type { EngineContext } from '../engineContext.js';
import { NotFoundError } from '../errors.js';
import { dossierHistory } from '../dossier/dossierView.js';
import { listDepartments } from '../store/departments/departmentRows.js';
import { ruleSetSummary } from '../store/rules/ruleRows.js';
import { FORMS, isFormNumber, printableDossier } from '../printing/index.js';
import { controlSlip } from './controlSlip.js';
import { lookupLink, publicBaseUrl } from '../notices/publicLink.js';

/**
 * A printed form of Circular 03/2025 for a dossier, from its own data and
 * history (engine/printing lays it out). A form the history does not call
 * for (Form 05 for a dossier never stopped) is not found.
 */
export async function dossierForm(ctx: EngineContext, code: string, number: string, where: { origin?: string | null } = {}): Promise<Buffer> {
  if (!isFormNumber(number)) throw new NotFoundError(`form ${number} does not exist: the forms are 01 to 06`);
  const db = ctx.pool;
  const [{ dossier, procedureName, rows }, history, departments] = await Promise.all([controlSlip(db, code), dossierHistory(db, code), listDepartments(db)]);
  const ruleSet = dossier.ruleSetId ? await ruleSetSummary(db, dossier.ruleSetId) : null;
  const printable = printableDossier({ dossier, procedureName, history, controlSlip: rows, departments, deskDepartment: ctx.deskDepartment, ruleSet });
  const form = FORMS[number];
  if (!form.applies(printable)) throw new NotFoundError(`form ${number} does not apply: dossier ${code} ${form.missing}`);
  return form.render(printable, { issuedAt: ctx.time.now(), lookupUrl: lookupLink(publicBaseUrl(process.env, where.origin), code) });
}
