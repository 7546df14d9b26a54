import type { ResolvedDeps } from '../apiDeps.js';
import { badRequest, notFound } from '../http/problem.js';
import { created, ok, type RouteSpec } from '../http/route.js';
import { iso } from '../views/jsonViews.js';
import { PROCEDURE_CODE, ref } from '../openapi/schemas.js';

const ALL_ROLES = ['admin', 'analyst', 'desk', 'officer', 'supervisor'] as const;
const codeParam = { code: { schema: PROCEDURE_CODE, description: 'Procedure code', entity: 'procedure' } };

export function procedureRoutes(deps: ResolvedDeps): RouteSpec[] {
  return [
    {
      method: 'post',
      path: '/api/procedures',
      operationId: 'deployProcedure',
      summary: 'Deploy a procedure version',
      description:
        'The body is the BPMN file. It is checked with the same rules as the designer; a refused file gets 422 with every problem in `errors` ' +
        '(`elementId`, `message`, `rule`). Deploying a file identical to a deployed version returns that version (200). Running dossiers keep their version.',
      tag: 'procedures',
      roles: ['analyst'],
      body: { kind: 'xml', schema: { type: 'string', description: 'BPMN 2.0 XML with the onestop extension' } },
      responses: {
        200: { description: 'This exact file was already deployed: its version', schema: ref('DeployResult') },
        201: { description: 'Deployed as a new version', schema: ref('DeployResult') },
        422: { description: 'The BPMN was refused', schema: ref('Problem') },
      },
      async handler({ body, caller }) {
        const xml = body as string;
        if (!xml.trim()) throw badRequest('the request body is empty: send the BPMN file as application/xml');
        const r = await deps.engine.procedures.deploy(xml, caller.actor);
        const result = {
          code: r.code,
          version: r.version,
          name: r.name,
          created: r.created,
          warnings: r.warnings.map((w) => ({ elementId: w.elementId, message: w.message, ...(w.rule ? { rule: w.rule } : {}), ...(w.severity ? { severity: w.severity } : {}) })),
        };
        return r.created ? created(result, `/api/procedures/${encodeURIComponent(r.code)}`) : ok(result);
      },
    },
    {
      method: 'get',
      path: '/api/procedures',
      operationId: 'listProcedures',
      summary: 'List procedures',
      tag: 'procedures',
      roles: ALL_ROLES,
      responses: { 200: { description: 'Deployed procedures with their latest version', schema: ref('ProcedureList') } },
      async handler() {
        const rows = await deps.engine.read.procedures();
        return ok({ items: rows.map((p) => ({ code: p.code, name: p.name, latestVersion: p.latestVersion, updatedAt: iso(p.updatedAt) })) });
      },
    },
    {
      method: 'get',
      path: '/api/procedures/{code}',
      operationId: 'getProcedure',
      summary: 'Get a procedure with its versions',
      description: 'Each version with its deadlines, its start form and every step’s department and form (JSON Schema).',
      tag: 'procedures',
      roles: ALL_ROLES,
      pathParams: codeParam,
      responses: { 200: { description: 'The procedure', schema: ref('Procedure') } },
      async handler({ params }) {
        const versions = await deps.engine.read.procedureVersions(params.code);
        if (!versions.length) throw notFound(`procedure ${params.code} is not deployed`);
        const latest = versions[versions.length - 1];
        return ok({
          code: params.code,
          name: latest.name,
          latestVersion: latest.version,
          updatedAt: iso(latest.deployedAt),
          versions: versions.map((v) => ({
            version: v.version,
            name: v.name,
            sha256: v.sha256,
            deployedAt: iso(v.deployedAt),
            deployedBy: v.deployedBy,
            deadline: v.model.deadline,
            clock: v.model.clock,
            supplementPolicy: v.model.supplementPolicy,
            startForm: v.model.startForm,
            steps: Object.values(v.model.steps).map((s) => ({
              elementId: s.elementId,
              name: s.name,
              department: s.department,
              deadline: s.deadline,
              clock: s.clock,
              counted: s.counted,
              form: s.form,
            })),
          })),
        });
      },
    },
    {
      method: 'get',
      path: '/api/procedures/{code}/versions/{version}/bpmn',
      operationId: 'getProcedureBpmn',
      summary: 'Download a version’s BPMN file',
      description: 'Exactly the file that was deployed.',
      tag: 'procedures',
      roles: ALL_ROLES,
      pathParams: { ...codeParam, version: { schema: { type: 'integer', minimum: 1 }, description: 'Version number', entity: 'version' } },
      responses: { 200: { description: 'The BPMN XML', alternatives: { 'application/xml': { type: 'string' } } } },
      async handler({ params }) {
        const row = await deps.engine.read.procedureVersion(params.code, Number(params.version));
        if (!row) throw notFound(`procedure ${params.code} has no version ${params.version}`);
        return {
          status: 200,
          body: row.xml,
          contentType: 'application/xml; charset=utf-8',
          headers: { 'Content-Disposition': `attachment; filename="${params.code}-v${row.version}.bpmn"` },
        };
      },
    },
  ];
}
