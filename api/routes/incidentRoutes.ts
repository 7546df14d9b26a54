import type { ResolvedDeps } from '../apiDeps.js';
import { ok, type RouteSpec } from '../http/route.js';
import { incidentJson } from '../views/eventViews.js';
import { ref } from '../openapi/schemas.js';

export function incidentRoutes(deps: ResolvedDeps): RouteSpec[] {
  return [
    {
      method: 'get',
      path: '/api/incidents',
      operationId: 'listIncidents',
      summary: 'List incidents',
      description: 'What the engine could not carry out (a job out of retries, a process that cannot go on), newest first; open ones unless `status=all`.',
      tag: 'incidents',
      roles: ['supervisor', 'admin'],
      query: { status: { schema: { type: 'string', enum: ['open', 'all'] }, description: 'open (default) or all.' } },
      responses: { 200: { description: 'The incidents', schema: ref('IncidentList') } },
      async handler({ query }) {
        const items = await deps.engine.incidents.list({ status: query.status === 'all' ? 'all' : 'open' });
        return ok({ items: items.map(incidentJson) });
      },
    },
    {
      method: 'post',
      path: '/api/incidents/{id}/retry',
      operationId: 'retryIncident',
      summary: 'Retry an incident',
      description: 'Resolves the incident and tries again: its job can be fetched again (one retry), its timer fires again.',
      tag: 'incidents',
      roles: ['admin'],
      pathParams: { id: { schema: { type: 'string', pattern: '^[0-9]{1,18}$' }, description: 'Incident id', entity: 'incident' } },
      responses: { 200: { description: 'Resolved and retried', schema: ref('Incident') }, 404: { description: 'No such open incident', schema: ref('Problem') } },
      async handler({ params, caller }) {
        return ok(incidentJson(await deps.engine.incidents.retry(params.id, caller.actor)));
      },
    },
  ];
}
