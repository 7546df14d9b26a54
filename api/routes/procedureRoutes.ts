import type { ResolvedDeps } from '../apiDeps.js';
import { badRequest, notFound } from '../http/problem.js';
import { created, ok, type RouteSpec } from '../http/route.js';
import { iso } from '../views/jsonViews.js';
import { PROCEDURE_CODE, ref, UUID } from '../openapi/schemas.js';

const ALL_ROLES = ['admin', 'analyst', 'desk', 'officer', 'supervisor'] as const;
const codeParam = { code: { schema: PROCEDURE_CODE, description: 'Procedure code', entity: 'procedure' } };
const draftParam = { id: { schema: UUID, description: 'Draft id', entity: 'draft' } };
const DRAFT_READERS = ['analyst', 'admin'] as const;
type Drafts = ResolvedDeps['engine']['procedures']['drafts'];
type DraftRow = Awaited<ReturnType<Drafts['list']>>[number];
type LintProblem = Awaited<ReturnType<Drafts['lint']>>[number];

/** A draft as JSON, with the link that opens it in the designer. */
function draftView(d: DraftRow) {
  return {
    id: d.id,
    procedureCode: d.procedureCode,
    name: d.name,
    basedOnVersion: d.basedOnVersion,
    status: d.status,
    createdBy: d.createdBy,
    createdAt: iso(d.createdAt),
    updatedBy: d.updatedBy,
    updatedAt: iso(d.updatedAt),
    publishRequestedBy: d.publishRequestedBy,
    publishRequestedAt: iso(d.publishRequestedAt),
    effectiveAt: iso(d.effectiveAt),
    publishedVersion: d.publishedVersion,
    link: `/designer/?ban-nhap=${d.id}`,
  };
}

const problemView = (p: LintProblem) => ({ elementId: p.elementId, message: p.message, rule: p.rule, severity: p.severity });
const warningView = (w: { elementId: string | null; message: string; rule?: string; severity?: string }) =>
  ({ elementId: w.elementId, message: w.message, ...(w.rule ? { rule: w.rule } : {}), ...(w.severity ? { severity: w.severity } : {}) });

type Deployed = { code: string; version: number; name: string; created: boolean; effectiveAt: Date; warnings: Array<{ elementId: string | null; message: string; rule?: string; severity?: string }> };
const deployView = (r: Deployed) => ({
  code: r.code,
  version: r.version,
  name: r.name,
  created: r.created,
  effectiveAt: iso(r.effectiveAt),
  warnings: r.warnings.map(warningView),
});

export function procedureRoutes(deps: ResolvedDeps): RouteSpec[] {
  return [
    ...draftRoutes(deps),
    {
      method: 'post',
      path: '/api/procedures',
      operationId: 'deployProcedure',
      summary: 'Deploy a procedure version',
      description:
        'The body is the BPMN file. It is checked with the same rules as the designer; a refused file gets 422 with every problem in `errors` ' +
        '(`elementId`, `message`, `rule`). Deploying a file identical to a deployed version returns that version (200). Running dossiers keep their version. ' +
        'For systems and scripts; people publish through a draft (`/api/procedure-drafts`), and when approval is required this door is closed (409).',
      tag: 'procedures',
      roles: ['analyst'],
      body: { kind: 'xml', schema: { type: 'string', description: 'BPMN 2.0 XML with the onestop extension' } },
      responses: {
        200: { description: 'This exact file was already deployed: its version', schema: ref('DeployResult') },
        201: { description: 'Deployed as a new version', schema: ref('DeployResult') },
        409: { description: 'Publications need a second analyst’s approval (PUBLISH_REQUIRES_APPROVAL): publish a draft instead', schema: ref('Problem') },
        422: { description: 'The BPMN was refused', schema: ref('Problem') },
      },
      query: { effectiveAt: { schema: { type: 'string', format: 'date-time' }, description: 'When dossiers start getting this version (default now): those received before keep the previous one.' } },
      async handler({ body, query, caller }) {
        const xml = body as string;
        if (!xml.trim()) throw badRequest('the request body is empty: send the BPMN file as application/xml');
        const effectiveAt = query.effectiveAt ? new Date(query.effectiveAt as string) : null;
        const r = await deps.engine.procedures.deploy(xml, caller.actor, { effectiveAt });
        const result = deployView(r);
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
          versionInForce: await deps.engine.procedures.versionInForce(params.code),
          updatedAt: iso(latest.deployedAt),
          versions: versions.map((v) => ({
            version: v.version,
            name: v.name,
            sha256: v.sha256,
            deployedAt: iso(v.deployedAt),
            deployedBy: v.deployedBy,
            effectiveAt: iso(v.effectiveAt),
            approvedBy: v.approvedBy,
            approvedAt: iso(v.approvedAt),
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

/** Drafts, their publication and approval, and the diff of two versions. */
function draftRoutes(deps: ResolvedDeps): RouteSpec[] {
  const drafts = () => deps.engine.procedures.drafts;
  const basedOn = { basedOnVersion: { schema: { type: 'integer', minimum: 1 }, description: 'The published version the draft starts from (for its diff).' } };
  const publishReply = (outcome: Awaited<ReturnType<ReturnType<typeof drafts>['publish']>>) =>
    outcome.kind === 'published'
      ? created({ draft: draftView(outcome.draft), version: deployView(outcome.version), warnings: outcome.version.warnings.map(warningView) }, `/api/procedures/${encodeURIComponent(outcome.version.code)}`)
      : { status: 202, body: { draft: draftView(outcome.draft), version: null, warnings: outcome.warnings.map(warningView) } };
  return [
    {
      method: 'get',
      path: '/api/procedure-drafts',
      operationId: 'listProcedureDrafts',
      summary: 'List the drafts not yet published',
      tag: 'procedures',
      roles: DRAFT_READERS,
      query: { procedureCode: { schema: PROCEDURE_CODE, description: 'Only the drafts of this procedure.' } },
      responses: { 200: { description: 'Drafts and awaiting approvals, newest first', schema: ref('DraftList') } },
      async handler({ query }) {
        const rows = await drafts().list((query.procedureCode as string | undefined) ?? null);
        return ok({ items: rows.map(draftView), approvalRequired: deps.engine.procedures.approvalRequired() });
      },
    },
    {
      method: 'post',
      path: '/api/procedure-drafts',
      operationId: 'createProcedureDraft',
      summary: 'Save a draft',
      description: 'The body is the BPMN file as drawn; it is saved even when it does not parse (it cannot be published until it passes the deploy rules). Drafts never receive dossiers.',
      tag: 'procedures',
      roles: ['analyst'],
      query: basedOn,
      body: { kind: 'xml', schema: { type: 'string', description: 'BPMN 2.0 XML with the onestop extension' } },
      responses: { 201: { description: 'The draft, with the deploy rules’ problems', schema: ref('Draft') } },
      async handler({ body, query, caller }) {
        const row = await drafts().create(body as string, { actor: caller.actor, basedOnVersion: (query.basedOnVersion as number | undefined) ?? null });
        return created(await fullDraft(deps, row.id), `/api/procedure-drafts/${row.id}`);
      },
    },
    {
      method: 'get',
      path: '/api/procedure-drafts/{id}',
      operationId: 'getProcedureDraft',
      summary: 'Get a draft with the deploy rules’ problems',
      tag: 'procedures',
      roles: DRAFT_READERS,
      pathParams: draftParam,
      responses: { 200: { description: 'The draft', schema: ref('Draft') } },
      async handler({ params }) {
        return ok(await fullDraft(deps, params.id));
      },
    },
    {
      method: 'put',
      path: '/api/procedure-drafts/{id}',
      operationId: 'updateProcedureDraft',
      summary: 'Save a new content of a draft',
      description: 'A draft awaiting approval goes back to a draft (the request is withdrawn: the approver would approve something else). A published draft is 409.',
      tag: 'procedures',
      roles: ['analyst'],
      pathParams: draftParam,
      query: basedOn,
      body: { kind: 'xml', schema: { type: 'string', description: 'BPMN 2.0 XML with the onestop extension' } },
      responses: { 200: { description: 'The draft', schema: ref('Draft') }, 409: { description: 'The draft was published already', schema: ref('Problem') } },
      async handler({ params, body, query, caller }) {
        await drafts().update(params.id, body as string, { actor: caller.actor, basedOnVersion: (query.basedOnVersion as number | undefined) ?? null });
        return ok(await fullDraft(deps, params.id));
      },
    },
    {
      method: 'get',
      path: '/api/procedure-drafts/{id}/bpmn',
      operationId: 'getProcedureDraftBpmn',
      summary: 'Download a draft’s BPMN file',
      tag: 'procedures',
      roles: DRAFT_READERS,
      pathParams: draftParam,
      responses: { 200: { description: 'The BPMN XML', alternatives: { 'application/xml': { type: 'string' } } } },
      async handler({ params }) {
        const draft = await drafts().get(params.id);
        return { status: 200, body: draft.xml, contentType: 'application/xml; charset=utf-8' };
      },
    },
    {
      method: 'post',
      path: '/api/procedure-drafts/{id}/publish',
      operationId: 'publishProcedureDraft',
      summary: 'Publish a draft as the next version',
      description:
        'Checked with the deploy rules (422 with every problem in `errors`; a file that does not parse cannot be published). ' +
        'The version takes effect at `effectiveAt` (default now; not in the past): dossiers received before it keep the previous version. ' +
        'When a second analyst must approve (PUBLISH_REQUIRES_APPROVAL), the draft awaits approval (202).',
      tag: 'procedures',
      roles: ['analyst'],
      pathParams: draftParam,
      body: { schema: ref('Publication'), required: false },
      responses: {
        201: { description: 'Published', schema: ref('PublishResult') },
        202: { description: 'Awaiting a second analyst’s approval', schema: ref('PublishResult') },
        409: { description: 'Already published, or already awaiting approval', schema: ref('Problem') },
        422: { description: 'The draft breaks a deploy rule, or the effective time is in the past', schema: ref('Problem') },
      },
      async handler({ params, body, caller }) {
        const effectiveAt = (body as { effectiveAt?: string } | undefined)?.effectiveAt;
        return publishReply(await drafts().publish(params.id, { actor: caller.actor, effectiveAt: effectiveAt ? new Date(effectiveAt) : null }));
      },
    },
    {
      method: 'post',
      path: '/api/procedure-drafts/{id}/approve',
      operationId: 'approveProcedureDraft',
      summary: 'Approve a draft awaiting approval',
      description: 'By an analyst other than its author: it becomes the next version, published in the name of whoever asked, taking effect at the time asked for (or now, when that has passed).',
      tag: 'procedures',
      roles: ['analyst'],
      pathParams: draftParam,
      responses: {
        201: { description: 'Published', schema: ref('PublishResult') },
        409: { description: 'The draft does not await approval', schema: ref('Problem') },
        422: { description: 'The draft breaks a deploy rule', schema: ref('Problem') },
      },
      async handler({ params, caller }) {
        return publishReply(await drafts().approve(params.id, { actor: caller.actor }));
      },
    },
    {
      method: 'get',
      path: '/api/procedures/{code}/diff',
      operationId: 'diffProcedureVersions',
      summary: 'What changed between two versions',
      description: 'Elements added, removed or changed (by id and name), the steps’ departments, the deadlines and the forms (fields added, removed, changed).',
      tag: 'procedures',
      roles: ALL_ROLES,
      pathParams: codeParam,
      query: {
        from: { schema: { type: 'integer', minimum: 1 }, description: 'The older version', required: true },
        to: { schema: { type: 'integer', minimum: 1 }, description: 'The newer version', required: true },
      },
      responses: { 200: { description: 'The changes', schema: ref('VersionDiff') } },
      async handler({ params, query }) {
        const from = Number(query.from);
        const to = Number(query.to);
        if (from === to) throw badRequest('from and to name the same version: choose two versions');
        return ok({ code: params.code, from, to, ...(await deps.engine.procedures.diff(params.code, from, to)) });
      },
    },
  ];
}

async function fullDraft(deps: ResolvedDeps, id: string) {
  const draft = await deps.engine.procedures.drafts.get(id);
  const problems = await deps.engine.procedures.drafts.lint(draft.xml);
  return { ...draftView(draft), problems: problems.map(problemView), approvalRequired: deps.engine.procedures.approvalRequired() };
}
