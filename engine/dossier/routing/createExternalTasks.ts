import type { EngineContext } from '../../engineContext.js';
import type { WaitingMessage, WaitingTask } from '../../runtime/processRun.js';
import type { WaitModel } from '../../runtime/waitModel.js';
import type { Clock } from '../../duration/isoDuration.js';
import { insertExternalTask } from '../../store/jobs/insertExternalTask.js';
import { warningAt } from '../../deadlines/warningTime.js';
import { ProcessError } from '../../errors.js';
import type { CreatedTask } from '../changeTypes.js';
import type { UnitOfWork } from '../change.js';

/** Attempts a worker has before a failing job becomes an incident, unless it says otherwise. */
export const DEFAULT_JOB_RETRIES = 3;

interface Leg {
  kind: 'job' | 'message';
  waiting: WaitingTask;
  name: string;
  department: string;
  jobType: string | null;
  deadline: string | null;
  allotmentMs: number | null;
  clock: Clock;
}

/**
 * The legs a department's software does (external jobs) or the reply a
 * department awaits with a deadline (receive task): task rows of their kind,
 * with a due time like a step's, so breaches and the control slip count them.
 */
export async function createExternalTasks(
  ctx: EngineContext,
  work: UnitOfWork,
  args: { waits: WaitModel; calendarId: string | null; jobs: WaitingTask[]; messages: WaitingMessage[]; handedOverAt: Date; fromDepartment: string | null },
): Promise<CreatedTask[]> {
  const legs: Leg[] = [];
  for (const j of args.jobs) {
    const job = args.waits.jobs[j.elementId];
    if (!job) throw new ProcessError(`${j.elementId} is a service or send task without onestop:jobType: nothing would do it`, j.elementId);
    legs.push({ kind: 'job', waiting: j, name: job.name, department: job.department, jobType: job.jobType, deadline: job.deadline, allotmentMs: job.allotmentMs, clock: job.clock });
  }
  for (const m of args.messages) {
    const reply = args.waits.messages[m.elementId];
    if (!reply?.department || reply.allotmentMs === null) continue;
    legs.push({ kind: 'message', waiting: m, name: reply.name, department: reply.department, jobType: null, deadline: reply.deadline, allotmentMs: reply.allotmentMs, clock: reply.clock });
  }
  const created: CreatedTask[] = [];
  for (const leg of legs) {
    const start = ctx.time.clockStart('handover', args.handedOverAt, leg.clock, args.calendarId);
    const dueAt = leg.allotmentMs === null ? null : ctx.time.dueAt(start, leg.allotmentMs, leg.clock, args.calendarId);
    const warnAt = dueAt && warningAt(ctx.time, start, dueAt, leg.clock, ctx.warningLead.taskMs, args.calendarId);
    const id = await insertExternalTask(work.db, {
      kind: leg.kind,
      jobType: leg.jobType,
      retries: leg.kind === 'job' ? DEFAULT_JOB_RETRIES : null,
      dossierId: work.dossier.id,
      elementId: leg.waiting.elementId,
      executionId: leg.waiting.executionId,
      name: leg.name,
      department: leg.department,
      fromDepartment: args.fromDepartment,
      clock: leg.clock,
      allotmentMs: leg.allotmentMs,
      counted: true,
      createdAt: args.handedOverAt,
      dueAt,
      warnAt,
    });
    const task: CreatedTask = { id, elementId: leg.waiting.elementId, name: leg.name, department: leg.department, fromDepartment: args.fromDepartment, handedOverAt: args.handedOverAt, dueAt, warnAt, counted: true };
    created.push(task);
    work.record({ type: 'task.created', task, deadline: leg.deadline });
  }
  return created;
}
