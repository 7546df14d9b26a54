import { createHash, randomBytes } from 'node:crypto';

/** A new API key token: 32 random bytes, prefixed so it is recognisable in a config file or a leak scanner. */
export function generateToken(): string {
  return `osk_${randomBytes(32).toString('base64url')}`;
}

/** Only this is stored. A token has 256 bits of entropy, so a plain (unsalted) SHA-256 is enough. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The last characters, shown to administrators to tell keys apart. */
export function tokenHint(token: string): string {
  return `…${token.slice(-4)}`;
}
