import type { Agenda } from 'agenda';
import type { CommittedChange, DeadlineTimer, EngineContext, EngineHooks } from '../engineContext.js';
import { checkBreach, checkWarning, sweepDeadlines } from './sweepDeadlines.js';

export const BREACH_JOB = 'deadline.breach';
export const WARNING_JOB = 'deadline.warning';
export const SWEEP_JOB = 'deadline.sweep';

interface TimerJobData {
  /** What the timer checks; jobs armed before timers were shared carry a dossier and a step instead. */
  kind?: 'task' | 'dossier';
  dossierId?: number;
  taskId?: string | null;
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
    const { kind, taskId, at } = job.attrs.data;
    await notBefore(at, ctx.time.now);
    await checkBreach(ctx, new Date(at), kind ?? (taskId ? 'task' : 'dossier'));
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
 * One job per due instant, shared by every deadline falling due at it: a fired
 * timer records everything due in its window (checkBreach, checkWarning), so
 * a job per step adds nothing but rows for Agenda to lock one query at a
 * time. Instants do coincide: every dossier filed online overnight starts its
 * clock at the office's opening, so a morning's steps share their due times to
 * the millisecond. A step completed, a due time moved: its job is left to
 * fire, finds nothing left to record, and is removed (one indexed statement),
 * instead of a cancellation on every step.
 */
export class SharedTimers {
  /** `kind|instant` → instant (epoch ms): what this process already armed and is still ahead. */
  private readonly armed = new Map<string, number>();

  constructor(private readonly agenda: Pick<Agenda, 'schedule'>, private readonly now: () => number = Date.now) {}

  async arm(job: typeof BREACH_JOB | typeof WARNING_JOB, kind: 'task' | 'dossier', at: Date): Promise<void> {
    const key = `${job}|${kind}|${at.getTime()}`;
    if (this.armed.has(key)) return;
    await this.agenda.schedule(at, job, { kind, at: at.toISOString() } satisfies TimerJobData);
    this.armed.set(key, at.getTime());
    if (this.armed.size > 10_000) this.forgetPast();
  }

  /** Instants passed are forgotten: a later arm for them schedules again (it fires at once and finds its work). */
  private forgetPast(): void {
    const now = this.now();
    for (const [key, at] of this.armed) if (at < now) this.armed.delete(key);
  }
}

/**
 * After each committed change: arm the timers of the new due times (shared per
 * instant, see SharedTimers). Failing here loses nothing: the due times live on
 * our own rows and the sweep records what a missing timer would have.
 */
export function agendaDeadlineHooks(agenda: Agenda): EngineHooks {
  const timers = new SharedTimers(agenda);
  return {
    async afterCommit(change) {
      for (const t of timersOf(change)) {
        const kind = t.taskId ? 'task' : 'dossier';
        await timers.arm(BREACH_JOB, kind, t.dueAt);
        if (t.warnAt && t.warnAt < t.dueAt) await timers.arm(WARNING_JOB, kind, t.warnAt);
      }
    },
  };
}
