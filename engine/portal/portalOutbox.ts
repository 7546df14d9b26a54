import type { Queryable } from '../store/db.js';
import { insertOutboxRecords, portalFacts } from '../store/portal/portalOutbox.js';
import type { DossierStatus } from '../dossier/statuses.js';
import { portalRecord, statusPassages } from './portalRecord.js';

/**
 * The unit of work's hook (engine/dossier/change.ts): when a change moved the
 * dossier's status, the portal's records of it are written in the same
 * transaction, one per status passed through. Nothing is written otherwise.
 */
export async function recordPortalChange(db: Queryable, dossier: { id: number; code: string }, before: DossierStatus | null, at: Date): Promise<void> {
  const facts = await portalFacts(db, dossier.id);
  if (!facts) return;
  const passages = statusPassages(before, facts.status);
  if (!passages.length) return;
  await insertOutboxRecords(db, dossier.id, dossier.code, passages.map((s) => portalRecord(facts, s)), at);
}
