import type { ResolvedDeps } from '../apiDeps.js';
import { auditActor } from '../http/authenticate.js';
import { forbidden, invalidData } from '../http/problem.js';
import { created, ok, type RouteSpec } from '../http/route.js';
import { PAGE_QUERY, pageOf } from '../http/queryParams.js';
import { taskJson } from '../views/jsonViews.js';
import { personJson } from '../views/personViews.js';
import { DEPARTMENT_CODE, ref, UUID } from '../openapi/schemas.js';

const idParam = { id: { schema: UUID, description: 'Person id', entity: 'person' } };

export function personRoutes(deps: ResolvedDeps): RouteSpec[] {
  return [
    {
      method: 'post',
      path: '/api/people',
      operationId: 'createPerson',
      summary: 'Create a person',
      description: 'A personal account with its memberships (role × department). A password given here is changed by the person at the first sign-in; without one the person signs in through SSO.',
      tag: 'people',
      roles: ['admin'],
      body: { schema: ref('NewPerson') },
      responses: { 201: { description: 'Created', schema: ref('Person') }, 409: { description: 'The username is taken', schema: ref('Problem') }, 422: { description: 'A weak password, an unknown department, a role without its department', schema: ref('Problem') } },
      async handler({ body, caller }) {
        const person = await deps.engine.people.create(body, auditActor(caller));
        return created(personJson(person), `/api/people/${person.id}`);
      },
    },
    {
      method: 'get',
      path: '/api/people',
      operationId: 'listPeople',
      summary: 'List people',
      tag: 'people',
      roles: ['admin'],
      query: {
        search: { schema: { type: 'string', minLength: 1, maxLength: 100 }, description: 'Part of the username or the full name.' },
        department: { schema: DEPARTMENT_CODE, description: 'Only members of this department.' },
        active: { schema: { type: 'boolean' }, description: 'Only active (true) or deactivated (false) people.' },
        ...PAGE_QUERY,
      },
      responses: { 200: { description: 'One page, by username', schema: ref('PersonPage') } },
      async handler({ query }) {
        const p = pageOf(query);
        const page = await deps.engine.read.people({ search: query.search, department: query.department, active: query.active, ...p });
        return ok({ items: page.items.map(personJson), total: page.total, ...p });
      },
    },
    {
      method: 'patch',
      path: '/api/people/{id}',
      operationId: 'updatePerson',
      summary: 'Change a person',
      description: 'Full name, memberships, deactivation (`active: false`: every session ends at once) or a new password (reset: every session ends, changed at the next sign-in). Recorded in the audit log.',
      tag: 'people',
      roles: ['admin'],
      pathParams: idParam,
      body: { schema: ref('PersonChange') },
      responses: { 200: { description: 'The person as changed', schema: ref('Person') }, 422: { description: 'A weak password, an unknown department', schema: ref('Problem') } },
      async handler({ params, body, caller }) {
        if (caller.who?.kind === 'person' && caller.who.personId === params.id && (body.active === false || body.memberships)) {
          throw forbidden('an administrator cannot deactivate themselves or change their own memberships: ask another administrator');
        }
        return ok(personJson(await deps.engine.people.update(params.id, body, auditActor(caller))));
      },
    },
    {
      method: 'post',
      path: '/api/people/import',
      operationId: 'importPeople',
      summary: 'Import people from CSV',
      description:
        'One line per membership, under a header naming the columns `username, fullName, role, department, password` (department and password optional). ' +
        'Lines of one username make one person with several memberships. With `dryRun=true` nothing is created: the report shows the errors of each line. ' +
        'Without it, everyone is created in one transaction, or nobody while a line has an error (422 with the report).',
      tag: 'people',
      roles: ['admin'],
      query: { dryRun: { schema: { type: 'boolean', default: false }, description: 'Check only.' } },
      body: { schema: ref('PeopleImport') },
      responses: { 200: { description: 'The report (of the check, or of the import)', schema: ref('PeopleImportReport') }, 422: { description: 'A line has an error: nothing imported; `errors` name each line', schema: ref('Problem') } },
      async handler({ query, body, caller }) {
        const report = await deps.engine.people.importPeople(body.csv, { dryRun: query.dryRun ?? false }, auditActor(caller));
        if (report.errorLines && !report.dryRun) {
          const errors = report.lines.flatMap((l) => l.errors.map((e) => ({ in: 'body' as const, path: `/csv/line/${l.line}${e.path}`, message: e.message })));
          throw invalidData(`${report.errorLines} line(s) of the file have errors: nobody was imported (check the file with dryRun=true)`, errors);
        }
        return ok({ ...report, imported: !report.dryRun });
      },
    },
    {
      method: 'post',
      path: '/api/tasks/{id}/assign',
      operationId: 'assignTask',
      summary: 'Reassign a task to a colleague',
      description: 'A lead hands a step of the department to an officer of the same department, claimed or not. The history shows the step claimed by the colleague; the audit log records who reassigned it from whom.',
      tag: 'tasks',
      roles: ['lead'],
      pathParams: { id: { schema: UUID, description: 'Task id', entity: 'task' } },
      body: { schema: ref('TaskAssignment') },
      responses: { 200: { description: 'The task, claimed by the colleague', schema: ref('Task') }, 409: { description: 'The colleague is not an officer of the department, or the task is done', schema: ref('Problem') } },
      async handler({ params, body, caller }) {
        const to = body.personId ? { personId: body.personId as string } : { username: body.username as string };
        const task = await deps.engine.tasks.assign(params.id, { to, leadOf: caller.leadOf ?? [], by: auditActor(caller) });
        return ok(taskJson(task));
      },
    },
  ];
}

