import type { ResolvedDeps } from '../apiDeps.js';
import { actingFor, departmentScope } from '../auth/departmentScope.js';
import { ok, type RouteSpec } from '../http/route.js';
import { routedTaskJson, statusJson } from '../views/jsonViews.js';
import { lockedJobJson } from '../views/eventViews.js';
import { ref, UUID } from '../openapi/schemas.js';

const idParam = { id: { schema: UUID, description: 'Job id', entity: 'job' } };
const WORKERS = ['officer', 'admin'] as const;

export function jobRoutes(deps: ResolvedDeps): RouteSpec[] {
  return [
    {
      method: 'post',
      path: '/api/jobs/fetch-and-lock',
      operationId: 'fetchAndLockJobs',
      summary: 'Fetch and lock external jobs',
      description:
        'A department’s software takes up to `max` open jobs of a `jobType` (service and send tasks with onestop:jobType), with the dossier’s data, locked for it for `lockSeconds`. ' +
        'An expired lock makes the job fetchable again. An officer key fetches its own department’s jobs only.',
      tag: 'jobs',
      roles: WORKERS,
      body: { schema: ref('FetchJobsInput') },
      responses: { 200: { description: 'The jobs now locked for the caller (possibly none)', schema: ref('LockedJobs') } },
      async handler({ body, caller }) {
        const input = body as { jobType: string; department?: string; max: number; lockSeconds: number };
        const department = departmentScope(caller, input.department, 'fetch the jobs');
        const jobs = await deps.engine.jobs.fetchAndLock({ ...input, department: department ?? null, worker: caller.actor });
        return ok({ items: jobs.map(lockedJobJson) });
      },
    },
    {
      method: 'post',
      path: '/api/jobs/{id}/complete',
      operationId: 'completeJob',
      summary: 'Complete an external job',
      description: 'By the worker holding its lock. `data` is checked against the task’s onestop:formSchema and merged into the dossier, which moves on.',
      tag: 'jobs',
      roles: WORKERS,
      pathParams: idParam,
      body: { schema: ref('CompleteJobInput'), required: false },
      responses: {
        200: { description: 'Completed', schema: ref('JobCompleted') },
        409: { description: 'Not locked by the caller (or the lock expired), or no longer open', schema: ref('Problem') },
        422: { description: '`data` fails the form, or the process cannot go on (an incident is opened)', schema: ref('Problem') },
      },
      async handler({ params, body, caller }) {
        const data = (body as { data?: Record<string, unknown> } | undefined)?.data;
        const r = await deps.engine.jobs.complete(params.id, { worker: caller.actor, actingFor: actingFor(caller), data });
        return ok({ dossierCode: r.dossierCode, status: statusJson(r.status), tasks: r.created.map(routedTaskJson) });
      },
    },
    {
      method: 'post',
      path: '/api/jobs/{id}/fail',
      operationId: 'failJob',
      summary: 'Report a failed external job',
      description: 'Releases the lock; the job can be fetched again after `retryInSeconds` while `retries` remain. With `retries` 0 the job becomes an incident on the dossier.',
      tag: 'jobs',
      roles: WORKERS,
      pathParams: idParam,
      body: { schema: ref('FailJobInput') },
      responses: {
        200: { description: 'Recorded', schema: ref('JobFailed') },
        409: { description: 'Not locked by the caller, or no longer open', schema: ref('Problem') },
      },
      async handler({ params, body, caller }) {
        const input = body as { message: string; retries: number; retryInSeconds?: number };
        const r = await deps.engine.jobs.fail(params.id, { ...input, worker: caller.actor, actingFor: actingFor(caller) });
        return ok({ id: params.id, retries: r.retries, incidentId: r.incidentId });
      },
    },
  ];
}
