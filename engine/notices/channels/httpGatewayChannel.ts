import type { NoticeChannel } from './noticeChannel.js';

export interface HttpGatewaySettings {
  /** The gateway's endpoint (NOTICE_GATEWAY_URL). */
  url: string;
  /** Bearer token (NOTICE_GATEWAY_TOKEN). */
  token?: string | null;
  /** Shown in the delivery log (NOTICE_GATEWAY_NAME, default "sms-gateway"; e.g. "zalo-zns"). */
  name?: string;
  timeoutMs?: number;
}

/**
 * Text notices to the applicant's phone through an HTTP gateway (an SMS
 * provider, Zalo ZNS behind the province's adapter): one JSON POST per
 * notice, `{id, to, text, dossierCode, kind}`, with an Idempotency-Key that
 * stays the same on every retry. Any 2xx is accepted.
 */
export function httpGatewayChannel(settings: HttpGatewaySettings): NoticeChannel {
  return {
    name: settings.name ?? 'sms-gateway',
    contact: 'phone',
    async send(n) {
      const response = await fetch(settings.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'Idempotency-Key': `onestop-notice-${n.id}`,
          ...(settings.token ? { Authorization: `Bearer ${settings.token}` } : {}),
        },
        body: JSON.stringify({ id: n.id, to: n.recipient, text: `${n.subject}\n${n.body}`, dossierCode: n.dossierCode, kind: n.kind }),
        signal: AbortSignal.timeout(settings.timeoutMs ?? 10_000),
      });
      if (!response.ok) throw new Error(`the gateway answered ${response.status} ${(await response.text().catch(() => '')).slice(0, 200)}`.trim());
      await response.body?.cancel().catch(() => {});
    },
  };
}
