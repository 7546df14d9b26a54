import type pg from 'pg';
import { claimNotices, type ClaimedNotice } from '../store/notices/claimNotices.js';
import { markNotice } from '../store/notices/markNotice.js';
import { deliveryErrorText, retryDelay, startDeliveryLoop, type DeliveryLoop } from '../delivery/deliveryLoop.js';
import { effectiveTemplates, type EffectiveTemplate } from './effectiveTemplates.js';
import { renderTemplate } from './noticeTemplates.js';
import { lookupLink } from './publicLink.js';
import type { NoticeKind } from './noticeKinds.js';
import type { NoticeChannel } from './channels/noticeChannel.js';

// Delivers the citizen notices queued by the unit of work
// (./noticeQueue.ts), after commit and never inside a dossier's transaction:
// each due notice is written out with the template in force and handed to
// the channel for its contact, retried with exponential back-off until
// maxAttempts, then marked failed. A notice whose contact has no channel
// configured is marked skipped, with the reason in the log.

export interface NoticeSenderOptions {
  pool: pg.Pool;
  channels: NoticeChannel[];
  /** Where the citizen page is reached (PUBLIC_BASE_URL). */
  publicBaseUrl: string;
  batchSize?: number;
  pollMs?: number;
  leaseMs?: number;
  /** Retry delays: baseMs × 2^(attempt−1), at most maxMs, with jitter. */
  backoff?: { baseMs: number; maxMs: number };
  /** Attempts before a notice is given up (failed). */
  maxAttempts?: number;
  log?: (line: string) => void;
}

export type NoticeSender = DeliveryLoop;

async function deliverOne(o: NoticeSenderOptions, n: ClaimedNotice, template: EffectiveTemplate): Promise<void> {
  const channel = o.channels.find((c) => c.contact === n.channel);
  if (!channel) {
    await markNotice(o.pool, n.id, { status: 'skipped', reason: `no channel is configured for ${n.channel === 'email' ? 'e-mail (SMTP_URL)' : 'phone messages (NOTICE_GATEWAY_URL)'}` });
    return;
  }
  const { subject, body } = renderTemplate(template, { ...n.params, duong_dan_tra_cuu: lookupLink(o.publicBaseUrl, n.dossierCode) });
  try {
    await channel.send({ id: n.id, dossierCode: n.dossierCode, kind: n.kind, recipient: n.recipient, subject, body });
    await markNotice(o.pool, n.id, { status: 'sent', via: channel.name, subject, body });
  } catch (err) {
    const last = n.attempts >= (o.maxAttempts ?? 8);
    const retryInMs = last ? null : retryDelay(n.attempts, o.backoff ?? { baseMs: 5_000, maxMs: 3_600_000 });
    await markNotice(o.pool, n.id, { status: 'error', via: channel.name, error: deliveryErrorText(err), retryInMs, subject, body });
  }
}

/** One round: claims the due notices and tries each once; answers how many were claimed. */
export async function deliverNotices(o: NoticeSenderOptions): Promise<number> {
  const items = await claimNotices(o.pool, o.batchSize ?? 50, o.leaseMs ?? 60_000);
  if (!items.length) return 0;
  const templates: Record<NoticeKind, EffectiveTemplate> = await effectiveTemplates(o.pool);
  await Promise.all(items.map((n) => deliverOne(o, n, templates[n.kind])));
  return items.length;
}

export function startNoticeSender(o: NoticeSenderOptions): NoticeSender {
  return startDeliveryLoop(() => deliverNotices(o), {
    pollMs: o.pollMs ?? 2_000,
    label: 'citizen notices',
    log: o.log,
    onStop: () => {
      for (const c of o.channels) c.close?.();
    },
  });
}
