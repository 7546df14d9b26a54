import { randomBytes } from 'node:crypto';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import { withTransaction } from '../store/db.js';
import { countPeople } from '../store/people/countPeople.js';
import { insertPerson } from '../store/people/insertPerson.js';
import { replaceMemberships } from '../store/people/memberships.js';
import { hashPassword } from '../people/passwordPolicy.js';
import { audit } from '../people/audit.js';

export const ADMIN_PASSWORD_FILE = 'admin-password';
export const ADMIN_USERNAME = 'admin';

export interface AdminPersonResult {
  /** The generated password, on the start that created the administrator only. */
  password: string | null;
  file: string | null;
}

/**
 * On a fresh install (nobody in the registry) the first administrator is
 * created: username `admin`, a generated password printed once and kept in
 * `<dataDir>/admin-password` (owner only), to be changed at the first sign-in.
 * Once anyone exists, nothing is done.
 */
export async function ensureAdminPerson(pool: pg.Pool, options: { dataDir: string; log?: (line: string) => void; now?: () => Date }): Promise<AdminPersonResult> {
  const log = options.log ?? console.log;
  if ((await countPeople(pool)) > 0) return { password: null, file: null };
  const password = randomBytes(12).toString('base64url');
  const passwordHash = await hashPassword(password);
  const created = await withTransaction(pool, async (db) => {
    // Two servers starting together: one creates, the other finds the username taken.
    const at = options.now?.() ?? new Date();
    const person = await insertPerson(db, { username: ADMIN_USERNAME, fullName: 'Administrator', passwordHash, mustChangePassword: true, createdBy: 'start-up', at, bootstrap: true });
    if (!person) return false;
    await replaceMemberships(db, person.id, [{ role: 'admin', department: null }]);
    await audit(db, at, { kind: 'system', name: 'start-up' }, 'person.created', person.username, { bootstrap: true });
    return true;
  });
  if (!created) return { password: null, file: null };
  const file = path.join(options.dataDir, ADMIN_PASSWORD_FILE);
  await mkdir(options.dataDir, { recursive: true });
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  log(`First administrator: sign in as "${ADMIN_USERNAME}" with the password ${password} (kept in ${file}); you will be asked to change it`);
  return { password, file };
}
