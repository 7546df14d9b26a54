import type { Agenda } from 'agenda';
import type { EngineContext } from '../engineContext.js';
import { registerDeadlineJobs } from './agendaDeadlines.js';
import { sweepDeadlines, type SweepResult } from './sweepDeadlines.js';

export interface RunningScheduler {
  /** What the start-up pass recorded (due times missed while stopped). */
  startupSweep: SweepResult;
  state(): { state: string; detail?: string };
  stop(): Promise<void>;
}

/**
 * Starts the deadline timers: job handlers, then a pass that records every
 * breach missed while no server ran, then the recurring sweep. Other job
 * types (webhooks) must be defined on the same Agenda before this is called.
 */
export async function startDeadlineScheduler(agenda: Agenda, ctx: EngineContext, options: { sweepEvery?: string } = {}): Promise<RunningScheduler> {
  const jobs = registerDeadlineJobs(agenda, ctx, options.sweepEvery);
  let state = 'starting';
  let detail: string | undefined;
  agenda.on('error', (err: Error) => {
    detail = err.message;
  });
  // Record what fell due while stopped before the overdue timers start firing,
  // then the stale jobs find it done. A start-up sweep that fails (a database
  // slow on its cold cache) does not stop the server: its batches committed so
  // far stay recorded and the every-minute sweep goes on from there.
  let startupSweep: SweepResult;
  try {
    startupSweep = await sweepDeadlines(ctx);
  } catch (err) {
    ctx.log(`start-up deadline sweep not finished (${(err as Error).message}): the every-minute sweep records the rest`);
    startupSweep = { breaches: [], warnings: [] };
  }
  await agenda.start();
  await jobs.scheduleSweep();
  state = 'running';
  return {
    startupSweep,
    state: () => ({ state, detail }),
    async stop() {
      state = 'stopped';
      await agenda.stop();
    },
  };
}
