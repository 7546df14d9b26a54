import type { ResolvedDeps } from '../apiDeps.js';
import type { DeliveryStatus } from '../../engine/index.js';
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
        const [departments, webhooks] = await Promise.all([deps.engine.read.departments(), caller.key?.role === 'admin' ? deps.engine.read.webhooks() : []]);
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
        const saved = await deps.engine.departments.save(input);
        const department = { code: input.code, name: input.name, agency: input.agency };
        return saved.created ? created(department, `/api/departments/${input.code}`) : ok(department);
      },
    },
    {
      method: 'put',
      path: '/api/departments/{code}/webhook',
      operationId: 'setWebhook',
      summary: 'Set a department’s webhook',
      description:
        'Events for the department (task.created, task.warning, task.breached; the desk also gets dossier.warning, dossier.breached, dossier.resolved) are POSTed as JSON to `url`, ' +
        'signed per Standard Webhooks: `webhook-id` (the same on every retry), `webhook-timestamp` and `webhook-signature: v1,<base64 HMAC-SHA256 of id.timestamp.body>` ' +
        '(a `whsec_` secret is its base64-decoded key, any other secret its UTF-8 bytes), plus `X-Onestop-Event` and `X-Onestop-Delivery`. ' +
        'Loopback, private, link-local and metadata addresses are refused unless listed in WEBHOOK_ALLOW_HOSTS. ' +
        'A failed delivery is retried with exponential back-off; see GET /api/webhook-deliveries.',
      tag: 'departments',
      roles: ['admin'],
      pathParams: codeParam,
      body: { schema: ref('WebhookConfig') },
      responses: {
        200: { description: 'Saved (the secret is never returned)', schema: ref('Webhook') },
        422: { description: 'The address is refused (inside the network and not allow-listed, or not resolvable)', schema: ref('Problem') },
      },
      async handler({ params, body }) {
        if (!(await deps.engine.read.department(params.code))) throw notFound(`department ${params.code} does not exist`);
        const input = body as { url: string; secret: string };
        const w = await deps.engine.webhooks.set(params.code, input);
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
        if (!(await deps.engine.webhooks.remove(params.code))) throw notFound(`department ${params.code} has no webhook`);
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
        const page = await deps.engine.read.webhookDeliveries({ department: query.department, status: query.status as DeliveryStatus | undefined, ...p });
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
