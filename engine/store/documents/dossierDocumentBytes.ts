import type { Queryable } from '../db.js';

/** What the dossier's documents weigh together (every version), for the per-dossier limit. */
export async function dossierDocumentBytes(db: Queryable, dossierId: number): Promise<number> {
  const { rows } = await db.query<{ bytes: number }>(`SELECT coalesce(sum(size), 0)::bigint AS bytes FROM dossier_documents WHERE dossier_id = $1`, [dossierId]);
  return Number(rows[0].bytes);
}
