import pg from 'pg';

export type Queryable = Pick<pg.PoolClient, 'query'>;
export type Pool = pg.Pool;

// timestamptz comes back as Date (pg's default); bigint (int8) as string by
// default, which would leak into JSON: ids and counters here fit in a double.
pg.types.setTypeParser(20, (value: string) => Number(value));

export function createPool(connectionString: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString, max });
  // An idle client losing its connection (database restart) must not crash
  // the server; the next query reconnects.
  pool.on('error', () => {});
  return pool;
}

/** Runs `work` in one transaction: every state change of a dossier is atomic. */
export async function withTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
