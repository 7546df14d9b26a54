import path from 'node:path';

export interface AppConfig {
  /** External PostgreSQL; when absent an embedded one runs under dataDir. */
  databaseUrl: string | null;
  dataDir: string;
  port: number;
  host: string;
  processesDir: string;
  receivingAgency: string;
  deskDepartment: string;
  embeddedPgPort: number;
  /** Bootstrap administrator token; generated under dataDir when unset. */
  adminToken: string | null;
  edges: EdgeConfig;
}

/** The HTTP edge: rate limits, HSTS and server timeouts. */
export interface EdgeConfig {
  /** Anonymous public lookups per client address per window (PUBLIC_RATE_LIMIT, PUBLIC_RATE_WINDOW_MS). */
  publicRateLimit: number;
  publicRateWindowMs: number;
  /** Send Strict-Transport-Security: only when served behind HTTPS (HSTS=1). */
  hsts: boolean;
  /** Whole request and header deadlines (REQUEST_TIMEOUT_MS, HEADERS_TIMEOUT_MS). */
  requestTimeoutMs: number;
  headersTimeoutMs: number;
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = Number(env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${env[name]}"`);
  return value;
}

/**
 * How far before now a desk may date a dossier's reception (RECEIVED_AT_MAX_BACKDATE_DAYS,
 * default 30): further back, the promised date would already have passed and breaches
 * would be recorded on entry. Read when a dossier is received, so it needs no restart in tests.
 */
export function receivedAtMaxBackdateDays(env: NodeJS.ProcessEnv = process.env): number {
  return positive(env, 'RECEIVED_AT_MAX_BACKDATE_DAYS', 30);
}

export function readEdgeConfig(env: NodeJS.ProcessEnv = process.env): EdgeConfig {
  return {
    publicRateLimit: positive(env, 'PUBLIC_RATE_LIMIT', 30),
    publicRateWindowMs: positive(env, 'PUBLIC_RATE_WINDOW_MS', 60_000),
    hsts: env.HSTS === '1' || env.HSTS === 'true',
    requestTimeoutMs: positive(env, 'REQUEST_TIMEOUT_MS', 60_000),
    headersTimeoutMs: positive(env, 'HEADERS_TIMEOUT_MS', 20_000),
  };
}

export function readConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): AppConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  return {
    databaseUrl: env.DATABASE_URL || null,
    dataDir: path.resolve(cwd, env.DATA_DIR ?? '.data'),
    port,
    host: env.HOST ?? '0.0.0.0',
    processesDir: path.resolve(cwd, env.PROCESSES_DIR ?? 'processes'),
    receivingAgency: env.RECEIVING_AGENCY ?? '000.00.12.H26',
    deskDepartment: env.DESK_DEPARTMENT ?? 'MOTCUA_XA',
    embeddedPgPort: Number(env.EMBEDDED_PG_PORT ?? 0),
    adminToken: env.ONESTOP_ADMIN_TOKEN || null,
    edges: readEdgeConfig(env),
  };
}
