import type { ResolvedDeps } from '../apiDeps.js';
import { ok, type RouteSpec } from '../http/route.js';
import { PAGE_QUERY, pageOf } from '../http/queryParams.js';
import { iso } from '../views/jsonViews.js';
import { ref } from '../openapi/schemas.js';

export function auditRoutes(deps: ResolvedDeps): RouteSpec[] {
  return [
    {
      method: 'get',
      path: '/api/audit',
      operationId: 'listAudit',
      summary: 'Read the audit log',
      description:
        'Newest first: sign-ins and failed ones (`session.*`), administrative changes (`person.*`, `key.*`, `department.*`, …), reassignments (`task.reassigned`), ' +
        'and every read of a citizen’s dossier or document by a person (`dossier.read`). `action` is a whole action or a prefix ending in a dot.',
      tag: 'audit',
      roles: ['admin'],
      query: {
        actor: { schema: { type: 'string', minLength: 1, maxLength: 200 }, description: 'A username or a key’s name.' },
        action: { schema: { type: 'string', minLength: 1, maxLength: 100 }, description: 'e.g. session.failed, or person. for every change of people.' },
        from: { schema: { type: 'string', format: 'date-time' }, description: 'From this time (included).' },
        to: { schema: { type: 'string', format: 'date-time' }, description: 'Until this time (excluded).' },
        ...PAGE_QUERY,
      },
      responses: { 200: { description: 'One page', schema: ref('AuditPage') } },
      async handler({ query }) {
        const p = pageOf(query);
        const page = await deps.engine.read.audit({ actor: query.actor, action: query.action, from: query.from ? new Date(query.from) : undefined, to: query.to ? new Date(query.to) : undefined, ...p });
        return ok({ items: page.items.map((e) => ({ ...e, at: iso(e.at) })), total: page.total, ...p });
      },
    },
  ];
}
