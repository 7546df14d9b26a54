import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// Webhook secrets must be usable (every delivery is signed with them), so they
// cannot be hashed; they are encrypted at rest with AES-256-GCM under a key
// kept outside the database: WEBHOOK_SECRET_KEY (32 bytes, base64) or else
// DATA_DIR/webhook-secret.key, created 0600 on first use. A copy of the
// database alone no longer gives away the departments' secrets.

const PREFIX = 'enc:v1:';
let cachedKey: Buffer | null = null;

function key(env: NodeJS.ProcessEnv = process.env): Buffer {
  if (cachedKey) return cachedKey;
  if (env.WEBHOOK_SECRET_KEY) {
    const k = Buffer.from(env.WEBHOOK_SECRET_KEY, 'base64');
    if (k.length !== 32) throw new Error('WEBHOOK_SECRET_KEY must be 32 bytes in base64');
    return (cachedKey = k);
  }
  const file = path.join(path.resolve(env.DATA_DIR ?? '.data'), 'webhook-secret.key');
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
  }
  return (cachedKey = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64'));
}

export function sealSecret(secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(), iv);
  const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return `${PREFIX}${iv.toString('base64')}:${cipher.getAuthTag().toString('base64')}:${sealed.toString('base64')}`;
}

/** A secret stored before encryption (no prefix) is returned as it is. */
export function openSecret(stored: string): string {
  if (!stored.startsWith(PREFIX)) return stored;
  const [iv, tag, sealed] = stored.slice(PREFIX.length).split(':').map((part) => Buffer.from(part, 'base64'));
  const decipher = createDecipheriv('aes-256-gcm', key(), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(sealed), decipher.final()]).toString('utf8');
}
