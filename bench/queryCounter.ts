import pg from 'pg';

/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * Counts round trips to PostgreSQL while active: every query of a pool goes
 * through Client#query (pool.query included), so wrapping the prototype sees
 * them all without touching the engine. Returns the stop function, which
 * restores the prototype and gives the count.
 */
export function countQueries(): () => number {
  const proto = pg.Client.prototype as any;
  const original = proto.query;
  let count = 0;
  proto.query = function counted(this: unknown, ...args: unknown[]) {
    count++;
    return original.apply(this, args);
  };
  return () => {
    proto.query = original;
    return count;
  };
}
