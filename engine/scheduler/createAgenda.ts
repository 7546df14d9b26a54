import { Agenda } from 'agenda';
import { PostgresBackend } from '@agendajs/postgres-backend';
import { createPool } from '../store/db.js';

export interface SchedulerTuning {
  /** Poll interval; LISTEN/NOTIFY wakes the scheduler earlier for new jobs. */
  processEvery: string | number;
  /** Jobs one process locks at once, so one node never takes everything. */
  lockLimit: number;
  maxConcurrency: number;
  defaultConcurrency: number;
  /** A handler that hangs longer than this is run again elsewhere. */
  defaultLockLifetime: number;
}

// Chosen from bench/ measurements (see README "Deadlines"): a burst of due
// jobs is locked one query at a time, so a shorter poll makes bursts worse.
export const DEFAULT_TUNING: SchedulerTuning = {
  processEvery: '5 seconds',
  lockLimit: 2000,
  maxConcurrency: 50,
  defaultConcurrency: 20,
  defaultLockLifetime: 60_000,
};

/** Agenda on the same PostgreSQL as the engine, in its own table. */
export function createAgenda(connectionString: string, name: string, tuning: Partial<SchedulerTuning> = {}): Agenda {
  const t = { ...DEFAULT_TUNING, ...tuning };
  // Our own pool, because the backend's would have no 'error' listener: when
  // the database goes away (embedded PostgreSQL stopping on SIGTERM) an idle
  // connection's error would crash the process instead of being retried.
  const pool = createPool(connectionString, 10);
  const backend = new PostgresBackend({ pool });
  // The LISTEN connection is a client of its own: when PostgreSQL ends it
  // (restart, failover, pg_terminate_backend) the channel emits 'error' and
  // reconnects with back-off by itself; without a listener that 'error'
  // would end the process. Jobs missed meanwhile are found by the poll and
  // the start-up sweep.
  backend.notificationChannel?.on('error', throttledWarning('scheduler notification channel'));
  const agenda = new Agenda({
    backend,
    name,
    processEvery: t.processEvery,
    lockLimit: t.lockLimit,
    maxConcurrency: t.maxConcurrency,
    defaultConcurrency: t.defaultConcurrency,
    defaultLockLifetime: t.defaultLockLifetime,
    // Fired timers are history in our own tables; keep the job table small.
    removeOnComplete: true,
  });
  // A pool passed in is not closed by Agenda: close it after Agenda stops.
  const stop = agenda.stop.bind(agenda);
  agenda.stop = async (closeConnection?: boolean) => {
    await stop(closeConnection);
    await pool.end().catch(() => {});
  };
  return agenda;
}

/** One line per minute at most: a database that is down for an hour must not flood the log. */
function throttledWarning(what: string): (err: unknown) => void {
  let last = 0;
  return (err) => {
    const now = Date.now();
    if (now - last < 60_000) return;
    last = now;
    console.warn(`${what}: ${err instanceof Error ? err.message : String(err)} (reconnecting)`);
  };
}
