import type { Request } from 'express';
import type { Engine } from '../../engine/index.js';
import type { RoleRefusal } from '../http/authenticate.js';
import type { RouteSpec } from '../http/route.js';

/** The endpoints of the dossiers' papers (their paths name documents), public ones aside. */
export const isDocumentRoute = (route: RouteSpec) => route.roles !== 'public' && /\/documents\b/.test(route.path);

/**
 * A caller refused by the role check on a documents endpoint goes to the
 * documents' access log, like the refusals the documents module makes itself
 * (an officer of a department without a step): who, what, when, refused.
 */
export function recordDocumentRefusals(engine: Pick<Engine, 'documents'>) {
  return async (route: RouteSpec, req: Request, refusal: RoleRefusal): Promise<void> => {
    if (!isDocumentRoute(route)) return;
    const params = req.params as Record<string, string | undefined>;
    const onTask = route.path.startsWith('/api/tasks/');
    await engine.documents.recordRoleRefusal({
      actor: refusal.actor,
      dossierCode: params.code,
      documentId: route.path.startsWith('/api/documents/') ? params.id : undefined,
      taskId: onTask ? params.id : undefined,
      detail: `${route.operationId} needs the role ${(route.roles as readonly string[]).join(', ')}; the caller is ${refusal.has}`,
    });
  };
}
