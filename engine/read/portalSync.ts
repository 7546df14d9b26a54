import type { Queryable } from '../store/db.js';
import { dossierSync } from '../store/portal/portalOutbox.js';
import { requireDossier } from '../dossier/dossierView.js';

export interface PortalSyncView {
  dossierCode: string;
  synchronised: boolean;
  records: number;
  delivered: number;
  lastDeliveredAt: Date | null;
  waiting: { statusCode: number; createdAt: Date; attempts: number; nextAttemptAt: Date; lastError: string | null } | null;
  /** Why it is not synchronised, in a sentence; null when it is. */
  reason: string | null;
}

/** Whether the national portal has heard of every status change of a dossier, and why not. */
export async function portalSync(db: Queryable, code: string): Promise<PortalSyncView> {
  await requireDossier(db, code);
  const s = await dossierSync(db, code);
  const waiting = s.headId === null ? null : { statusCode: s.headStatusCode!, createdAt: s.headCreatedAt!, attempts: s.headAttempts!, nextAttemptAt: s.headNextAttemptAt!, lastError: s.headError };
  let reason: string | null = null;
  if (waiting) {
    const behind = s.records - s.delivered - 1;
    const queue = behind > 0 ? ` (${behind === 1 ? '1 later change waits' : `${behind} later changes wait`} behind it)` : '';
    reason = waiting.attempts === 0
      ? `status ${waiting.statusCode} has not been sent yet: no attempt so far; is the sender configured (PORTAL_SYNC_URL)?${queue}`
      : `the portal has not accepted status ${waiting.statusCode} after ${waiting.attempts} attempt${waiting.attempts > 1 ? 's' : ''}${waiting.lastError ? `: ${waiting.lastError}` : ''}; next attempt at ${waiting.nextAttemptAt.toISOString()}${queue}`;
  }
  return { dossierCode: code, synchronised: !waiting, records: s.records, delivered: s.delivered, lastDeliveredAt: s.lastDeliveredAt, waiting, reason };
}
