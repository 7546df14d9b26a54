import type { NoticeContact, NoticeKind } from '../noticeKinds.js';

/** One notice, written out, for one recipient. */
export interface OutgoingNotice {
  /** Stable across retries: a gateway may deduplicate on it. */
  id: number;
  dossierCode: string;
  kind: NoticeKind;
  recipient: string;
  subject: string;
  body: string;
}

/**
 * A way to reach the citizen. The e-mail channel (SMTP) and the generic
 * HTTP gateway (SMS, Zalo) are built in; a province with another gateway
 * implements this and passes it to the sender. `send` resolves once the
 * channel accepted the notice and throws anything worth retrying.
 */
export interface NoticeChannel {
  /** Shown in the delivery log ("email", "sms-gateway"…). */
  readonly name: string;
  /** Which of the applicant's contacts it uses. */
  readonly contact: NoticeContact;
  send(notice: OutgoingNotice): Promise<void>;
  close?(): void;
}
