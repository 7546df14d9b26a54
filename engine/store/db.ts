import pg from 'pg';
import { DatabaseFault } from './databaseFaults.js';

export type Queryable = Pick<pg.PoolClient, 'query'>;
export type Pool = pg.Pool;

// timestamptz comes back as Date (pg's default); bigint (int8) as string by
// default, which would leak into JSON: ids and counters here fit in a double.
pg.types.setTypeParser(20, (value: string) => Number(value));

export interface PoolLimits {
  /** Connections open at once. */
  max: number;
  /** How long a caller waits for a connection (new or freed) before a 503. */
  connectionTimeoutMs: number;
  /** PostgreSQL cancels a statement running longer than this. */
  statementTimeoutMs: number;
  /** Callers queued for a connection beyond this are refused at once. */
  maxWaiting: number;
  /**
   * A connection checked out longer than this makes the pool ask, on a fresh
   * connection, whether the database still answers; if it does not (stalled
   * or unreachable host) every connection is dropped so callers fail now
   * instead of hanging for as long as the stall lasts.
   */
  stallCheckMs: number;
}

function envMs(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

export function defaultPoolLimits(max = 10): PoolLimits {
  return {
    max,
    connectionTimeoutMs: envMs('DB_CONNECTION_TIMEOUT_MS', 3_000),
    statementTimeoutMs: envMs('DB_STATEMENT_TIMEOUT_MS', 10_000),
    maxWaiting: envMs('DB_MAX_WAITING', max * 20),
    stallCheckMs: envMs('DB_STALL_CHECK_MS', 1_500),
  };
}

/** pg.Pool with a bounded queue of callers waiting for a connection. */
class BoundedPool extends pg.Pool {
  constructor(
    config: pg.PoolConfig,
    private readonly maxWaiting: number,
  ) {
    super(config);
  }

  // pool.query() goes through connect() too, so this bounds both.
  connect(): Promise<pg.PoolClient>;
  connect(callback: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void): void;
  connect(callback?: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void): Promise<pg.PoolClient> | void {
    if (this.waitingCount >= this.maxWaiting) {
      const err = new DatabaseFault('unavailable', `the database is busy: ${this.waitingCount} requests are already waiting for a connection`);
      if (callback) return void process.nextTick(() => callback(err, undefined, () => {}));
      return Promise.reject(err);
    }
    return callback ? super.connect(callback) : super.connect();
  }
}

export function createPool(connectionString: string, max = 10, limits: Partial<PoolLimits> = {}): pg.Pool {
  const l = { ...defaultPoolLimits(max), ...limits };
  const pool = new BoundedPool(
    {
      connectionString,
      max: l.max,
      connectionTimeoutMillis: l.connectionTimeoutMs,
      statement_timeout: l.statementTimeoutMs,
      // Client-side backstop for a server that stopped answering altogether.
      query_timeout: l.statementTimeoutMs + 2_000,
      keepAlive: true,
    },
    l.maxWaiting,
  );
  // An idle client losing its connection (database restart, terminated
  // backend) must not crash the server; the next query reconnects.
  pool.on('error', () => {});
  watchForStalls(pool, connectionString, l);
  return pool;
}

/** See PoolLimits.stallCheckMs. */
function watchForStalls(pool: pg.Pool, connectionString: string, l: PoolLimits): void {
  const checkedOut = new Map<pg.PoolClient, number>();
  pool.on('acquire', (client) => checkedOut.set(client, Date.now()));
  pool.on('release', (_err, client) => checkedOut.delete(client));
  pool.on('remove', (client) => checkedOut.delete(client as pg.PoolClient));
  let probing = false;
  const timer = setInterval(() => {
    if (probing || !checkedOut.size) return;
    const now = Date.now();
    const stuck = [...checkedOut].filter(([, since]) => now - since > l.stallCheckMs).map(([c]) => c);
    if (!stuck.length) return;
    probing = true;
    databaseAnswers(connectionString, Math.min(l.connectionTimeoutMs, 1_200))
      .then((answers) => {
        if (answers) return;
        const idle = (pool as unknown as { _idle?: Array<{ client: pg.PoolClient }> })._idle ?? [];
        for (const client of [...stuck, ...idle.map((i) => i.client ?? i)]) dropConnection(client);
      })
      .finally(() => {
        probing = false;
      });
  }, 250);
  timer.unref();
  const end = pool.end.bind(pool);
  pool.end = (async () => {
    clearInterval(timer);
    return end();
  }) as typeof pool.end;
}

async function databaseAnswers(connectionString: string, timeoutMs: number): Promise<boolean> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    dropConnection(client);
  }
}

function dropConnection(client: pg.ClientBase): void {
  const stream = (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream;
  try {
    stream?.destroy();
  } catch {
    // already gone
  }
}

/** Runs `work` in one transaction: every state change of a dossier is atomic. */
export async function withTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: unknown = undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    broken = err;
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    // A connection that failed mid-transaction is not given to the next caller.
    client.release(broken instanceof Error && isConnectionLoss(broken) ? broken : undefined);
  }
}

function isConnectionLoss(err: Error): boolean {
  return /Connection terminated|timeout|ECONNRESET|EPIPE/i.test(err.message) || (err as { code?: string }).code?.startsWith('57P') === true;
}
