import type { Server } from 'node:http';
import express from 'express';
import helmet from 'helmet';
import { rateLimit } from 'express-rate-limit';
import type pg from 'pg';
import { diskFullRecently, readConfig, type AppConfig } from '../engine/index.js';
import { PROBLEM_TYPES, sendProblem } from './http/problem.js';

export interface HealthSource {
  pool: pg.Pool;
  scheduler(): { state: string; detail?: string };
}

/** /health waits no longer than this for the database: a monitor must get an answer. */
const HEALTH_DATABASE_TIMEOUT_MS = 1_500;

type EdgeConfig = AppConfig['edges'];

/** The HTTP application. Routes are added per feature; /health is always there. */
export function createApp(health: HealthSource, edges: EdgeConfig = readConfig().edges): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders(edges));
  app.use('/api/public', publicRateLimit(edges));

  app.get('/health', async (_req, res) => {
    const database = await databaseState(health.pool);
    const scheduler = health.scheduler();
    const ok = database.state === 'up' && scheduler.state === 'running';
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'degraded', database, scheduler });
  });

  return app;
}

async function databaseState(pool: pg.Pool): Promise<{ state: 'up' | 'down' | 'disk-full'; detail?: string }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${HEALTH_DATABASE_TIMEOUT_MS} ms`)), HEALTH_DATABASE_TIMEOUT_MS);
  });
  const probe = pool.query('SELECT 1');
  probe.catch(() => {});
  try {
    await Promise.race([probe, timeout]);
  } catch (err) {
    return { state: 'down', detail: (err as Error).message };
  } finally {
    clearTimeout(timer);
  }
  if (diskFullRecently()) return { state: 'disk-full', detail: 'a write failed in the last minute because the database disk is full' };
  return { state: 'up' };
}

/**
 * helmet's headers with a Content-Security-Policy the designer and the
 * workspace run under: only our own scripts, no framing, no referrer to
 * other sites. bpmn-js and the properties panel set inline styles. Both
 * apps validate forms in the page with the server's own ajv validator (the
 * designer in its deploy lint, the workspace before a step is sent), and ajv
 * compiles each procedure's schema with `new Function`: the schemas are
 * deployed data, so they cannot be compiled at build time, and both pages get
 * 'unsafe-eval' (scripts still come only from our own origin).
 */
function securityHeaders(edges: EdgeConfig): express.RequestHandler {
  const directives = {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'", "'unsafe-eval'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    workerSrc: ["'self'", 'blob:'],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    upgradeInsecureRequests: edges.hsts ? [] : null,
  };
  const common = {
    referrerPolicy: { policy: 'same-origin' as const },
    strictTransportSecurity: edges.hsts ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
    frameguard: { action: 'deny' as const },
  };
  return helmet({ ...common, contentSecurityPolicy: { useDefaults: false, directives } });
}

/** Anonymous lookups by dossier code: enough for a citizen, too few to enumerate a day's codes. */
function publicRateLimit(edges: EdgeConfig): express.RequestHandler {
  return rateLimit({
    windowMs: edges.publicRateWindowMs,
    limit: edges.publicRateLimit,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (_req, res, _next, options) => {
      const retryAfter = Math.ceil(options.windowMs / 1000);
      sendProblem(res, {
        type: PROBLEM_TYPES.tooManyRequests,
        title: 'Too many requests',
        status: 429,
        detail: `at most ${options.limit} public lookups per ${retryAfter} seconds from one address; try again later`,
        headers: { 'Retry-After': String(retryAfter) },
      });
    },
  });
}

/** Deadlines for slow clients: headers within headersTimeoutMs, the whole request within requestTimeoutMs. */
export function applyServerTimeouts(server: Server, edges: EdgeConfig = readConfig().edges): void {
  server.headersTimeout = edges.headersTimeoutMs;
  server.requestTimeout = edges.requestTimeoutMs;
}
