import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 12 characters a citizen can copy from a receipt (no 0/O, 1/l/I). */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function newResultSecret(): string {
  const bytes = randomBytes(12);
  let out = '';
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return `${out.slice(0, 4)}-${out.slice(4, 8)}-${out.slice(8)}`;
}

/** Stored instead of the secret; dashes and case do not matter when typed back. */
export function hashResultSecret(secret: string): string {
  return createHash('sha256').update(secret.replace(/[^A-Za-z0-9]/g, '').toUpperCase()).digest('hex');
}

export function resultSecretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashResultSecret(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
