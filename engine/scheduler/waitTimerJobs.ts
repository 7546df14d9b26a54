import type { Agenda } from 'agenda';
import type { EngineContext, EngineHooks } from '../engineContext.js';
import { fireTimerWait, sweepWaitTimers } from '../dossier/commands/fireTimer.js';

export const WAIT_TIMER_JOB = 'wait.timer';
export const WAIT_SWEEP_JOB = 'wait.sweep';

interface WaitTimerJobData {
  waitId: string;
  dossierCode: string;
  at: string;
}

/**
 * BPMN timers on Agenda: a job per timer at its due time, and a sweep (at
 * start-up and every minute) for whatever a stopped server or a lost job
 * missed. Both fire through the same conditional claim, so a timer fires
 * once however many servers run.
 */
export function registerWaitTimerJobs(agenda: Agenda, ctx: EngineContext): void {
  agenda.define<WaitTimerJobData>(WAIT_TIMER_JOB, async (job) => {
    const { waitId, dossierCode, at } = job.attrs.data;
    // Not yet due by the engine's clock (fired early): the sweep takes it when it is.
    if (new Date(at).getTime() > ctx.time.now().getTime()) return;
    await fireTimerWait(ctx, { waitId, dossierCode });
  });
  agenda.define(WAIT_SWEEP_JOB, async () => {
    await sweepWaitTimers(ctx);
  });
}

/** Fires the timers that fell due while stopped, then sweeps every `every`. */
export async function startWaitTimers(agenda: Agenda, ctx: EngineContext, every = '1 minute'): Promise<number> {
  const fired = await sweepWaitTimers(ctx);
  await agenda.every(every, WAIT_SWEEP_JOB, undefined, { skipImmediate: true });
  return fired;
}

/** After commit: an Agenda job for each BPMN timer the change recorded, then the other hooks. */
export function waitTimerHooks(agenda: Agenda, next?: EngineHooks): EngineHooks {
  return {
    async afterCommit(change) {
      for (const t of change.waitTimers ?? []) {
        await agenda.schedule(t.dueAt, WAIT_TIMER_JOB, { waitId: t.waitId, dossierCode: change.dossierCode, at: t.dueAt.toISOString() });
      }
      await next?.afterCommit(change);
    },
  };
}
