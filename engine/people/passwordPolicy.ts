import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

export const MIN_PASSWORD_LENGTH = 10;

// 49,000 passwords seen in leaks (zxcvbn-ts's maintained list), lower case.
let common: Set<string> | null = null;
const commonPasswords = () => (common ??= new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase())));

/** Why a password is refused, or null. Pure apart from the list above. */
export function passwordProblem(password: string, username: string): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `a password has at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > 256) return 'a password has at most 256 characters';
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) return 'this password is one of the most common ones: choose another';
  if (lower.includes(username.toLowerCase())) return 'a password must not contain the username';
  return null;
}

/** argon2id, the library's default algorithm, with its defaults (19 MiB, 2 passes: OWASP's minimum). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function passwordMatches(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) {
    // Same work as a real check, so timing does not tell which usernames exist.
    await hash(password);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}
