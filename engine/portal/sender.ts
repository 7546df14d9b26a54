import type pg from 'pg';
import { deliveryErrorText, retryDelay, startDeliveryLoop, type DeliveryLoop } from '../delivery/deliveryLoop.js';
import { claimOutbox, markDelivered, markFailed, type OutboxItem } from '../store/portal/portalOutbox.js';

// Delivers the portal outbox (engine/portal/portalOutbox.ts) to the national
// portal's endpoint: the records of a dossier in the order they were written,
// each retried with exponential back-off until the portal accepts it. A
// sender that stops (or dies) mid-flight loses nothing: a claimed record is
// due again when its lease ends, and the portal sees it again with the same
// Idempotency-Key.

export interface PortalSenderOptions {
  pool: pg.Pool;
  /** The endpoint records are POSTed to (PORTAL_SYNC_URL). */
  url: string;
  /** Bearer token of the endpoint (PORTAL_SYNC_TOKEN). */
  token?: string | null;
  /** Records claimed per round (each the head of its dossier's queue). */
  batchSize?: number;
  /** Pause between rounds when nothing was due. */
  pollMs?: number;
  /** How long a claimed record is left to one sender before it is due again. */
  leaseMs?: number;
  /** Retry delays: baseMs × 2^(attempt−1), at most maxMs, with jitter. */
  backoff?: { baseMs: number; maxMs: number };
  /** Time limit of one HTTP attempt. */
  timeoutMs?: number;
  log?: (line: string) => void;
}

export type PortalSender = DeliveryLoop;

/** One delivery attempt: 2xx is accepted; anything else is an error to retry. */
async function send(o: PortalSenderOptions, item: OutboxItem): Promise<void> {
  const response = await fetch(o.url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'Idempotency-Key': `onestop-${item.id}`,
      ...(o.token ? { Authorization: `Bearer ${o.token}` } : {}),
    },
    body: JSON.stringify({ id: item.id, dossierCode: item.dossierCode, record: item.record }),
    signal: AbortSignal.timeout(o.timeoutMs ?? 10_000),
  });
  if (!response.ok) throw new Error(`the portal answered ${response.status} ${(await response.text().catch(() => '')).slice(0, 200)}`.trim());
  await response.body?.cancel().catch(() => {});
}

/** One round: claims the due heads and tries each once; answers how many were claimed. */
export async function deliverRound(o: PortalSenderOptions): Promise<number> {
  const backoff = o.backoff ?? { baseMs: 1_000, maxMs: 300_000 };
  const items = await claimOutbox(o.pool, o.batchSize ?? 50, o.leaseMs ?? 60_000);
  // Heads of different dossiers: independent of each other.
  await Promise.all(
    items.map(async (item) => {
      try {
        await send(o, item);
        await markDelivered(o.pool, item.id);
      } catch (err) {
        await markFailed(o.pool, item.id, deliveryErrorText(err), retryDelay(item.attempts, backoff));
      }
    }),
  );
  return items.length;
}

export function startPortalSender(o: PortalSenderOptions): PortalSender {
  return startDeliveryLoop(() => deliverRound(o), { pollMs: o.pollMs ?? 1_000, label: 'portal sender', log: o.log });
}

/** The sender configured by PORTAL_SYNC_URL and PORTAL_SYNC_TOKEN; null when no endpoint is set. */
export function portalSenderFromEnv(env: NodeJS.ProcessEnv, pool: pg.Pool, log: (line: string) => void): PortalSender | null {
  const url = env.PORTAL_SYNC_URL?.trim();
  if (!url) return null;
  log(`Portal synchronisation: delivering to ${url.replace(/\/\/[^@/]*@/, '//***@')}`);
  return startPortalSender({ pool, url, token: env.PORTAL_SYNC_TOKEN || null, log });
}
