import type { ResolvedDeps } from '../apiDeps.js';
import { publicDossier } from '../../engine/store/queries/publicDossier.js';
import { getDepartment } from '../../engine/store/departments/departmentRows.js';
import { notFound } from '../http/problem.js';
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
      description: 'For the citizen: status, procedure, received and promised dates, and which department holds the dossier now. Nothing personal.',
      tag: 'public',
      roles: 'public',
      pathParams: { code: { schema: DOSSIER_CODE, description: 'Dossier code, as printed on the receipt', entity: 'dossier' } },
      responses: { 200: { description: 'Where the dossier stands', schema: ref('PublicDossier') } },
      async handler({ params }) {
        const d = await publicDossier(deps.pool, params.code);
        if (!d) throw notFound(`dossier ${params.code} does not exist`);
        let heldBy = d.holders;
        // Result ready: the desk holds it until the citizen collects it.
        if (!heldBy.length && d.status === 'resolved') {
          const desk = await getDepartment(deps.pool, deps.engine.context.deskDepartment);
          heldBy = [{ code: deps.engine.context.deskDepartment, name: desk?.name ?? deps.engine.context.deskDepartment }];
        }
        return ok({
          code: d.code,
          status: statusJson(d.status),
          procedureName: d.procedureName,
          receivedAt: iso(d.receivedAt),
          dueAt: iso(d.dueAt),
          resolvedAt: iso(d.resolvedAt),
          returnedAt: iso(d.returnedAt),
          heldBy,
        });
      },
    },
  ];
}
