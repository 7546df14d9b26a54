import { createHmac, timingSafeEqual } from 'node:crypto';

// Standard Webhooks (standardwebhooks.com): the signature covers the message
// id and the time as well as the body, so a receiver using any stock library
// rejects a delivery replayed later or re-labelled.

export const ID_HEADER = 'webhook-id';
export const TIMESTAMP_HEADER = 'webhook-timestamp';
export const SIGNATURE_HEADER = 'webhook-signature';

/** A `whsec_<base64>` secret is its decoded bytes (the convention); any other string its UTF-8 bytes. */
export function secretKey(secret: string): Buffer {
  return secret.startsWith('whsec_') ? Buffer.from(secret.slice('whsec_'.length), 'base64') : Buffer.from(secret, 'utf8');
}

/** `v1,<base64 HMAC-SHA256 of "id.timestamp.body">`. */
export function sign(id: string, timestamp: number, body: string, secret: string): string {
  return `v1,${createHmac('sha256', secretKey(secret)).update(`${id}.${timestamp}.${body}`, 'utf8').digest('base64')}`;
}

/** The three headers of one attempt; the id stays the same across retries of one delivery. */
export function signatureHeaders(id: string, body: string, secret: string, now: Date): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  return { [ID_HEADER]: id, [TIMESTAMP_HEADER]: String(timestamp), [SIGNATURE_HEADER]: sign(id, timestamp, body, secret) };
}

/** What a receiver does: recompute, compare in constant time, and refuse a timestamp outside the tolerance. */
export function verifySignature(
  body: string,
  secret: string,
  headers: Record<string, string | string[] | undefined>,
  options: { now?: Date; toleranceSeconds?: number } = {},
): boolean {
  const id = headers[ID_HEADER];
  const timestamp = Number(headers[TIMESTAMP_HEADER]);
  const given = headers[SIGNATURE_HEADER];
  if (typeof id !== 'string' || typeof given !== 'string' || !Number.isInteger(timestamp)) return false;
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(sign(id, timestamp, body, secret));
  return given.split(' ').some((candidate) => {
    const b = Buffer.from(candidate);
    return b.length === expected.length && timingSafeEqual(b, expected);
  });
}
