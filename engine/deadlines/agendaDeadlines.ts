import type { Agenda } from 'agenda';
import type { CommittedChange, DeadlineTimer, EngineContext, EngineHooks } from '../engineContext.js';
import { checkBreach, checkWarning, sweepDeadlines } from './sweepDeadlines.js';

export const BREACH_JOB = 'deadline.breach';
export const WARNING_JOB = 'deadline.warning';
export const SWEEP_JOB = 'deadline.sweep';

interface TimerJobData {
  dossierId: number;
  taskId: string | null;
  at: string;
}

// setTimeout may fire a millisecond early; a breach is only a breach once the
// due time has passed, so wait out the difference.
async function notBefore(at: string, now: () => Date) {
  const wait = new Date(at).getTime() - now().getTime();
  if (wait > 0) await new Promise((r) => setTimeout(r, Math.min(wait, 5_000)));
}

/** Defines the deadline jobs on an Agenda; every handler is idempotent. */
export function registerDeadlineJobs(agenda: Agenda, ctx: EngineContext, sweepEvery = '1 minute'): { scheduleSweep(): Promise<void> } {
  agenda.define<TimerJobData>(BREACH_JOB, async (job) => {
    const { taskId, at } = job.attrs.data;
    await notBefore(at, ctx.time.now);
    await checkBreach(ctx, new Date(at), taskId ? 'task' : 'dossier');
  });
  agenda.define<TimerJobData>(WARNING_JOB, async (job) => {
    const { at } = job.attrs.data;
    await notBefore(at, ctx.time.now);
    await checkWarning(ctx, new Date(at));
  });
  agenda.define(SWEEP_JOB, async () => {
    await sweepDeadlines(ctx);
  });
  return {
    async scheduleSweep() {
      await agenda.every(sweepEvery, SWEEP_JOB, undefined, { skipImmediate: true });
    },
  };
}

function timersOf(change: CommittedChange): DeadlineTimer[] {
  const fromTasks = change.created
    .filter((t) => t.dueAt)
    .map((t) => ({ dossierId: change.dossierId, taskId: t.id, dueAt: t.dueAt as Date, warnAt: t.warnAt }));
  return [...fromTasks, ...change.timers];
}

/**
 * After each committed change: drop the timers that no longer matter and
 * arm the new ones. Failing here loses nothing: the due times live on our own
 * rows and the sweep records what a missing timer would have.
 */
export function agendaDeadlineHooks(agenda: Agenda): EngineHooks {
  return {
    async afterCommit(change) {
      const names = [BREACH_JOB, WARNING_JOB];
      for (const taskId of change.closed) await agenda.cancel({ names, data: { taskId } });
      const timers = timersOf(change);
      const dossierMoved = change.dossierTimersVoid || timers.some((t) => t.taskId === null);
      if (dossierMoved) await agenda.cancel({ names, data: { dossierId: change.dossierId, taskId: null } });
      // Steps whose due time moved (supplement, restart) have old timers.
      for (const t of change.timers) if (t.taskId) await agenda.cancel({ names, data: { taskId: t.taskId } });
      for (const t of timers) {
        await agenda.schedule(t.dueAt, BREACH_JOB, { dossierId: t.dossierId, taskId: t.taskId, at: t.dueAt.toISOString() });
        if (t.warnAt && t.warnAt < t.dueAt) {
          await agenda.schedule(t.warnAt, WARNING_JOB, { dossierId: t.dossierId, taskId: t.taskId, at: t.warnAt.toISOString() });
        }
      }
    },
  };
}
