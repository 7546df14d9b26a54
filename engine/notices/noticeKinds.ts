// The notices a citizen receives about their dossier, and the values each
// one's template may use. Pure: the admin page and the server check a
// template against the same list.

export const NOTICE_KINDS = ['received', 'supplement_requested', 'apology', 'result_ready', 'returned'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export function isNoticeKind(x: unknown): x is NoticeKind {
  return typeof x === 'string' && (NOTICE_KINDS as readonly string[]).includes(x);
}

/** Every notice knows its dossier, procedure and the lookup link. */
const COMMON = ['code', 'procedure', 'link'] as const;

/** The placeholders ({name}) each kind's template may use. */
export const NOTICE_PLACEHOLDERS: Readonly<Record<NoticeKind, readonly string[]>> = {
  received: [...COMMON, 'receivedAt', 'dueAt'],
  supplement_requested: [...COMMON, 'requestedAt', 'reason', 'items', 'place'],
  apology: [...COMMON, 'reason', 'previousDueAt', 'newDueAt'],
  result_ready: [...COMMON, 'resolvedAt', 'place'],
  returned: [...COMMON, 'returnedAt', 'returnChannel'],
};

/** How a notice goes: by e-mail, or as a text to the applicant's phone (an SMS or Zalo gateway). */
export type NoticeContact = 'email' | 'phone';

/** Where a notice stands in the delivery log. */
export type NoticeStatus = 'pending' | 'sent' | 'failed' | 'skipped';
