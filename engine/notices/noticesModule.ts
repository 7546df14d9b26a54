import type { EngineContext } from '../engineContext.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { deleteNoticeTemplate, upsertNoticeTemplate } from '../store/notices/noticeTemplateRows.js';
import { noticeDeliveries, type NoticeDeliveryFilter } from '../store/notices/noticeDeliveries.js';
import { effectiveTemplates, type EffectiveTemplate } from './effectiveTemplates.js';
import { isNoticeKind, NOTICE_KINDS, type NoticeKind } from './noticeKinds.js';
import { templateErrors, type NoticeTemplate } from './noticeTemplates.js';
import { maskRecipient } from './maskRecipient.js';

function kindOf(kind: string): NoticeKind {
  if (!isNoticeKind(kind)) throw new NotFoundError(`notice ${kind} does not exist: the notices are ${NOTICE_KINDS.join(', ')}`);
  return kind;
}

/** The administrator's side of the citizen notices: the templates and the delivery log. */
export function noticesModule(ctx: EngineContext) {
  const db = ctx.pool;
  return {
    /** Every kind's wording in force, in the order a dossier meets them. */
    templates: async (): Promise<EffectiveTemplate[]> => {
      const all = await effectiveTemplates(db);
      return NOTICE_KINDS.map((k) => all[k]);
    },

    /** Replaces a kind's wording; a placeholder the kind does not know is refused (422). */
    saveTemplate: async (kind: string, t: NoticeTemplate, actor: string | null): Promise<EffectiveTemplate> => {
      const k = kindOf(kind);
      const errors = templateErrors(k, t);
      if (errors.length) throw new ValidationError(`the template is refused: ${errors.map((e) => `${e.path.slice(1)} ${e.message}`).join('; ')}`, errors);
      await upsertNoticeTemplate(db, { kind: k, subject: t.subject.trim(), body: t.body, updatedAt: ctx.time.now(), updatedBy: actor });
      return (await effectiveTemplates(db))[k];
    },

    /** Back to the default wording. */
    resetTemplate: async (kind: string): Promise<EffectiveTemplate> => {
      const k = kindOf(kind);
      await deleteNoticeTemplate(db, k);
      return (await effectiveTemplates(db))[k];
    },

    /** The delivery log, newest first, recipients masked. */
    deliveries: async (f: NoticeDeliveryFilter) => {
      const page = await noticeDeliveries(db, f);
      return { ...page, items: page.items.map((d) => ({ ...d, recipient: maskRecipient(d.recipient) })) };
    },
  };
}

export type NoticesModule = ReturnType<typeof noticesModule>;
