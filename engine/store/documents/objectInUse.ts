import type { Queryable } from '../db.js';

/** Whether any document row names this object (same bytes attached elsewhere). */
export async function objectInUse(db: Queryable, sha256: string): Promise<boolean> {
  const { rows } = await db.query(`SELECT 1 FROM dossier_documents WHERE sha256 = $1 LIMIT 1`, [sha256]);
  return rows.length > 0;
}
