import type { ResolvedDeps } from '../apiDeps.js';
import { actingFor } from '../auth/departmentScope.js';
import { ok, type RouteSpec } from '../http/route.js';
import { routedTaskJson } from '../views/jsonViews.js';
import { ref } from '../openapi/schemas.js';

export function messageRoutes(deps: ResolvedDeps): RouteSpec[] {
  return [
    {
      method: 'post',
      path: '/api/messages',
      operationId: 'deliverMessage',
      summary: 'Deliver a message to a dossier',
      description:
        'Ends every wait of the dossier for the BPMN message of this `name` (receive task, intermediate catch, boundary event, event-based gateway branch) and moves the dossier on. ' +
        'An officer may deliver only what its department awaits (onestop:department on the catching element). A message is delivered once per wait: a second delivery is 404.',
      tag: 'messages',
      roles: ['desk', 'officer', 'admin'],
      body: { schema: ref('MessageInput') },
      responses: {
        200: { description: 'Delivered', schema: ref('MessageDelivered') },
        404: { description: 'The dossier does not exist or waits for no message of that name', schema: ref('Problem') },
        422: { description: '`data` fails the catching element’s form', schema: ref('Problem') },
      },
      async handler({ body, caller }) {
        const input = body as { name: string; dossierCode: string; data?: Record<string, unknown> };
        const r = await deps.engine.messages.deliver({ ...input, actor: caller.actor, actingFor: actingFor(caller) });
        return ok({ dossierCode: r.dossierCode, triggered: r.triggered, tasks: r.tasks.map(routedTaskJson) });
      },
    },
  ];
}
