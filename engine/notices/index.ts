// Notices to the citizen: queued with the change that causes them, sent
// after commit by e-mail or a phone gateway, worded from editable templates.
export { NOTICE_KINDS, NOTICE_PLACEHOLDERS, type NoticeKind, type NoticeStatus, type NoticeContact } from './noticeKinds.js';
export { noticesModule, type NoticesModule } from './noticesModule.js';
export { deliverNotices, startNoticeSender, type NoticeSender, type NoticeSenderOptions } from './noticeSender.js';
export { noticeSenderFromEnv, channelsFromEnv } from './noticeSenderFromEnv.js';
export { emailChannel } from './channels/emailChannel.js';
export { httpGatewayChannel } from './channels/httpGatewayChannel.js';
export type { NoticeChannel, OutgoingNotice } from './channels/noticeChannel.js';
export { publicBaseUrl, lookupLink } from './publicLink.js';
