import type { Queryable } from '../db.js';

export interface PublicSupplementRow {
  requestedAt: Date;
  reason: string;
  items: string[];
}

export interface PublicApologyRow {
  issuedAt: Date;
  reason: string;
  previousDueAt: string | null;
  dueAt: string;
}

/**
 * What the citizen is asked for and promised, from the dossier's history:
 * the latest supplement request and the latest apology letter. Nothing of
 * the applicant.
 */
export async function publicDossierNotes(db: Queryable, code: string): Promise<{ supplement: PublicSupplementRow | null; apology: PublicApologyRow | null }> {
  const { rows } = await db.query<{ type: string; at: Date; payload: Record<string, unknown> }>(
    `SELECT DISTINCT ON (e.type) e.type, e.at, e.payload
       FROM dossiers d JOIN dossier_events e ON e.dossier_id = d.id
      WHERE d.code = $1 AND e.type IN ('supplement.requested', 'dossier.apology')
      ORDER BY e.type, e.id DESC`,
    [code],
  );
  const s = rows.find((r) => r.type === 'supplement.requested');
  const a = rows.find((r) => r.type === 'dossier.apology');
  return {
    supplement: s ? { requestedAt: s.at, reason: String(s.payload.reason ?? ''), items: Array.isArray(s.payload.items) ? s.payload.items.map(String) : [] } : null,
    apology: a ? { issuedAt: a.at, reason: String(a.payload.reason ?? ''), previousDueAt: (a.payload.previousDueAt as string | null) ?? null, dueAt: String(a.payload.dueAt) } : null,
  };
}
