import type { ResolvedDeps } from '../apiDeps.js';
import { ok, type RouteSpec } from '../http/route.js';
import { iso, routedTaskJson, statusJson } from '../views/jsonViews.js';
import { DOSSIER_CODE, ref } from '../openapi/schemas.js';
import { DOSSIER_STATUSES, type DossierStatus } from '../../engine/index.js';

// The desk's moves of the national status lifecycle besides reception,
// supplement, withdrawal and return (api/routes/dossierRoutes.ts).

const codeParam = { code: { schema: DOSSIER_CODE, description: 'Dossier code', entity: 'dossier' } };
const conflict = (what: string) => ({ description: `The dossier is not in a status that allows ${what}`, schema: ref('Problem') });
const statusOf = (status: DossierStatus) => ({ status: statusJson(status), statusCode: DOSSIER_STATUSES[status] });

export function statusRoutes(deps: ResolvedDeps): RouteSpec[] {
  return [
    {
      method: 'post',
      path: '/api/dossiers/{code}/accept',
      operationId: 'acceptDossier',
      summary: 'Accept a dossier filed online',
      description: 'The desk checked a dossier in status 1 (new) and found it valid and complete: it is received (2) now, its clock starts, its first steps are routed and it is processing (4).',
      tag: 'dossiers',
      roles: ['desk'],
      pathParams: codeParam,
      responses: { 200: { description: 'Received and processing', schema: ref('DossierAccepted') }, 409: conflict('an acceptance (only new)') },
      async handler({ params, caller }) {
        const r = await deps.engine.dossiers.accept(params.code, { actor: caller.actor });
        return ok({ dossierCode: r.dossierCode, ...statusOf(r.status), receivedAt: iso(r.receivedAt), clockStartedAt: iso(r.clockStartedAt), dueAt: iso(r.dueAt), tasks: r.tasks.map(routedTaskJson) });
      },
    },
    {
      method: 'post',
      path: '/api/dossiers/{code}/refuse',
      operationId: 'refuseDossier',
      summary: 'Refuse a dossier filed online',
      description: 'Status 3 (not received), with the reasons printed on the refusal slip (Form 03).',
      tag: 'dossiers',
      roles: ['desk'],
      pathParams: codeParam,
      body: { schema: ref('Refusal') },
      responses: { 200: { description: 'Not received', schema: ref('DossierRefused') }, 409: conflict('a refusal (only new)') },
      async handler({ params, body, caller }) {
        const input = body as { reasons: string[] };
        const r = await deps.engine.dossiers.refuse(params.code, { actor: caller.actor, reasons: input.reasons });
        return ok({ dossierCode: r.dossierCode, ...statusOf(r.status), refusedAt: iso(r.refusedAt), reasons: r.reasons });
      },
    },
    {
      method: 'post',
      path: '/api/dossiers/{code}/stop',
      operationId: 'stopDossier',
      summary: 'Stop processing a dossier',
      description: 'The formal stop of Decree 118 art. 21 (notice on Form 05), status 8: open steps are cancelled and the promised date stops.',
      tag: 'dossiers',
      roles: ['desk'],
      pathParams: codeParam,
      body: { schema: ref('Stop') },
      responses: { 200: { description: 'Stopped', schema: ref('DossierStopped') }, 409: conflict('a stop') },
      async handler({ params, body, caller }) {
        const input = body as { reason: string };
        const r = await deps.engine.dossiers.stop(params.code, { actor: caller.actor, reason: input.reason });
        return ok({ dossierCode: r.dossierCode, ...statusOf(r.status), stoppedAt: iso(r.stoppedAt) });
      },
    },
    {
      method: 'post',
      path: '/api/dossiers/{code}/fees',
      operationId: 'payDossierFees',
      summary: 'Record the payment of the fees',
      description:
        'A dossier of a procedure with `onestop:fee` waits for its fees and charges when its process ends (status 6, awaiting financial obligation). ' +
        'The payment resolves it (9); the promised date moves by the working time it waited (the citizen’s time is not the agency’s).',
      tag: 'dossiers',
      roles: ['desk'],
      pathParams: codeParam,
      body: { schema: ref('FeePayment') },
      responses: {
        200: { description: 'Paid and resolved', schema: ref('FeesPaid') },
        409: conflict('a payment (only awaiting fees)'),
        422: { description: 'The amount does not cover the fee, or paidAt is in the future', schema: ref('Problem') },
      },
      async handler({ params, body, caller }) {
        const input = body as { amount: number; paidAt: string; online: boolean };
        const r = await deps.engine.dossiers.payFees(params.code, { actor: caller.actor, amount: input.amount, paidAt: new Date(input.paidAt), online: input.online });
        return ok({ dossierCode: r.dossierCode, ...statusOf(r.status), resolvedAt: iso(r.resolvedAt), dueAt: iso(r.dueAt) });
      },
    },
  ];
}
