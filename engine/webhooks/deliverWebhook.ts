import type pg from 'pg';
import type { Agenda, Job } from 'agenda';
import { cancelDelivery, getDeliveryForSending, recordAttempt } from '../store/webhooks/webhookRows.js';
import { signatureHeaders } from './signBody.js';
import { assertDestinationAllowed, DestinationRefused } from './destinationPolicy.js';
import { WEBHOOK_JOB, type WebhookJobData } from './webhookNotifier.js';

export interface WebhookRetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** Wait before the second attempt; each later wait is `factor` times longer. */
  firstDelayMs: number;
  factor: number;
}

/** 5 attempts: now, then after 10 s, 30 s, 90 s and 270 s. */
export const DEFAULT_RETRY: WebhookRetryPolicy = { attempts: 5, firstDelayMs: 10_000, factor: 3 };

export function retryDelayMs(policy: WebhookRetryPolicy, failedAttempts: number): number {
  return Math.round(policy.firstDelayMs * policy.factor ** Math.max(0, failedAttempts - 1));
}

export interface WebhookJobDeps {
  pool: pg.Pool;
  retry?: WebhookRetryPolicy;
  /** Per attempt: a receiver that hangs is a failed attempt. */
  timeoutMs?: number;
  now?: () => Date;
  log?: (line: string) => void;
}

class DeliveryFailed extends Error {}

/**
 * One attempt of one delivery. Returns normally when nothing more is to be
 * done (delivered, given up, cancelled); throws when Agenda should retry, so
 * the retry time is saved with the job itself and survives a restart.
 */
export async function attemptDelivery(deliveryId: number, deps: WebhookJobDeps): Promise<void> {
  const policy = deps.retry ?? DEFAULT_RETRY;
  const now = deps.now ?? (() => new Date());
  const delivery = await getDeliveryForSending(deps.pool, deliveryId);
  // Already done by an earlier run of the job (a lock that expired mid-call).
  if (!delivery || delivery.status === 'delivered' || delivery.status === 'failed' || delivery.status === 'cancelled') return;
  if (!delivery.targetUrl || !delivery.secret) {
    await cancelDelivery(deps.pool, deliveryId, 'the department no longer has a webhook');
    return;
  }

  let statusCode: number | null = null;
  let error: string | null = null;
  try {
    // Again at each attempt: the name may resolve elsewhere since registration.
    await assertDestinationAllowed(delivery.targetUrl);
  } catch (err) {
    if (!(err instanceof DestinationRefused)) throw err;
    await recordAttempt(deps.pool, deliveryId, { status: 'failed', url: delivery.targetUrl, statusCode: null, error: `refused: ${err.message}`, at: now(), nextAttemptAt: null });
    return;
  }
  try {
    const response = await fetch(delivery.targetUrl, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'onestop-webhooks',
        ...signatureHeaders(`msg_${delivery.id}`, delivery.body, delivery.secret, now()),
        'X-Onestop-Event': delivery.event,
        'X-Onestop-Delivery': String(delivery.id),
      },
      body: delivery.body,
      // A redirect would send the signed body somewhere the administrator did not configure.
      redirect: 'manual',
      signal: AbortSignal.timeout(deps.timeoutMs ?? 10_000),
    });
    statusCode = response.status;
    await response.body?.cancel().catch(() => {});
    if (response.status < 200 || response.status >= 300) error = `the receiver answered HTTP ${response.status}`;
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string } };
    error = e.name === 'TimeoutError' ? `no answer within ${deps.timeoutMs ?? 10_000} ms` : `${e.message}${e.cause?.code ? ` (${e.cause.code})` : e.cause?.message ? ` (${e.cause.message})` : ''}`;
  }

  const at = now();
  const attempts = delivery.attempts + 1;
  if (!error) {
    await recordAttempt(deps.pool, deliveryId, { status: 'delivered', url: delivery.targetUrl, statusCode, error: null, at, nextAttemptAt: null });
    return;
  }
  if (attempts >= policy.attempts) {
    await recordAttempt(deps.pool, deliveryId, { status: 'failed', url: delivery.targetUrl, statusCode, error, at, nextAttemptAt: null });
    deps.log?.(`webhook delivery ${deliveryId} to ${delivery.department} failed after ${attempts} attempts: ${error}`);
    return;
  }
  const nextAttemptAt = new Date(at.getTime() + retryDelayMs(policy, attempts));
  await recordAttempt(deps.pool, deliveryId, { status: 'retrying', url: delivery.targetUrl, statusCode, error, at, nextAttemptAt });
  throw new DeliveryFailed(error);
}

/** Defines the delivery job on the shared Agenda; call before agenda.start(). */
export function registerWebhookJobs(agenda: Agenda, deps: WebhookJobDeps): void {
  const policy = deps.retry ?? DEFAULT_RETRY;
  agenda.define<WebhookJobData>(
    WEBHOOK_JOB,
    async (job: Job<WebhookJobData>) => attemptDelivery(job.attrs.data.deliveryId, deps),
    {
      // Agenda counts failures of this job; the delivery row has the authoritative count.
      backoff: (ctx) => retryDelayMs(policy, ctx.attempt),
      removeOnComplete: true,
      concurrency: 10,
      // Longer than one attempt can take. Agenda's liveness check sleeps half
      // of it and is not cancelled by stop(), so a long one delays shutdown.
      lockLifetime: 2 * (deps.timeoutMs ?? 10_000) + 5_000,
    },
  );
}
