import type { ResolvedDeps } from '../apiDeps.js';
import { withTransaction } from '../../engine/store/db.js';
import { getDepartment, listDepartments, upsertDepartment } from '../../engine/store/departments/departmentRows.js';
import { deleteWebhook, listDeliveries, listWebhooks, upsertWebhook, type DeliveryStatus } from '../../engine/store/webhooks/webhookRows.js';
import { notFound } from '../http/problem.js';
import { created, noContent, ok, type RouteSpec } from '../http/route.js';
import { PAGE_QUERY, pageOf } from '../http/queryParams.js';
import { iso } from '../views/jsonViews.js';
import { DEPARTMENT_CODE, ref } from '../openapi/schemas.js';

const codeParam = { code: { schema: DEPARTMENT_CODE, description: 'Department code', entity: 'department' } };

export function departmentRoutes(deps: ResolvedDeps): RouteSpec[] {
  return [
    {
      method: 'get',
      path: '/api/departments',
      operationId: 'listDepartments',
      summary: 'List departments',
      description: 'Administrators also see where each department’s webhook points.',
      tag: 'departments',
      roles: ['admin', 'analyst', 'desk', 'officer', 'supervisor'],
      responses: { 200: { description: 'Every department', schema: ref('DepartmentList') } },
      async handler({ caller }) {
        const [departments, webhooks] = await Promise.all([listDepartments(deps.pool), caller.key?.role === 'admin' ? listWebhooks(deps.pool) : []]);
        const byDepartment = new Map(webhooks.map((w) => [w.department, w]));
        return ok({
          items: departments.map((d) => {
            const w = byDepartment.get(d.code);
            return {
              code: d.code,
              name: d.name,
              agency: d.agency,
              ...(caller.key?.role === 'admin' ? { webhook: w ? { url: w.url, updatedAt: iso(w.updatedAt) } : null } : {}),
            };
          }),
        });
      },
    },
    {
      method: 'post',
      path: '/api/departments',
      operationId: 'saveDepartment',
      summary: 'Add or rename a department',
      description: 'Creates the department (201) or updates the name and agency of an existing code (200).',
      tag: 'departments',
      roles: ['admin'],
      body: { schema: ref('NewDepartment') },
      responses: { 200: { description: 'Updated', schema: ref('Department') }, 201: { description: 'Created', schema: ref('Department') } },
      async handler({ body }) {
        const input = body as { code: string; name: string; agency: string };
        const existed = await withTransaction(deps.pool, async (client) => {
          const before = await getDepartment(client, input.code);
          await upsertDepartment(client, { code: input.code, name: input.name, agency: input.agency, calendarId: null });
          return before !== null;
        });
        const department = { code: input.code, name: input.name, agency: input.agency };
        return existed ? ok(department) : created(department, `/api/departments/${input.code}`);
      },
    },
    {
      method: 'put',
      path: '/api/departments/{code}/webhook',
      operationId: 'setWebhook',
      summary: 'Set a department’s webhook',
      description:
        'Events for the department (task.created, task.warning, task.breached; the desk also gets dossier.warning, dossier.breached, dossier.resolved) are POSTed as JSON to `url`, ' +
        'with `X-Onestop-Signature: sha256=<hex HMAC-SHA256 of the body under secret>`, `X-Onestop-Event` and `X-Onestop-Delivery` (the same id on every retry). ' +
        'A failed delivery is retried with exponential back-off; see GET /api/webhook-deliveries.',
      tag: 'departments',
      roles: ['admin'],
      pathParams: codeParam,
      body: { schema: ref('WebhookConfig') },
      responses: { 200: { description: 'Saved (the secret is never returned)', schema: ref('Webhook') } },
      async handler({ params, body }) {
        if (!(await getDepartment(deps.pool, params.code))) throw notFound(`department ${params.code} does not exist`);
        const input = body as { url: string; secret: string };
        const w = await upsertWebhook(deps.pool, params.code, input.url, input.secret, deps.clock());
        return ok({ department: w.department, url: w.url, createdAt: iso(w.createdAt), updatedAt: iso(w.updatedAt) });
      },
    },
    {
      method: 'delete',
      path: '/api/departments/{code}/webhook',
      operationId: 'deleteWebhook',
      summary: 'Remove a department’s webhook',
      description: 'Pending deliveries are cancelled when their next attempt comes.',
      tag: 'departments',
      roles: ['admin'],
      pathParams: codeParam,
      responses: { 204: { description: 'Removed' } },
      async handler({ params }) {
        if (!(await deleteWebhook(deps.pool, params.code))) throw notFound(`department ${params.code} has no webhook`);
        return noContent();
      },
    },
    {
      method: 'get',
      path: '/api/webhook-deliveries',
      operationId: 'listWebhookDeliveries',
      summary: 'List webhook deliveries',
      description: 'Newest first, with their status, attempts and the last error.',
      tag: 'departments',
      roles: ['admin'],
      query: {
        department: { schema: DEPARTMENT_CODE, description: 'Only this department’s.' },
        status: { schema: { type: 'string', enum: ['pending', 'retrying', 'delivered', 'failed', 'cancelled'] }, description: 'Only deliveries in this state.' },
        ...PAGE_QUERY,
      },
      responses: { 200: { description: 'One page', schema: ref('WebhookDeliveryPage') } },
      async handler({ query }) {
        const p = pageOf(query);
        const page = await listDeliveries(deps.pool, { department: query.department, status: query.status as DeliveryStatus | undefined, ...p });
        return ok({
          items: page.items.map((d) => ({
            ...d,
            createdAt: iso(d.createdAt),
            lastAttemptAt: iso(d.lastAttemptAt),
            nextAttemptAt: iso(d.nextAttemptAt),
            deliveredAt: iso(d.deliveredAt),
          })),
          total: page.total,
          ...p,
        });
      },
    },
  ];
}
