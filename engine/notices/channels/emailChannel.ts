import nodemailer from 'nodemailer';
import type { NoticeChannel } from './noticeChannel.js';

export interface EmailSettings {
  /** smtp://user:pass@host:587 or smtps://… (SMTP_URL). */
  url: string;
  /** The sender address (SMTP_FROM). */
  from: string;
}

/** Notices by e-mail through an SMTP server (nodemailer), as plain UTF-8 text. */
export function emailChannel(settings: EmailSettings): NoticeChannel {
  const transport = nodemailer.createTransport(settings.url);
  return {
    name: 'email',
    contact: 'email',
    async send(n) {
      await transport.sendMail({
        from: settings.from,
        to: n.recipient,
        subject: n.subject,
        text: n.body,
        headers: { 'X-Onestop-Dossier': n.dossierCode, 'X-Onestop-Notice': String(n.id) },
      });
    },
    close: () => transport.close(),
  };
}
