import express, { type Request, type RequestHandler, type Response } from 'express';
import { pipeline } from 'node:stream/promises';
import type { OpenApiDocument } from '../openapi/openapiDocument.js';
import { XML_CONTENT_TYPES } from '../openapi/openapiDocument.js';
import { callerFor, type AuthDeps } from './authenticate.js';
import { badRequest, HttpProblem, notFound, PROBLEM_TYPES, problemHandler } from './problem.js';
import { ajvForDocument, check, compileRouteValidators } from './requestValidation.js';
import type { Reply, RouteSpec } from './route.js';
import { decodeXml, XmlEncodingError } from '../../engine/index.js';

export interface BodyLimits {
  /** JSON bodies (default 1 MB). */
  json: number;
  /** BPMN uploads (default 5 MB). */
  xml: number;
}

export const DEFAULT_LIMITS: BodyLimits = { json: 1024 * 1024, xml: 5 * 1024 * 1024 };

const JSON_TYPES = ['application/json', 'application/*+json'];

function hasBody(req: Request): boolean {
  return req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0');
}

function run(middleware: RequestHandler, req: Request, res: Response): Promise<void> {
  return new Promise((resolve, reject) => middleware(req, res, (err?: unknown) => (err ? reject(err) : resolve())));
}

function send(res: Response, reply: Reply): void {
  if (reply.stream) {
    for (const [k, v] of Object.entries(reply.headers ?? {})) res.setHeader(k, v);
    res.status(reply.status).type(reply.contentType ?? 'application/octet-stream');
    // Streamed (a document's bytes): a storage failure mid-way can only cut the connection.
    pipeline(reply.stream, res).catch(() => res.destroy());
    return;
  }
  for (const [k, v] of Object.entries(reply.headers ?? {})) res.setHeader(k, v);
  res.status(reply.status);
  if (reply.body === undefined) {
    res.end();
  } else if (!reply.contentType || reply.contentType === 'application/json') {
    res.json(reply.body);
  } else {
    res.type(reply.contentType).send(reply.body);
  }
}

const toExpressPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

/**
 * Registers the route table on a router. For each request, in order:
 * authenticate, authorize the role, read the body (size limit, media type),
 * check path, query and body against the OpenAPI document, then run the
 * handler. Nothing reaches the engine before every check passed.
 */
export function routerFor(routes: readonly RouteSpec[], deps: { auth: AuthDeps; document: OpenApiDocument; limits?: Partial<BodyLimits>; log: (line: string) => void }): express.Router {
  const limits = { ...DEFAULT_LIMITS, ...deps.limits };
  const strictAjv = ajvForDocument(deps.document);
  const coercingAjv = ajvForDocument(deps.document, { coerceTypes: true });
  const jsonParser = express.json({ limit: limits.json, type: JSON_TYPES, strict: true });
  // Bytes, decoded by the engine: the XML declaration names the encoding when the request does not.
  const xmlParser = express.raw({ limit: limits.xml, type: XML_CONTENT_TYPES });
  const router = express.Router();

  for (const route of routes) {
    const validators = compileRouteValidators(route, strictAjv, coercingAjv);
    router[route.method](toExpressPath(route.path), async (req: Request, res: Response) => {
      const caller = await callerFor(route, req, deps.auth);

      const params = { ...req.params } as Record<string, string>;
      if (validators.path && !validators.path(params)) {
        // A malformed id names nothing that exists: the same answer as an unknown one.
        const name = validators.path.errors?.[0]?.instancePath.slice(1) || Object.keys(route.pathParams ?? {})[0];
        const entity = route.pathParams?.[name]?.entity ?? name;
        const problem = notFound(`${entity} ${params[name]} does not exist`);
        if (entity === 'dossier') problem.because('dossier-not-found', { code: params[name] });
        if (entity === 'task') problem.because('task-not-found', { id: params[name] });
        throw problem;
      }
      const query = { ...(req.query as Record<string, unknown>) };
      check('query', validators.query, query);

      let body: unknown = undefined;
      // Files are streamed by the handler (api/http/multipartBody.ts), never buffered here.
      const multipart = (route.body?.kind === 'multipart' || !!route.body?.multipart) && !!req.is('multipart/form-data');
      if (route.body?.kind === 'multipart' && !multipart) throw unsupported(req, 'send the files as multipart/form-data');
      if (multipart) {
        // read by the handler
      } else if (route.body?.kind === 'xml') {
        if (!hasBody(req)) throw badRequest('the request body is empty: send the BPMN file as application/xml');
        if (!req.is(XML_CONTENT_TYPES)) throw unsupported(req, 'send the BPMN file with Content-Type: application/xml');
        await run(xmlParser, req, res);
        try {
          body = decodeXml(req.body as Buffer, req.get('content-type'));
        } catch (error) {
          if (error instanceof XmlEncodingError) throw badRequest(error.message);
          throw error;
        }
      } else if (hasBody(req)) {
        if (!req.is(JSON_TYPES)) throw unsupported(req, 'send the body as JSON with Content-Type: application/json');
        await run(jsonParser, req, res);
        body = req.body;
        if (!route.body) {
          // Tolerate `{}` (many clients always send one) but no content.
          if (body && typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0) body = undefined;
          else throw badRequest('this endpoint takes no body');
        }
      }
      if (route.body && route.body.kind !== 'xml' && !multipart) {
        if (body === undefined) {
          if (route.body.required ?? true) throw badRequest('the request body is missing: send a JSON object', [{ in: 'body', path: '', message: 'is required' }]);
        } else {
          check('body', validators.body, body);
        }
      }

      const reply = await route.handler({ params, query, body, caller, req, checkBody: (value: unknown) => check('body', validators.body, value) });
      await deps.auth.afterSuccess?.(route, caller, params, reply);
      send(res, reply);
    });
  }

  // A known path with another method: say which methods it has.
  const methods = new Map<string, string[]>();
  for (const r of routes) methods.set(r.path, [...(methods.get(r.path) ?? []), r.method.toUpperCase()]);
  for (const [path, allowed] of methods) {
    router.all(toExpressPath(path), (req) => {
      throw new HttpProblem(405, PROBLEM_TYPES.methodNotAllowed, 'Method not allowed', `${req.method} is not allowed on ${path}; use ${allowed.join(' or ')}`, undefined, { Allow: allowed.join(', ') });
    });
  }
  router.use('/api', (req) => {
    throw notFound(`there is no endpoint ${req.method} ${req.originalUrl.split('?')[0]}; the endpoints are listed at /api/docs`).because('no-endpoint');
  });
  router.use(problemHandler(deps.log));
  return router;
}

function unsupported(req: Request, hint: string): HttpProblem {
  return new HttpProblem(415, PROBLEM_TYPES.unsupportedMediaType, 'Unsupported media type', `the body is ${req.headers['content-type'] ?? 'of no declared type'}: ${hint}`);
}
