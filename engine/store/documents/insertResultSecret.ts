import type { Queryable } from '../db.js';

export async function insertResultSecret(db: Queryable, dossierId: number, secretSha256: string, at: Date): Promise<void> {
  await db.query(`INSERT INTO dossier_result_secrets (dossier_id, secret_sha256, created_at) VALUES ($1, $2, $3) ON CONFLICT (dossier_id) DO NOTHING`, [dossierId, secretSha256, at]);
}
