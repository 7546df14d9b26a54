import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import { withTransaction } from '../store/db.js';
import { findApiKeyByHash, insertApiKey, reinstateBootstrapKey, revokeOtherBootstrapKeys } from '../store/auth/apiKeyRows.js';
import { generateToken, tokenHash, tokenHint } from './apiTokens.js';

export interface AdminTokenOptions {
  /** ONESTOP_ADMIN_TOKEN, if set. */
  envToken?: string | null;
  /** Where a generated token is kept (DATA_DIR). */
  dataDir: string;
  log?: (line: string) => void;
  now?: () => Date;
}

export interface AdminTokenResult {
  source: 'env' | 'file' | 'generated';
  /** Where the token is, when not from the environment. */
  file: string | null;
}

export const ADMIN_TOKEN_FILE = 'admin-token';

async function readTokenFile(file: string): Promise<string | null> {
  try {
    const token = (await readFile(file, 'utf8')).trim();
    return token || null;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/**
 * Makes sure the bootstrap administrator can sign in. The token comes from
 * ONESTOP_ADMIN_TOKEN; without it one is generated once, kept in
 * `<dataDir>/admin-token` (readable by the owner only) and printed. The key is
 * stored as a hash like any other; when the token changes, the previous
 * bootstrap key is revoked, so rotating the variable rotates the key.
 */
export async function ensureAdminToken(pool: pg.Pool, options: AdminTokenOptions): Promise<AdminTokenResult> {
  const log = options.log ?? console.log;
  const now = options.now ?? (() => new Date());
  let token = options.envToken?.trim() || null;
  let result: AdminTokenResult = { source: 'env', file: null };
  if (token && token.length < 16) throw new Error('ONESTOP_ADMIN_TOKEN must be at least 16 characters long');
  if (!token) {
    const file = path.join(options.dataDir, ADMIN_TOKEN_FILE);
    token = await readTokenFile(file);
    if (token) {
      result = { source: 'file', file };
      log(`Administrator token: in ${file} (set ONESTOP_ADMIN_TOKEN to use your own)`);
    } else {
      token = generateToken();
      await mkdir(options.dataDir, { recursive: true });
      await writeFile(file, `${token}\n`, { mode: 0o600, flag: 'wx' });
      await chmod(file, 0o600);
      result = { source: 'generated', file };
      log(`Administrator token (generated, kept in ${file}): ${token}`);
    }
  }

  const hash = tokenHash(token);
  const record = () => withTransaction(pool, async (client) => {
    await revokeOtherBootstrapKeys(client, hash, now());
    const existing = await findApiKeyByHash(client, hash);
    if (!existing) {
      await insertApiKey(client, { name: 'bootstrap administrator', role: 'admin', department: null, tokenSha256: hash, tokenHint: tokenHint(token!), createdBy: null, bootstrap: true });
    } else if (existing.bootstrap) {
      await reinstateBootstrapKey(client, hash);
    } else {
      throw new Error('the administrator token is already the token of another API key: choose another ONESTOP_ADMIN_TOKEN');
    }
  });
  // Two servers starting together on one database: the second insert hits
  // the unique hash; the key now exists, so doing it again finds it.
  await record().catch((err: { code?: string }) => (err.code === '23505' ? record() : Promise.reject(err)));
  return result;
}
