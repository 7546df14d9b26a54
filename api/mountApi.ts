import { readFileSync } from 'node:fs';
import express from 'express';
import { resolveDeps, type ApiDeps } from './apiDeps.js';
import { routerFor } from './http/mountRoutes.js';
import type { RouteSpec } from './http/route.js';
import { buildOpenApiDocument, type OpenApiDocument } from './openapi/openapiDocument.js';
import { docsRouter } from './docs/serveDocs.js';
import { keyRoutes } from './routes/keyRoutes.js';
import { departmentRoutes } from './routes/departmentRoutes.js';
import { messageRoutes } from './routes/messageRoutes.js';
import { jobRoutes } from './routes/jobRoutes.js';
import { incidentRoutes } from './routes/incidentRoutes.js';
import { procedureRoutes } from './routes/procedureRoutes.js';
import { dossierRoutes } from './routes/dossierRoutes.js';
import { documentRoutes } from './routes/documentRoutes.js';
import { statusRoutes } from './routes/statusRoutes.js';
import { portalRoutes } from './routes/portalRoutes.js';
import { reportRoutes } from './routes/reportRoutes.js';
import { taskRoutes } from './routes/taskRoutes.js';
import { supervisionRoutes } from './routes/supervisionRoutes.js';
import { publicRoutes } from './routes/publicRoutes.js';
import { workspaceRoutes } from './routes/workspaceRoutes.js';
import { calendarRoutes } from './routes/calendarRoutes.js';
import { formRoutes } from './routes/formRoutes.js';
import { sessionRoutes } from './routes/sessionRoutes.js';
import { personRoutes } from './routes/personRoutes.js';
import { auditRoutes } from './routes/auditRoutes.js';
import { noticeRoutes } from './routes/noticeRoutes.js';
import { oidcClient, type OidcClient } from './auth/oidc.js';
import { auditAfterSuccess } from './auth/auditAfterSuccess.js';
import { recordDocumentRefusals } from './auth/documentRefusals.js';

export type { ApiDeps } from './apiDeps.js';

const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

// One OpenID Connect client per configuration: discovery happens once.
const oidcClients = new WeakMap<object, OidcClient>();
function oidcOf(deps: ApiDeps, resolved: ReturnType<typeof resolveDeps>): OidcClient | null {
  if (!resolved.auth.oidc) return null;
  if (!oidcClients.has(deps)) oidcClients.set(deps, oidcClient(resolved.auth.oidc));
  return oidcClients.get(deps)!;
}

export function apiRoutes(deps: ApiDeps): RouteSpec[] {
  const resolved = resolveDeps(deps);
  return [
    ...sessionRoutes(resolved, resolved.auth, oidcOf(deps, resolved)),
    ...personRoutes(resolved),
    ...auditRoutes(resolved),
    ...keyRoutes(resolved),
    ...departmentRoutes(resolved),
    ...procedureRoutes(resolved),
    ...dossierRoutes(resolved),
    ...formRoutes(resolved),
    ...documentRoutes(resolved),
    ...statusRoutes(resolved),
    ...portalRoutes(resolved),
    ...reportRoutes(resolved),
    ...taskRoutes(resolved),
    ...supervisionRoutes(resolved),
    ...workspaceRoutes(resolved),
    ...calendarRoutes(resolved),
    ...publicRoutes(resolved),
    ...noticeRoutes(resolved),
    ...messageRoutes(resolved),
    ...jobRoutes(resolved),
    ...incidentRoutes(resolved),
  ];
}

/** The OpenAPI document of the API (what GET /api/openapi.json serves). */
export function apiDocument(deps: ApiDeps): OpenApiDocument {
  return buildOpenApiDocument(apiRoutes(deps), VERSION);
}

/**
 * Everything under /api: the endpoints, /api/openapi.json and /api/docs.
 * No listen here, so tests drive it with supertest.
 */
export function createApiRouter(deps: ApiDeps): express.Router {
  const resolved = resolveDeps(deps);
  const routes = apiRoutes(deps);
  const document = buildOpenApiDocument(routes, VERSION);
  const router = express.Router();
  router.get('/api/openapi.json', (_req, res) => {
    res.json(document);
  });
  router.use(docsRouter());
  router.use(routerFor(routes, {
    auth: { keys: resolved.engine.keys, sessions: resolved.engine.sessions, config: resolved.auth, afterSuccess: auditAfterSuccess(resolved.engine), roleRefused: recordDocumentRefusals(resolved.engine) },
    document, limits: deps.limits, log: resolved.log,
  }));
  return router;
}

export function mountApi(app: express.Express, deps: ApiDeps): void {
  app.use(createApiRouter(deps));
}
