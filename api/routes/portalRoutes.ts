import type { ResolvedDeps } from '../apiDeps.js';
import { ok, type RouteSpec } from '../http/route.js';
import { iso } from '../views/jsonViews.js';
import { DOSSIER_CODE, ref } from '../openapi/schemas.js';

export function portalRoutes(deps: ResolvedDeps): RouteSpec[] {
  return [
    {
      method: 'get',
      path: '/api/dossiers/{code}/portal-sync',
      operationId: 'getPortalSync',
      summary: 'Whether the national portal heard of the dossier',
      description:
        'Every status change of a dossier is written for the National Public Service Portal in its own transaction (Circular 04/2025) and delivered in order ' +
        'with retries. This says whether all were delivered, and if not which one waits, how often it was tried and why it failed.',
      tag: 'supervision',
      roles: ['supervisor', 'desk'],
      pathParams: { code: { schema: DOSSIER_CODE, description: 'Dossier code', entity: 'dossier' } },
      responses: { 200: { description: 'Where its synchronisation stands', schema: ref('PortalSync') } },
      async handler({ params }) {
        const s = await deps.engine.read.portalSync(params.code);
        return ok({
          dossierCode: s.dossierCode,
          synchronised: s.synchronised,
          records: s.records,
          delivered: s.delivered,
          lastDeliveredAt: iso(s.lastDeliveredAt),
          waiting: s.waiting && { ...s.waiting, createdAt: iso(s.waiting.createdAt), nextAttemptAt: iso(s.waiting.nextAttemptAt) },
          reason: s.reason,
        });
      },
    },
  ];
}
