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
  // Record what fell due while stopped before the overdue timers start firing:
  // one statement for the whole backlog, then the stale jobs find it done.
  const startupSweep = await sweepDeadlines(ctx);
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
