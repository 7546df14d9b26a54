import type pg from 'pg';
import type { Metrics } from '../benchmark.js';
import type { OnestopEngine } from '../../engine/onestopEngine.js';
import { nowMs, round } from '../timing.js';

const OVERDUE = 5_000;

/**
 * Moves `count` open steps' due times to a minute ago, as a year's morning
 * would (their pending deadlines move with them, by trigger). It is the
 * drill's setup, not the sweep: 5,000 updates of the wide step rows, which on
 * a cold cache take longer than a request may, so without the timeout. The
 * latest due first: a year already drilled has no step left that is not due,
 * and one already breached falls due again at its new time (as after an apology).
 */
async function fallDue(pool: pg.Pool, count: number): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SET LOCAL statement_timeout = 0');
    await client.query(
      `UPDATE tasks SET due_at = now() - interval '1 minute'
        WHERE id IN (SELECT t.id FROM tasks t JOIN dossiers d ON d.id = t.dossier_id
                      WHERE t.status IN ('open', 'claimed') AND d.status = 'processing'
                      ORDER BY t.due_at DESC LIMIT $1)`,
      [count],
    );
    await client.query('COMMIT');
    await client.query('ANALYZE pending_step_deadlines');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

/**
 * The every-minute deadline sweep on the year's database: first what the
 * load left unrecorded (nothing, when the generated year is consistent),
 * then with 5,000 open steps that just fell due among all the open ones,
 * then once more with nothing left to record (its cost every minute).
 */
export async function measureSweep(pool: pg.Pool, engine: OnestopEngine, log: (m: string) => void): Promise<Metrics> {
  const first = await engine.sweepDeadlines();
  const { rows: open } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM tasks WHERE status IN ('open', 'claimed')`);
  await fallDue(pool, OVERDUE);
  const t0 = nowMs();
  const swept = await engine.sweepDeadlines();
  const sweepMs = nowMs() - t0;
  const t1 = nowMs();
  const idle = await engine.sweepDeadlines();
  const idleMs = nowMs() - t1;
  log(`sweep: ${swept.breaches.length} breaches in ${sweepMs.toFixed(0)} ms among ${open[0].n} open steps; idle sweep ${idleMs.toFixed(0)} ms`);
  return {
    scale_consistency_sweep_breaches: first.breaches.length,
    scale_consistency_sweep_warnings: first.warnings.length,
    sweep_open_tasks: open[0].n,
    sweep_recorded: swept.breaches.length,
    sweep_ms: round(sweepMs, 0),
    sweep_idle_ms: round(idleMs, 0),
    sweep_idle_recorded: idle.breaches.length,
  };
}
