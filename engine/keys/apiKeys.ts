import type { Queryable } from '../store/db.js';
import { findApiKeyByHash, insertApiKey, revokeApiKey, type ApiKeyRow, type ApiRole } from '../store/auth/apiKeyRows.js';
import { generateToken, tokenHash, tokenHint } from './apiTokens.js';

export interface NewKeyInput {
  name: string;
  role: ApiRole;
  department: string | null;
  createdBy: string;
}

/** A new key: the token is returned once, only its SHA-256 is stored. */
export async function createApiKey(db: Queryable, input: NewKeyInput): Promise<{ key: ApiKeyRow; token: string }> {
  const token = generateToken();
  const key = await insertApiKey(db, { ...input, tokenSha256: tokenHash(token), tokenHint: tokenHint(token) });
  return { key, token };
}

/** The key a bearer token stands for (revoked keys included: the caller says why it is refused). */
export function keyOfToken(db: Queryable, token: string): Promise<ApiKeyRow | null> {
  return findApiKeyByHash(db, tokenHash(token));
}

export function revokeKey(db: Queryable, id: string, at: Date, by: string): Promise<ApiKeyRow | null> {
  return revokeApiKey(db, id, at, by);
}
