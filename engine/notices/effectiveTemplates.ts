import type { Queryable } from '../store/db.js';
import { listNoticeTemplates } from '../store/notices/noticeTemplateRows.js';
import { NOTICE_KINDS, NOTICE_PLACEHOLDERS, type NoticeKind } from './noticeKinds.js';
import { DEFAULT_TEMPLATES, type NoticeTemplate } from './noticeTemplates.js';

export interface EffectiveTemplate extends NoticeTemplate {
  kind: NoticeKind;
  placeholders: readonly string[];
  /** True while the administrator has not changed it. */
  isDefault: boolean;
  updatedAt: Date | null;
  updatedBy: string | null;
}

/** Each kind's wording in force: the administrator's, else the default. */
export async function effectiveTemplates(db: Queryable): Promise<Record<NoticeKind, EffectiveTemplate>> {
  const stored = new Map((await listNoticeTemplates(db)).map((r) => [r.kind, r]));
  return Object.fromEntries(NOTICE_KINDS.map((kind) => {
    const row = stored.get(kind);
    const t = row ?? DEFAULT_TEMPLATES[kind];
    return [kind, { kind, subject: t.subject, body: t.body, placeholders: NOTICE_PLACEHOLDERS[kind], isDefault: !row, updatedAt: row?.updatedAt ?? null, updatedBy: row?.updatedBy ?? null }];
  })) as Record<NoticeKind, EffectiveTemplate>;
}
