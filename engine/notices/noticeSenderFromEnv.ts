import type pg from 'pg';
import { emailChannel } from './channels/emailChannel.js';
import { httpGatewayChannel } from './channels/httpGatewayChannel.js';
import type { NoticeChannel } from './channels/noticeChannel.js';
import { startNoticeSender, type NoticeSender } from './noticeSender.js';
import { publicBaseUrl } from './publicLink.js';

/** The channels the environment configures: SMTP_URL (+ SMTP_FROM) for e-mail, NOTICE_GATEWAY_URL (+ _TOKEN, _NAME) for phones. */
export function channelsFromEnv(env: NodeJS.ProcessEnv): NoticeChannel[] {
  const channels: NoticeChannel[] = [];
  const smtp = env.SMTP_URL?.trim();
  if (smtp) channels.push(emailChannel({ url: smtp, from: env.SMTP_FROM?.trim() || 'Bộ phận Một cửa <no-reply@localhost>' }));
  const gateway = env.NOTICE_GATEWAY_URL?.trim();
  if (gateway) channels.push(httpGatewayChannel({ url: gateway, token: env.NOTICE_GATEWAY_TOKEN || null, name: env.NOTICE_GATEWAY_NAME?.trim() || undefined }));
  return channels;
}

/**
 * The sender of the citizen notices. It always runs: without a channel the
 * queued notices are marked skipped (with why) rather than left pending.
 */
export function noticeSenderFromEnv(env: NodeJS.ProcessEnv, pool: pg.Pool, log: (line: string) => void): NoticeSender {
  const channels = channelsFromEnv(env);
  log(`Citizen notices: ${channels.length ? channels.map((c) => c.name).join(', ') : 'no channel configured (SMTP_URL, NOTICE_GATEWAY_URL)'}`);
  return startNoticeSender({ pool, channels, publicBaseUrl: publicBaseUrl(env), log });
}
