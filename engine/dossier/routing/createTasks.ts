import type { Queryable } from '../../store/db.js';
import type { EngineContext } from '../../engineContext.js';
import type { ProcedureModel } from '../../procedures/procedureModel.js';
import type { WaitingTask } from '../../runtime/processRun.js';
import type { NewEvent } from '../../store/events/eventRows.js';
import { insertTask } from '../../store/tasks/taskRows.js';
import { ProcessError } from '../../errors.js';
import { warningAt } from '../../deadlines/warningTime.js';

export interface CreatedTask {
  id: string;
  elementId: string;
  name: string;
  department: string;
  fromDepartment: string | null;
  handedOverAt: Date;
  dueAt: Date | null;
  warnAt: Date | null;
  counted: boolean;
}

/**
 * Routes newly waiting user tasks to their departments: one task row per
 * engine execution, with its due time from the step's allotment.
 */
export async function createTasksFor(
  ctx: EngineContext,
  db: Queryable,
  args: {
    dossierId: number;
    model: ProcedureModel;
    waiting: WaitingTask[];
    handedOverAt: Date;
    fromDepartment: string | null;
    events: NewEvent[];
  },
): Promise<CreatedTask[]> {
  const created: CreatedTask[] = [];
  for (const w of args.waiting) {
    const step = args.model.steps[w.elementId];
    if (!step) throw new ProcessError(`user task ${w.elementId} is not in the deployed model`, w.elementId);
    // Working time starts at the next working moment; calendar time runs at once.
    const start = step.clock === 'calendar' ? args.handedOverAt : ctx.time.handoverStart(args.handedOverAt, args.model.calendarId);
    const dueAt = step.allotmentMs === null ? null : ctx.time.dueAt(start, step.allotmentMs, step.clock, args.model.calendarId);
    const warnAt = dueAt && warningAt(ctx.time, start, dueAt, step.clock, ctx.warningLead.taskMs, args.model.calendarId);
    const id = await insertTask(db, {
      dossierId: args.dossierId,
      elementId: w.elementId,
      executionId: w.executionId,
      name: step.name,
      department: step.department,
      fromDepartment: args.fromDepartment,
      clock: step.clock,
      allotmentMs: step.allotmentMs,
      counted: step.counted,
      createdAt: args.handedOverAt,
      dueAt,
      warnAt,
    });
    created.push({ id, elementId: w.elementId, name: step.name, department: step.department, fromDepartment: args.fromDepartment, handedOverAt: args.handedOverAt, dueAt, warnAt, counted: step.counted });
    args.events.push({
      type: 'task.created',
      at: args.handedOverAt,
      payload: { taskId: id, elementId: w.elementId, name: step.name, department: step.department, fromDepartment: args.fromDepartment, dueAt, deadline: step.deadline, counted: step.counted },
    });
  }
  return created;
}
