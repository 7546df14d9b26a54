import type { Queryable } from '../db.js';

/** The dossier (id, status) and the hash of its e-result secret, by dossier code. */
export async function resultSecretOf(db: Queryable, code: string): Promise<{ dossierId: number; status: string; secretSha256: string | null } | null> {
  const { rows } = await db.query(
    `SELECT d.id AS "dossierId", d.status, s.secret_sha256 AS "secretSha256" FROM dossiers d LEFT JOIN dossier_result_secrets s ON s.dossier_id = d.id WHERE d.code = $1`,
    [code],
  );
  return rows[0] ?? null;
}
