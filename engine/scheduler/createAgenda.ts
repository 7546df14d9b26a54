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
  const agenda = new Agenda({
    backend: new PostgresBackend({ pool }),
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
