import type { ResolvedDeps } from '../apiDeps.js';
import { ok, type RouteSpec } from '../http/route.js';
import { PAGE_QUERY, pageOf } from '../http/queryParams.js';
import { iso } from '../views/jsonViews.js';
import { ref } from '../openapi/schemas.js';
import { NOTICE_KIND } from '../openapi/noticeSchemas.js';
import type { NoticeStatus } from '../../engine/index.js';

type Template = Awaited<ReturnType<ResolvedDeps['engine']['notices']['templates']>>[number];

const templateJson = (t: Template) => ({
  kind: t.kind,
  subject: t.subject,
  body: t.body,
  placeholders: [...t.placeholders],
  isDefault: t.isDefault,
  updatedAt: iso(t.updatedAt),
  updatedBy: t.updatedBy,
});

const kindParam = { kind: { schema: NOTICE_KIND, description: 'Which notice', entity: 'notice' } };

/** The administrator's side of the citizen notices: templates and the delivery log. */
export function noticeRoutes(deps: ResolvedDeps): RouteSpec[] {
  return [
    {
      method: 'get',
      path: '/api/notices/templates',
      operationId: 'listNoticeTemplates',
      summary: 'The wording of the notices to citizens',
      description: 'The five notices (reception, supplement request, apology, result ready, return), each with the placeholders it may use; the default Vietnamese wording until an administrator changes it.',
      tag: 'notices',
      roles: ['admin'],
      responses: { 200: { description: 'Every notice', schema: ref('NoticeTemplateList') } },
      async handler() {
        return ok({ items: (await deps.engine.notices.templates()).map(templateJson) });
      },
    },
    {
      method: 'put',
      path: '/api/notices/templates/{kind}',
      operationId: 'saveNoticeTemplate',
      summary: 'Reword a notice',
      description: 'Placeholders are written {name}; one the notice does not know is refused with 422 (it would reach the citizen as written). Notices not yet sent go out with the new wording.',
      tag: 'notices',
      roles: ['admin'],
      pathParams: kindParam,
      body: { schema: ref('NoticeTemplateInput') },
      responses: {
        200: { description: 'Saved', schema: ref('NoticeTemplate') },
        422: { description: 'An unknown placeholder, or an empty or multi-line subject', schema: ref('Problem') },
      },
      async handler({ params, body, caller }) {
        const input = body as { subject: string; body: string };
        return ok(templateJson(await deps.engine.notices.saveTemplate(params.kind, input, caller.actor)));
      },
    },
    {
      method: 'delete',
      path: '/api/notices/templates/{kind}',
      operationId: 'resetNoticeTemplate',
      summary: 'Back to the default wording of a notice',
      tag: 'notices',
      roles: ['admin'],
      pathParams: kindParam,
      responses: { 200: { description: 'The default wording', schema: ref('NoticeTemplate') } },
      async handler({ params }) {
        return ok(templateJson(await deps.engine.notices.resetTemplate(params.kind)));
      },
    },
    {
      method: 'get',
      path: '/api/notices/deliveries',
      operationId: 'listNoticeDeliveries',
      summary: 'The delivery log of the notices to citizens',
      description: 'Newest first: per notice its channel, the recipient masked, status (pending, sent, failed after the last retry, skipped when no channel is configured for the contact), attempts and the last error.',
      tag: 'notices',
      roles: ['admin'],
      query: {
        dossierCode: { schema: { type: 'string', minLength: 1, maxLength: 60 }, description: 'Only this dossier’s.' },
        status: { schema: { type: 'string', enum: ['pending', 'sent', 'failed', 'skipped'] }, description: 'Only notices in this state.' },
        ...PAGE_QUERY,
      },
      responses: { 200: { description: 'One page', schema: ref('NoticeDeliveryPage') } },
      async handler({ query }) {
        const p = pageOf(query);
        const page = await deps.engine.notices.deliveries({ dossierCode: query.dossierCode as string | undefined, status: query.status as NoticeStatus | undefined, ...p });
        return ok({
          ...page,
          ...p,
          items: page.items.map((d) => ({ ...d, createdAt: iso(d.createdAt), sentAt: iso(d.sentAt), nextAttemptAt: iso(d.nextAttemptAt) })),
        });
      },
    },
  ];
}
