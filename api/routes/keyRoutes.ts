import type { ResolvedDeps } from '../apiDeps.js';
import type { ApiKeyRow, ApiRole } from '../../engine/index.js';
import { badRequest, conflict, invalidData, notFound } from '../http/problem.js';
import { created, noContent, ok, type RouteSpec } from '../http/route.js';
import { iso } from '../views/jsonViews.js';
import { ref, UUID } from '../openapi/schemas.js';

const keyJson = (k: ApiKeyRow) => ({
  id: k.id,
  name: k.name,
  role: k.role,
  department: k.department,
  tokenHint: k.tokenHint,
  bootstrap: k.bootstrap,
  createdAt: iso(k.createdAt),
  createdBy: k.createdBy,
  revokedAt: iso(k.revokedAt),
  revokedBy: k.revokedBy,
  lastUsedAt: iso(k.lastUsedAt),
});

export function keyRoutes(deps: ResolvedDeps): RouteSpec[] {
  return [
    {
      method: 'post',
      path: '/api/keys',
      operationId: 'createKey',
      summary: 'Create an API key',
      description: 'A key is for a system (a department’s software, the portal sync, a job worker); people sign in with their own account. The token is in the answer only: the server keeps its SHA-256. An officer key acts for exactly one department.',
      tag: 'keys',
      roles: ['admin'],
      body: { schema: ref('NewApiKey') },
      responses: { 201: { description: 'Created; keep the token now', schema: ref('CreatedApiKey') }, 422: { description: 'Unknown department', schema: ref('Problem') } },
      async handler({ body, caller }) {
        const input = body as { name: string; role: ApiRole; department?: string };
        if (input.role === 'officer' && !input.department) {
          throw badRequest('an officer key acts for one department: body/department is required', [{ in: 'body', path: '/department', message: 'is required for the officer role' }]);
        }
        if (input.role !== 'officer' && input.department) {
          throw badRequest(`only officer keys are bound to a department; a ${input.role} key is not: remove body/department`, [{ in: 'body', path: '/department', message: `is only for the officer role` }]);
        }
        if (input.department && !(await deps.engine.read.department(input.department))) {
          throw invalidData(`department ${input.department} does not exist`, [{ in: 'body', path: '/department', message: 'is not a known department' }]);
        }
        const { key, token } = await deps.engine.keys.create({ name: input.name, role: input.role, department: input.department ?? null, createdBy: caller.actor });
        return created({ id: key.id, token, name: key.name, role: key.role, department: key.department }, `/api/keys/${key.id}`);
      },
    },
    {
      method: 'get',
      path: '/api/keys',
      operationId: 'listKeys',
      summary: 'List API keys',
      tag: 'keys',
      roles: ['admin'],
      query: { includeRevoked: { schema: { type: 'boolean', default: false }, description: 'Also list revoked keys.' } },
      responses: { 200: { description: 'The keys (never their tokens)', schema: ref('ApiKeyList') } },
      async handler({ query }) {
        return ok({ items: (await deps.engine.read.keys({ includeRevoked: query.includeRevoked ?? false })).map(keyJson) });
      },
    },
    {
      method: 'delete',
      path: '/api/keys/{id}',
      operationId: 'revokeKey',
      summary: 'Revoke an API key',
      description: 'Takes effect on the next request. Revoking again changes nothing.',
      tag: 'keys',
      roles: ['admin'],
      pathParams: { id: { schema: UUID, description: 'Key id', entity: 'API key' } },
      responses: { 204: { description: 'Revoked' }, 409: { description: 'The bootstrap administrator key (rotate ONESTOP_ADMIN_TOKEN instead)', schema: ref('Problem') } },
      async handler({ params, caller }) {
        const key = await deps.engine.read.key(params.id);
        if (!key) throw notFound(`API key ${params.id} does not exist`);
        if (key.bootstrap) throw conflict('the bootstrap administrator key follows ONESTOP_ADMIN_TOKEN (or DATA_DIR/admin-token): change the token and restart to rotate it');
        await deps.engine.keys.revoke(key.id, caller.actor);
        return noContent();
      },
    },
  ];
}
