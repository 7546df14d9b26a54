import type { JsonSchema } from '../http/route.js';
import { NOTICE_KINDS } from '../../engine/index.js';
import { closed, dateTime, nullableDateTime, ref } from './schemas.js';

// The citizen notices an administrator words and watches: the templates of
// the five notices and the delivery log.

export const NOTICE_KIND: JsonSchema = { type: 'string', enum: [...NOTICE_KINDS], description: 'received, supplement_requested, apology, result_ready, returned' };
const NOTICE_STATUS: JsonSchema = { type: 'string', enum: ['pending', 'sent', 'failed', 'skipped'] };

export const NOTICE_SCHEMAS: Record<string, JsonSchema> = {
  NoticeTemplate: closed({
    kind: NOTICE_KIND,
    subject: { type: 'string' },
    body: { type: 'string' },
    placeholders: { type: 'array', items: { type: 'string' }, description: 'The {names} this notice’s template may use.' },
    isDefault: { type: 'boolean', description: 'True while the administrator has not changed it.' },
    updatedAt: nullableDateTime,
    updatedBy: { type: ['string', 'null'] },
  }),
  NoticeTemplateList: closed({ items: { type: 'array', items: ref('NoticeTemplate') } }),
  NoticeTemplateInput: closed({
    subject: { type: 'string', minLength: 1, maxLength: 300 },
    body: { type: 'string', minLength: 1, maxLength: 5000 },
  }),
  NoticeDelivery: closed({
    id: { type: 'integer' },
    dossierCode: { type: 'string' },
    kind: NOTICE_KIND,
    channel: { type: 'string', enum: ['email', 'phone'], description: 'Which contact of the applicant it goes to.' },
    via: { type: ['string', 'null'], description: 'The channel that took it (email, sms-gateway…).' },
    recipient: { type: 'string', description: 'Masked: m***@example.vn, 091****678.' },
    status: NOTICE_STATUS,
    attempts: { type: 'integer' },
    lastError: { type: ['string', 'null'] },
    subject: { type: ['string', 'null'] },
    createdAt: dateTime,
    sentAt: nullableDateTime,
    nextAttemptAt: nullableDateTime,
  }),
  NoticeDeliveryPage: closed({
    items: { type: 'array', items: ref('NoticeDelivery') },
    total: { type: 'integer', minimum: 0 },
    limit: { type: 'integer' },
    offset: { type: 'integer' },
  }),
};
