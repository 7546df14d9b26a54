import type { Queryable } from '../db.js';

export const API_ROLES = ['admin', 'analyst', 'desk', 'officer', 'supervisor'] as const;
export type ApiRole = (typeof API_ROLES)[number];

export interface ApiKeyRow {
  id: string;
  name: string;
  role: ApiRole;
  department: string | null;
  tokenHint: string;
  bootstrap: boolean;
  createdAt: Date;
  createdBy: string | null;
  revokedAt: Date | null;
  revokedBy: string | null;
  lastUsedAt: Date | null;
}

const COLUMNS = `id, name, role, department, token_hint AS "tokenHint", bootstrap, created_at AS "createdAt",
  created_by AS "createdBy", revoked_at AS "revokedAt", revoked_by AS "revokedBy", last_used_at AS "lastUsedAt"`;

export interface NewApiKey {
  name: string;
  role: ApiRole;
  department: string | null;
  tokenSha256: string;
  tokenHint: string;
  createdBy: string | null;
  bootstrap?: boolean;
}

export async function insertApiKey(db: Queryable, k: NewApiKey): Promise<ApiKeyRow> {
  const { rows } = await db.query<ApiKeyRow>(
    `INSERT INTO api_keys (name, role, department, token_sha256, token_hint, created_by, bootstrap)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
    [k.name, k.role, k.department, k.tokenSha256, k.tokenHint, k.createdBy, k.bootstrap ?? false],
  );
  return rows[0];
}

/** The key a token hash belongs to, revoked or not: a revoked key is refused with its own reason. */
export async function findApiKeyByHash(db: Queryable, tokenSha256: string): Promise<ApiKeyRow | null> {
  const { rows } = await db.query<ApiKeyRow>(`SELECT ${COLUMNS} FROM api_keys WHERE token_sha256 = $1`, [tokenSha256]);
  return rows[0] ?? null;
}

export async function getApiKey(db: Queryable, id: string): Promise<ApiKeyRow | null> {
  const { rows } = await db.query<ApiKeyRow>(`SELECT ${COLUMNS} FROM api_keys WHERE id = $1`, [id]);
  return rows[0] ?? null;
}

export async function listApiKeys(db: Queryable, opts: { includeRevoked: boolean }): Promise<ApiKeyRow[]> {
  const { rows } = await db.query<ApiKeyRow>(
    `SELECT ${COLUMNS} FROM api_keys WHERE $1 OR revoked_at IS NULL ORDER BY created_at, id`,
    [opts.includeRevoked],
  );
  return rows;
}

/** Revokes once: the first revocation's time and author are kept. */
export async function revokeApiKey(db: Queryable, id: string, at: Date, by: string): Promise<ApiKeyRow | null> {
  const { rows } = await db.query<ApiKeyRow>(
    `UPDATE api_keys SET revoked_at = COALESCE(revoked_at, $2), revoked_by = COALESCE(revoked_by, $3)
     WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, at, by],
  );
  return rows[0] ?? null;
}

/** Revokes the bootstrap keys whose token is no longer the configured one. */
export async function revokeOtherBootstrapKeys(db: Queryable, keepSha256: string, at: Date): Promise<number> {
  const { rowCount } = await db.query(
    `UPDATE api_keys SET revoked_at = $2, revoked_by = 'bootstrap token changed'
     WHERE bootstrap AND revoked_at IS NULL AND token_sha256 <> $1`,
    [keepSha256, at],
  );
  return rowCount ?? 0;
}

/** Makes the bootstrap key of this token usable again if it had been revoked by a token change. */
export async function reinstateBootstrapKey(db: Queryable, tokenSha256: string): Promise<void> {
  await db.query(
    `UPDATE api_keys SET revoked_at = NULL, revoked_by = NULL WHERE bootstrap AND token_sha256 = $1`,
    [tokenSha256],
  );
}
