import type { PoolClient } from 'pg';
import { lockDossierByCode } from '../store/dossiers/dossierRows.js';
import { ConflictError, NotFoundError } from '../errors.js';
import type { DossierStatus } from './statuses.js';

/** Locks a dossier by code for one state change, refusing it in the wrong status. */
export async function lockForChange(client: PoolClient, code: string, allowed: DossierStatus[], action: string) {
  const dossier = await lockDossierByCode(client, code);
  if (!dossier) throw new NotFoundError(`dossier ${code} does not exist`);
  if (!allowed.includes(dossier.status)) {
    throw new ConflictError(`cannot ${action}: dossier ${code} is ${dossier.status.replace(/_/g, ' ')} (allowed when ${allowed.map((s) => s.replace(/_/g, ' ')).join(' or ')})`);
  }
  return dossier;
}
