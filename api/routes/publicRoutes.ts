import type { ResolvedDeps } from '../apiDeps.js';
import { ok, type RouteSpec } from '../http/route.js';
import { iso, statusJson } from '../views/jsonViews.js';
import { DOSSIER_CODE, ref } from '../openapi/schemas.js';

export function publicRoutes(deps: ResolvedDeps): RouteSpec[] {
  return [
    {
      method: 'get',
      path: '/api/public/dossiers/{code}',
      operationId: 'lookUpDossier',
      summary: 'Look a dossier up by its code',
      description: 'For the citizen (the page /tra-cuu/{code} shows it): status, procedure, received and promised dates, which department holds the dossier now, the items to bring while a supplement is asked for, and the latest apology letter. Nothing personal.',
      tag: 'public',
      roles: 'public',
      pathParams: { code: { schema: DOSSIER_CODE, description: 'Dossier code, as printed on the receipt', entity: 'dossier' } },
      responses: { 200: { description: 'Where the dossier stands', schema: ref('PublicDossier') } },
      async handler({ params }) {
        const d = await deps.engine.read.publicDossier(params.code);
        return ok({
          code: d.code,
          status: statusJson(d.status),
          procedureName: d.procedureName,
          receivedAt: iso(d.receivedAt),
          dueAt: iso(d.dueAt),
          resolvedAt: iso(d.resolvedAt),
          returnedAt: iso(d.returnedAt),
          eResultAvailable: await deps.engine.documents.hasEResult(d.code),
          heldBy: d.heldBy,
          supplement: d.supplement ? { requestedAt: iso(d.supplement.requestedAt), reason: d.supplement.reason, items: d.supplement.items, bringTo: d.supplement.bringTo } : null,
          apology: d.apology ? { issuedAt: iso(d.apology.issuedAt), reason: d.apology.reason, previousDueAt: iso(d.apology.previousDueAt), newDueAt: iso(d.apology.dueAt) } : null,
        });
      },
    },
  ];
}
