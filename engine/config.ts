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
  };
}
