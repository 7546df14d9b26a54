import type { ResolvedDeps } from '../apiDeps.js';
import { DOSSIER_STATUSES, type Channel, type DossierStatus } from '../../engine/index.js';
import { actingFor } from '../auth/departmentScope.js';
import { invalidData, periodReversed } from '../http/problem.js';
import { created, ok, type RouteSpec } from '../http/route.js';
import { withPapers } from './documentRoutes.js';
import { PAGE_QUERY, pageOf, periodEnd, periodQuery, periodStart } from '../http/queryParams.js';
import { dossierJson, iso, routedTaskJson, statusJson } from '../views/jsonViews.js';
import { DOSSIER_CODE, DOSSIER_STATUS_NAME, PROCEDURE_CODE, ref } from '../openapi/schemas.js';

const codeParam = { code: { schema: DOSSIER_CODE, description: 'Dossier code', entity: 'dossier' } };
const READERS = ['desk', 'supervisor', 'officer'] as const;

/**
 * A read of a dossier, run beside the check that the caller may read it (one
 * round trip to the database instead of two in a row). The check decides: its
 * refusal (not found, another department's) is the answer whatever the read did.
 */
async function checkedRead<T>(check: Promise<unknown>, read: () => Promise<T>): Promise<T> {
  const [allowed, result] = await Promise.allSettled([check, read()]);
  if (allowed.status === 'rejected') throw allowed.reason;
  if (result.status === 'rejected') throw result.reason;
  return result.value;
}

export function dossierRoutes(deps: ResolvedDeps): RouteSpec[] {
  return [
    // Also multipart/form-data with the papers' files (documentRoutes.ts).
    withPapers(deps, {
      method: 'post',
      path: '/api/dossiers',
      operationId: 'submitDossier',
      summary: 'Receive a dossier',
      description:
        'Checks `data` against the procedure’s start form (422 with every problem), gives the dossier its code and promised return date, ' +
        'and routes its first steps. `receivedAt` is for a paper dossier entered after the fact: deadlines count from it; it may not be in the future.',
      tag: 'dossiers',
      roles: ['desk'],
      body: { schema: ref('NewDossier') },
      responses: {
        201: { description: 'Received: code, promised date and the first routed steps', schema: ref('SubmittedDossier') },
        422: { description: 'The data does not satisfy the start form, the procedure is not deployed, or receivedAt is in the future', schema: ref('Problem') },
      },
      async handler({ body, caller, withinReception }) {
        const input = body as { procedureCode: string; applicant: { name: string; idNumber: string; phone?: string; email?: string }; data: Record<string, unknown>; channel: Channel; receivingAgency?: string; receivingPoint?: string; resolvingAgency?: string; receivedAt?: string; check?: boolean };
        if (!(await deps.engine.read.latestVersion(input.procedureCode))) {
          throw invalidData(`procedure ${input.procedureCode} is not deployed`, [{ in: 'body', path: '/procedureCode', message: 'is not a deployed procedure' }]);
        }
        const r = await deps.engine.dossiers.submit(input.procedureCode, {
          applicant: input.applicant,
          data: input.data,
          channel: input.channel,
          receivingAgency: input.receivingAgency,
          receivingPoint: input.receivingPoint,
          resolvingAgency: input.resolvingAgency,
          check: input.check,
          receivedAt: input.receivedAt ? new Date(input.receivedAt) : undefined,
          actor: caller.actor,
          withinReception,
        });
        return created(
          {
            code: r.code,
            procedureCode: r.procedureCode,
            version: r.version,
            status: statusJson(r.status),
            statusCode: DOSSIER_STATUSES[r.status],
            receivedAt: iso(r.receivedAt),
            clockStartedAt: iso(r.clockStartedAt),
            dueAt: iso(r.dueAt),
            tasks: r.tasks.map(routedTaskJson),
          },
          `/api/dossiers/${r.code}`,
        );
      },
    }),
    {
      method: 'get',
      path: '/api/dossiers',
      operationId: 'listDossiers',
      summary: 'List dossiers',
      description: 'Newest reception first. `from`/`to` filter on the reception time.',
      tag: 'dossiers',
      roles: ['desk', 'supervisor'],
      query: {
        status: { schema: DOSSIER_STATUS_NAME, description: 'Only dossiers in this status.' },
        procedureCode: { schema: PROCEDURE_CODE, description: 'Only this procedure’s.' },
        overdue: { schema: { type: 'boolean' }, description: 'true: only pending dossiers past their promised date; false: all others.' },
        applicantIdNumber: { schema: { type: 'string', minLength: 1, maxLength: 20 }, description: 'Only this citizen’s (personal identification number).' },
        q: { schema: { type: 'string', minLength: 1, maxLength: 100 }, description: 'The desk’s search: any part of the dossier code, the applicant’s name, ID number or phone, case-insensitive.' },
        channel: { schema: { type: 'string', enum: ['online', 'direct', 'post'] }, description: 'Only dossiers received through this channel.' },
        ...periodQuery('Received'),
        ...PAGE_QUERY,
      },
      responses: { 200: { description: 'One page', schema: ref('DossierPage') } },
      async handler({ query }) {
        const p = pageOf(query);
        if (query.from && query.to && query.from > query.to) throw periodReversed(query.from, query.to);
        const page = await deps.engine.read.dossierList({
          status: query.status as DossierStatus | undefined,
          procedureCode: query.procedureCode,
          overdue: query.overdue,
          applicantIdNumber: query.applicantIdNumber,
          search: query.q,
          channel: query.channel,
          receivedFrom: periodStart(query.from),
          receivedBefore: periodEnd(query.to),
          now: deps.clock(),
          ...p,
        });
        return ok({
          items: page.items.map((d) => ({
            ...d,
            status: statusJson(d.status),
            statusCode: DOSSIER_STATUSES[d.status],
            receivedAt: iso(d.receivedAt),
            dueAt: iso(d.dueAt),
            resolvedAt: iso(d.resolvedAt),
            returnedAt: iso(d.returnedAt),
          })),
          total: page.total,
          ...p,
        });
      },
    },
    {
      method: 'get',
      path: '/api/dossiers/{code}',
      operationId: 'getDossier',
      summary: 'Get a dossier',
      description: 'Status (name and national code), data, promised date, open steps, what it waits on (steps, external jobs, timers with their due times, awaited messages, open incidents), timeliness, apology letter and supplements. An officer sees the dossiers its department has a step on.',
      tag: 'dossiers',
      roles: READERS,
      pathParams: codeParam,
      responses: { 200: { description: 'The dossier', schema: ref('Dossier') } },
      async handler({ params, caller }) {
        const { view, extras, steps, waitingOn } = await checkedRead(deps.engine.read.readableDossier(params.code, actingFor(caller)), () => deps.engine.read.dossier(params.code));
        return ok(dossierJson(view, extras, steps, waitingOn));
      },
    },
    {
      method: 'get',
      path: '/api/dossiers/{code}/history',
      operationId: 'getDossierHistory',
      summary: 'Get a dossier’s history',
      description: 'The append-only log of everything that happened to the dossier, oldest first.',
      tag: 'dossiers',
      roles: READERS,
      pathParams: codeParam,
      responses: { 200: { description: 'Events', schema: ref('History') } },
      async handler({ params, caller }) {
        const events = await checkedRead(deps.engine.read.readableDossier(params.code, actingFor(caller)), () => deps.engine.read.history(params.code));
        return ok({ dossierCode: params.code, items: events.map((e) => ({ id: e.id, type: e.type, at: iso(e.at), actor: e.actor, payload: e.payload })) });
      },
    },
    {
      method: 'get',
      path: '/api/dossiers/{code}/control-slip',
      operationId: 'getControlSlip',
      summary: 'Get a dossier’s control slip',
      description: 'Form 06 of Circular 03/2025, phiếu kiểm soát quá trình giải quyết hồ sơ: one row per handover, with that leg’s timeliness against its own allotment (as a PDF: GET /api/dossiers/{code}/forms/06).',
      tag: 'dossiers',
      roles: READERS,
      pathParams: codeParam,
      responses: { 200: { description: 'The control slip', schema: ref('ControlSlip') } },
      async handler({ params, caller }) {
        const { dossier, procedureName, rows } = await checkedRead(deps.engine.read.readableDossier(params.code, actingFor(caller)), () => deps.engine.read.controlSlip(params.code));
        const departments: string[] = [];
        for (const r of rows) if (!departments.includes(r.toDepartment)) departments.push(r.toDepartment);
        return ok({
          dossierCode: params.code,
          procedureName,
          applicantName: typeof dossier.applicant.name === 'string' ? dossier.applicant.name : null,
          receivedAt: iso(dossier.receivedAt),
          dueAt: iso(dossier.dueAt),
          departments,
          rows: rows.map((r) => ({
            step: r.step,
            elementId: r.elementId,
            taskId: r.taskId,
            fromDepartment: r.fromDepartment,
            toDepartment: r.toDepartment,
            handedOverAt: iso(r.handedOverAt),
            dueAt: iso(r.dueAt),
            completedAt: iso(r.completedAt),
            completedBy: r.completedBy,
            timeliness: r.timeliness,
          })),
        });
      },
    },
    {
      method: 'post',
      path: '/api/dossiers/{code}/supplement-request',
      operationId: 'requestSupplement',
      summary: 'Ask the citizen for a supplement',
      description:
        'Once, with complete guidance, within 3 working days of receiving the dossier (of the step’s handover for a department). The dossier’s clocks stop. ' +
        'An officer may ask only while its department holds an open step of the dossier.',
      tag: 'dossiers',
      roles: ['desk', 'officer'],
      pathParams: codeParam,
      body: { schema: ref('SupplementRequest') },
      responses: {
        200: { description: 'Requested; the dossier waits for the citizen', schema: ref('SupplementRequested') },
        409: { description: 'The dossier is not being processed', schema: ref('Problem') },
        422: { description: 'The 3-working-day window has passed, or a request is already open', schema: ref('Problem') },
      },
      async handler({ params, body, caller }) {
        const input = body as { reason: string; items: string[] };
        const r = await deps.engine.dossiers.requestSupplement(params.code, { actor: caller.actor, actingFor: actingFor(caller), reason: input.reason, items: input.items });
        return ok({ dossierCode: r.dossierCode, status: statusJson(r.status), requestedAt: iso(r.requestedAt) });
      },
    },
    {
      method: 'post',
      path: '/api/dossiers/{code}/supplement',
      operationId: 'receiveSupplement',
      summary: 'Record the citizen’s supplement',
      description: 'The clocks restart from zero (policy `restart`, Decree 61) or resume with the paused time added (`extend`). `data` is merged into the dossier and checked against the start form.',
      tag: 'dossiers',
      roles: ['desk'],
      pathParams: codeParam,
      body: { schema: ref('SupplementReceipt'), required: false },
      responses: {
        200: { description: 'Processing again, with the new due dates', schema: ref('SupplementReceived') },
        409: { description: 'No supplement was requested', schema: ref('Problem') },
        422: { description: 'The supplemented data does not satisfy the start form', schema: ref('Problem') },
      },
      async handler({ params, body, caller }) {
        const input = (body ?? {}) as { data?: Record<string, unknown> };
        const r = await deps.engine.dossiers.receiveSupplement(params.code, { actor: caller.actor, data: input.data });
        return ok({ dossierCode: r.dossierCode, status: statusJson(r.status), dueAt: iso(r.dueAt), openTasks: r.openTasks.map(routedTaskJson) });
      },
    },
    {
      method: 'post',
      path: '/api/dossiers/{code}/apology',
      operationId: 'recordApology',
      summary: 'Record the apology and new appointment letter',
      description: 'The promised date moves once, to a later working day; a second letter is refused (409). The new date is used for timeliness from then on.',
      tag: 'dossiers',
      roles: ['desk'],
      pathParams: codeParam,
      body: { schema: ref('NewApology') },
      responses: {
        200: { description: 'Recorded; the promised date moved', schema: ref('ApologyRecorded') },
        409: { description: 'An apology was already issued, or the dossier is closed', schema: ref('Problem') },
        422: { description: 'Unknown department, or the new date is not a later working day', schema: ref('Problem') },
      },
      async handler({ params, body, caller }) {
        const input = body as { reason: string; responsibleDepartment: string; newDueAt: string };
        await deps.engine.read.readableDossier(params.code);
        if (!(await deps.engine.read.department(input.responsibleDepartment))) {
          throw invalidData(`department ${input.responsibleDepartment} does not exist`, [{ in: 'body', path: '/responsibleDepartment', message: 'is not a known department' }]);
        }
        const r = await deps.engine.dossiers.recordApology(params.code, { actor: caller.actor, reason: input.reason, responsibleDepartment: input.responsibleDepartment, newDueAt: new Date(input.newDueAt) });
        return ok({ dossierCode: r.dossierCode, previousDueAt: iso(r.previousDueAt), dueAt: iso(r.dueAt), issuedInTime: r.issuedInTime });
      },
    },
    {
      method: 'post',
      path: '/api/dossiers/{code}/return',
      operationId: 'returnResult',
      summary: 'Record that the result was handed over',
      description: 'Status 10: in person at the desk (default), or by post with the postal tracking number (Hanoi returns paper results by post from 1 January 2026).',
      tag: 'dossiers',
      roles: ['desk'],
      pathParams: codeParam,
      body: { schema: ref('ResultReturn'), required: false },
      responses: {
        200: { description: 'Returned', schema: ref('ResultReturned') },
        409: { description: 'The result is not ready', schema: ref('Problem') },
        422: { description: 'By post without a tracking number', schema: ref('Problem') },
      },
      async handler({ params, body, caller }) {
        const input = (body ?? {}) as { channel?: 'in_person' | 'post'; trackingNumber?: string };
        const r = await deps.engine.dossiers.returnResult(params.code, { actor: caller.actor, channel: input.channel, trackingNumber: input.trackingNumber });
        return ok({ dossierCode: r.dossierCode, status: statusJson(r.status), statusCode: DOSSIER_STATUSES[r.status], returnedAt: iso(r.returnedAt), channel: r.channel, trackingNumber: r.trackingNumber });
      },
    },
    {
      method: 'post',
      path: '/api/dossiers/{code}/withdraw',
      operationId: 'withdrawDossier',
      summary: 'Record the citizen’s withdrawal',
      description: 'Open steps are cancelled; nothing moves the dossier again.',
      tag: 'dossiers',
      roles: ['desk'],
      pathParams: codeParam,
      body: { schema: ref('Withdrawal'), required: false },
      responses: {
        200: { description: 'Withdrawn', schema: ref('Withdrawn') },
        409: { description: 'The dossier is already closed', schema: ref('Problem') },
      },
      async handler({ params, body, caller }) {
        const input = (body ?? {}) as { reason?: string };
        const r = await deps.engine.dossiers.withdraw(params.code, { actor: caller.actor, reason: input.reason });
        return ok({ dossierCode: r.dossierCode, status: statusJson(r.status) });
      },
    },
  ];
}
