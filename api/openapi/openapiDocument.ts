import type { JsonSchema, RouteSpec } from '../http/route.js';
import { ref, SCHEMAS } from './schemas.js';
import { WORKSPACE_SCHEMAS } from './workspaceSchemas.js';
import { CALENDAR_SCHEMAS } from './calendarSchemas.js';
import { EVENT_SCHEMAS } from './eventSchemas.js';
import { PEOPLE_SCHEMAS } from './peopleSchemas.js';
import { NOTICE_SCHEMAS } from './noticeSchemas.js';
import { LIFECYCLE_SCHEMAS, REPORT_SCHEMAS } from './lifecycleSchemas.js';
import { PUBLISHING_SCHEMAS } from './publishingSchemas.js';

export type OpenApiDocument = Record<string, unknown> & {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes?: Record<string, unknown>; parameters?: Record<string, unknown> };
};

export interface OpenApiOperation {
  operationId: string;
  parameters?: Array<{ name: string; in: 'path' | 'query'; required: boolean; description: string; schema: JsonSchema }>;
  requestBody?: { required: boolean; description?: string; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: JsonSchema }> }>;
  [key: string]: unknown;
}

export const XML_CONTENT_TYPES = ['application/xml', 'text/xml', 'application/bpmn+xml'];

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ref('Problem') } } });

const ROLE_TEXT: Record<string, string> = {
  admin: 'admin',
  analyst: 'analyst',
  desk: 'desk',
  officer: 'officer (its own department)',
  supervisor: 'supervisor',
  lead: 'lead (its own department)',
};

/**
 * The OpenAPI 3.1 document, built from the same route table the server runs,
 * with the refusals every route can give (401/403, 400, 404, 413, 415) added
 * from what the route declares.
 */
export function buildOpenApiDocument(routes: readonly RouteSpec[], version: string): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {
    '/health': {
      get: {
        operationId: 'health',
        summary: 'Database and scheduler state',
        tags: ['system'],
        security: [],
        responses: {
          200: { description: 'Everything is up', content: { 'application/json': { schema: ref('Health') } } },
          503: { description: 'Something is down', content: { 'application/json': { schema: ref('Health') } } },
        },
      },
    },
    '/api/openapi.json': {
      get: {
        operationId: 'openApiDocument',
        summary: 'This document',
        tags: ['system'],
        security: [],
        responses: { 200: { description: 'OpenAPI 3.1', content: { 'application/json': { schema: { type: 'object' } } } } },
      },
    },
    '/api/docs': {
      get: {
        operationId: 'apiReference',
        summary: 'Browsable reference (Swagger UI, served locally)',
        tags: ['system'],
        security: [],
        responses: { 200: { description: 'HTML page', content: { 'text/html': { schema: { type: 'string' } } } } },
      },
    },
  };
  for (const route of routes) {
    const operation: OpenApiOperation = {
      operationId: route.operationId,
      summary: route.summary,
      description: [route.description, route.roles === 'public' ? 'No token needed.' : `Roles: ${route.roles.map((r) => ROLE_TEXT[r]).join(', ')}.`]
        .filter(Boolean)
        .join('\n\n'),
      tags: [route.tag],
      security: route.roles === 'public' ? [] : [{ bearer: [] }, { session: [] }],
      'x-roles': route.roles === 'public' ? [] : [...route.roles],
      responses: {},
    };
    const parameters = [
      ...Object.entries(route.pathParams ?? {}).map(([name, p]) => ({ name, in: 'path' as const, required: true, description: p.description, schema: p.schema })),
      ...Object.entries(route.query ?? {}).map(([name, p]) => ({ name, in: 'query' as const, required: p.required ?? false, description: p.description, schema: p.schema })),
    ];
    // Last, so path and query parameters keep their positions (request checks point at them).
    const withUser = route.roles === 'public' ? parameters : [...parameters, { $ref: '#/components/parameters/OnestopUser' }];
    if (withUser.length) operation.parameters = withUser as OpenApiOperation['parameters'];
    if (route.body) {
      const content: Record<string, { schema: JsonSchema }> = route.body.kind === 'xml'
        ? Object.fromEntries(XML_CONTENT_TYPES.map((t) => [t, { schema: route.body!.schema }]))
        : route.body.kind === 'multipart'
          ? { 'multipart/form-data': { schema: route.body.schema } }
          : { 'application/json': { schema: route.body.schema } };
      if (route.body.multipart) content['multipart/form-data'] = { schema: route.body.multipart.schema };
      operation.requestBody = { required: route.body.required ?? true, ...(route.body.description ? { description: route.body.description } : {}), content };
    }
    for (const [status, r] of Object.entries(route.responses)) {
      const content: Record<string, { schema: JsonSchema }> = {};
      if (r.schema) content[Number(status) >= 400 ? 'application/problem+json' : 'application/json'] = { schema: r.schema };
      for (const [type, schema] of Object.entries(r.alternatives ?? {})) content[type] = { schema };
      operation.responses[status] = { description: r.description, ...(Object.keys(content).length ? { content } : {}) };
    }
    const add = (status: number, description: string) => {
      if (!operation.responses[status]) operation.responses[status] = problem(description);
    };
    // Unknown query parameters are refused everywhere, hence 400 on every operation.
    add(400, 'Malformed request: not JSON, a wrong type, an unknown field or query parameter, a missing required field, a body where none is taken');
    if (route.roles !== 'public') {
      add(401, 'No token, an unknown token or a revoked token');
      add(403, 'The role (or the department of an officer key) does not allow this');
    }
    if (route.pathParams) add(404, 'No such resource');
    if (route.method !== 'get') {
      const files = route.body?.kind === 'multipart' || !!route.body?.multipart;
      add(413, files ? 'The body is larger than the limit (1 MB for JSON; a file over the per-file limit, 20 MB by default, or a dossier over its limit, 100 MB by default)' : 'The body is larger than the limit (1 MB for JSON, 5 MB for BPMN)');
      add(415, route.body?.kind === 'xml' ? 'The body is not XML (application/xml)' : files ? 'The body is not multipart/form-data (or JSON where taken), or a file is not a PDF, JPEG, PNG, DOCX or XLSX file judged by its bytes' : 'The body is not JSON (application/json)');
    }
    add(500, 'Unexpected server failure (logged; never a stack trace)');
    (paths[route.path] ??= {})[route.method] = operation;
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'One-stop workflow engine API',
      version,
      description: [
        'REST API of the one-stop (một cửa liên thông) workflow engine: the desk receives dossiers, departments pull and complete their routed tasks,',
        'analysts deploy BPMN procedures, supervisors follow breaches and the statutory report (form 06), citizens look a dossier up by its code.',
        '',
        'Authentication: `Authorization: Bearer <token>`, an API key created by an administrator (`POST /api/keys`).',
        'An officer key acts for one department only. Every refusal is `application/problem+json`: 400 for a malformed request',
        '(not JSON, wrong type, unknown field), 422 for data a procedure form or a rule refuses, 409 for a conflict with the current state.',
        'Times are ISO 8601 in UTC; report periods are dates in Vietnam (Asia/Ho_Chi_Minh).',
      ].join('\n'),
    },
    servers: [{ url: '/' }],
    tags: [
      { name: 'session', description: 'Personal sign-in: password, single sign-on, sign-out' },
      { name: 'people', description: 'People and their memberships (administrator)' },
      { name: 'audit', description: 'The audit log (administrator)' },
      { name: 'keys', description: 'API keys of systems (administrator)' },
      { name: 'departments', description: 'Department registry and webhooks (administrator)' },
      { name: 'procedures', description: 'BPMN procedure versions (analyst)' },
      { name: 'dossiers', description: 'Reception and the dossier lifecycle (desk)' },
      { name: 'tasks', description: 'Routed steps (departments)' },
      { name: 'supervision', description: 'Breaches and form 06 (supervisor)' },
      { name: 'workspace', description: 'What the browser workspace shows: who is signed in, the inbox, the supervisor’s dashboard, dossier progress, heat maps' },
      { name: 'calendars', description: 'Business calendars and the yearly day swaps (administrator)' },
      { name: 'messages', description: 'Messages from other agencies to the dossiers waiting for them' },
      { name: 'jobs', description: 'External jobs: service and send tasks done by a department’s software (fetch and lock, complete, fail)' },
      { name: 'incidents', description: 'What the engine could not carry out, until an administrator retries it' },
      { name: 'public', description: 'Citizen lookup, no token' },
      { name: 'notices', description: 'Notices to citizens: their wording and the delivery log (administrator)' },
      { name: 'system', description: 'Health' },
    ],
    paths,
    components: {
      schemas: { ...SCHEMAS, ...WORKSPACE_SCHEMAS, ...CALENDAR_SCHEMAS, ...EVENT_SCHEMAS, ...LIFECYCLE_SCHEMAS, ...REPORT_SCHEMAS, ...PEOPLE_SCHEMAS, ...NOTICE_SCHEMAS, ...PUBLISHING_SCHEMAS },
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'An API key of a system, created with POST /api/keys' },
        session: { type: 'apiKey', in: 'cookie', name: 'onestop_session', description: 'A person’s session (POST /api/session); changes also need the X-CSRF-Token header' },
      },
      parameters: {
        OnestopUser: {
          name: 'X-Onestop-User',
          in: 'header',
          required: false,
          // No angle brackets in descriptions: Swagger UI reads them as HTML tags and drops them.
          description:
            'The person behind a key shared by a department’s software: recorded as the actor, written `Lê Thu Hà (Phần mềm Tư pháp xã)` (the person, then the key’s name), and used for claims. ' +
            'Plain ASCII, or UTF-8 percent-encoded (L%C3%AA%20Thu%20H%C3%A0), 1 to 100 characters.',
          schema: { type: 'string', minLength: 1, maxLength: 300 },
        },
      },
    },
  };
}
