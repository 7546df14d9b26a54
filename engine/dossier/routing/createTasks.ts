import type { EngineContext } from '../../engineContext.js';
import type { ProcedureModel } from '../../procedures/procedureModel.js';
import type { WaitingTask } from '../../runtime/processRun.js';
import { insertTask } from '../../store/tasks/taskRows.js';
import { ProcessError } from '../../errors.js';
import { warningAt } from '../../deadlines/warningTime.js';
import type { CreatedTask } from '../changeTypes.js';
import type { UnitOfWork } from '../change.js';
import { pinnedTo, type CalendarRef } from '../../calendar/ruleSets.js';
import { openIncident } from '../../store/incidents/openIncident.js';
import { instanceDepartment } from './instanceDepartment.js';

export type { CreatedTask } from '../changeTypes.js';

/**
 * Routes newly waiting user tasks to their departments: one task row per
 * engine execution, with its due time from the step's allotment. Each is
 * recorded on the change (history, notice to the department, timers).
 */
export async function createTasksFor(
  ctx: EngineContext,
  work: UnitOfWork,
  args: {
    model: ProcedureModel;
    waiting: WaitingTask[];
    handedOverAt: Date;
    fromDepartment: string | null;
    /** The dossier's calendar under its rule set; by default read from the locked dossier. */
    calendar?: CalendarRef;
    /** The dossier data a FEEL department is evaluated over; by default the locked dossier's. */
    data?: Record<string, unknown>;
  },
): Promise<CreatedTask[]> {
  const created: CreatedTask[] = [];
  const pinned = 'ruleSetId' in work.dossier ? (work.dossier.ruleSetId as string | null) : null;
  const calendarId = args.calendar ?? pinnedTo(args.model.calendarId, pinned);
  const data = args.data ?? ((work.dossier as { data?: Record<string, unknown> }).data ?? {});
  for (const w of args.waiting) {
    const step = args.model.steps[w.elementId];
    if (!step) throw new ProcessError(`user task ${w.elementId} is not in the deployed model`, w.elementId);
    const routed = await instanceDepartment(work.db, step.department, w, data);
    if (!routed.ok) {
      // This instance cannot be routed; the others go on. The incident keeps
      // the dossier visibly waiting until an administrator retries it.
      const message = `${step.name}: ${routed.problem}`;
      const incidentId = await openIncident(work.db, { dossierId: work.dossier.id, kind: 'process-error', elementId: w.elementId, taskId: null, waitId: null, message, at: work.now });
      work.record({ type: 'incident.opened', at: work.now, actor: null, payload: { incidentId, elementId: w.elementId, kind: 'process-error', message } });
      continue;
    }
    const department = routed.department;
    const start = ctx.time.clockStart('handover', args.handedOverAt, step.clock, calendarId);
    const dueAt = step.allotmentMs === null ? null : ctx.time.dueAt(start, step.allotmentMs, step.clock, calendarId);
    const warnAt = dueAt && warningAt(ctx.time, start, dueAt, step.clock, ctx.warningLead.taskMs, calendarId);
    const id = await insertTask(work.db, {
      dossierId: work.dossier.id,
      elementId: w.elementId,
      executionId: w.executionId,
      name: step.name,
      department,
      fromDepartment: args.fromDepartment,
      clock: step.clock,
      allotmentMs: step.allotmentMs,
      counted: step.counted,
      createdAt: args.handedOverAt,
      dueAt,
      warnAt,
    });
    const task: CreatedTask = { id, elementId: w.elementId, name: step.name, department, fromDepartment: args.fromDepartment, handedOverAt: args.handedOverAt, dueAt, warnAt, counted: step.counted };
    created.push(task);
    work.record({ type: 'task.created', task, deadline: step.deadline });
  }
  return created;
}
