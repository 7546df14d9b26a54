import { actingForTask, departmentScope } from '../auth/departmentScope.js';
import type { ResolvedDeps } from '../apiDeps.js';
import type { TaskStatus } from '../../engine/index.js';
import { ok, type RouteSpec } from '../http/route.js';
import { PAGE_QUERY, pageOf } from '../http/queryParams.js';
import { routedTaskJson, statusJson, taskDetailJson, taskJson } from '../views/jsonViews.js';
import { DEPARTMENT_CODE, DOSSIER_CODE, ref, UUID } from '../openapi/schemas.js';

const idParam = { id: { schema: UUID, description: 'Task id', entity: 'task' } };

export function taskRoutes(deps: ResolvedDeps): RouteSpec[] {
  return [
    {
      method: 'get',
      path: '/api/tasks',
      operationId: 'listTasks',
      summary: 'List tasks',
      description:
        'Most urgent first (by due time). An officer sees its own department’s tasks only: asking for another `department` is refused (403). ' +
        'Without `status`, the open and claimed ones. Only the steps an officer does (user tasks): the external jobs of a department’s software ' +
        'are fetched and locked through `POST /api/jobs/fetch-and-lock`, and a reply a department awaits (receive task) is listed under ' +
        '`waitingOn` of `GET /api/dossiers/{code}`.',
      tag: 'tasks',
      roles: ['officer', 'desk', 'supervisor'],
      query: {
        status: { schema: { type: 'string', enum: ['open', 'claimed', 'completed', 'cancelled'] }, description: 'Only tasks in this state (default: open and claimed).' },
        department: { schema: DEPARTMENT_CODE, description: 'Only this department’s (an officer’s own by default).' },
        assignee: { schema: { type: 'string', minLength: 1, maxLength: 200 }, description: 'Only tasks claimed by this actor.' },
        dossierCode: { schema: DOSSIER_CODE, description: 'Only this dossier’s.' },
        ...PAGE_QUERY,
      },
      responses: { 200: { description: 'One page', schema: ref('TaskPage') } },
      async handler({ query, caller }) {
        const department = departmentScope(caller, query.department, 'list the tasks');
        const p = pageOf(query);
        const statuses: TaskStatus[] = query.status ? [query.status] : ['open', 'claimed'];
        const page = await deps.engine.read.tasks({ statuses, department, assignee: query.assignee, dossierCode: query.dossierCode, ...p });
        return ok({ items: page.items.map(taskJson), total: page.total, ...p });
      },
    },
    {
      method: 'get',
      path: '/api/tasks/{id}',
      operationId: 'getTask',
      summary: 'Get a task',
      description: 'With the step’s form (JSON Schema) and the dossier’s applicant and data, what the department needs to do the step.',
      tag: 'tasks',
      roles: ['officer', 'desk', 'supervisor'],
      pathParams: idParam,
      responses: { 200: { description: 'The task', schema: ref('TaskDetail') } },
      async handler({ params, caller }) {
        const { task, dossier } = await deps.engine.read.task(params.id, await actingForTask(deps, caller, params.id));
        return ok(taskDetailJson(task, dossier));
      },
    },
    {
      method: 'post',
      path: '/api/tasks/{id}/claim',
      operationId: 'claimTask',
      summary: 'Claim a task',
      description: 'Marks the task as being handled by the caller (the `X-Onestop-User` header names the officer behind a shared key). Claiming one’s own claim again changes nothing.',
      tag: 'tasks',
      roles: ['officer'],
      pathParams: idParam,
      responses: { 200: { description: 'Claimed', schema: ref('Task') }, 409: { description: 'Completed, cancelled, or claimed by someone else', schema: ref('Problem') } },
      async handler({ params, caller }) {
        return ok(taskJson(await deps.engine.tasks.claim(params.id, { actor: caller.actor, actingFor: await actingForTask(deps, caller, params.id) })));
      },
    },
    {
      method: 'post',
      path: '/api/tasks/{id}/unclaim',
      operationId: 'unclaimTask',
      summary: 'Release a claimed task',
      tag: 'tasks',
      roles: ['officer'],
      pathParams: idParam,
      responses: { 200: { description: 'Open again', schema: ref('Task') }, 409: { description: 'Completed, cancelled, or claimed by someone else', schema: ref('Problem') } },
      async handler({ params, caller }) {
        return ok(taskJson(await deps.engine.tasks.unclaim(params.id, { actor: caller.actor, actingFor: await actingForTask(deps, caller, params.id) })));
      },
    },
    {
      method: 'post',
      path: '/api/tasks/{id}/complete',
      operationId: 'completeTask',
      summary: 'Complete a task',
      description: '`data` is checked against the step’s form (422 with every problem), merged into the dossier, and the dossier moves on to its next steps.',
      tag: 'tasks',
      roles: ['officer'],
      pathParams: idParam,
      body: { schema: ref('TaskCompletion'), required: false },
      responses: {
        200: { description: 'Completed; the dossier’s open tasks now', schema: ref('TaskCompleted') },
        409: { description: 'Already completed, cancelled, claimed by someone else, or the dossier is not being processed', schema: ref('Problem') },
        422: { description: 'The data does not satisfy the step’s form', schema: ref('Problem') },
      },
      async handler({ params, body, caller }) {
        const input = (body ?? {}) as { data?: Record<string, unknown>; documents?: string[] };
        const department = await actingForTask(deps, caller, params.id);
        // The step's result papers (onestop:resultDocuments) must be among the documents named.
        await deps.engine.documents.checkCompletion(params.id, input.documents, { actingFor: department });
        const r = await deps.engine.tasks.complete(params.id, { actor: caller.actor, actingFor: department, data: input.data ?? {} });
        return ok({ dossierCode: r.dossierCode, status: statusJson(r.status), timeliness: r.timeliness, openTasks: r.openTasks.map(routedTaskJson) });
      },
    },
  ];
}

