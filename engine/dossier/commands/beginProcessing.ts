import type { EngineContext } from '../../engineContext.js';
import type { RuntimeDefinition } from '../../procedures/definitionCache.js';
import type { RunResult } from '../../runtime/processRun.js';
import { warningAt } from '../../deadlines/warningTime.js';
import { createTasksFor } from '../routing/createTasks.js';
import { recordWaits } from '../routing/recordWaits.js';
import { createExternalTasks } from '../routing/createExternalTasks.js';
import { startCalls } from '../routing/startCalls.js';
import { gatewayDecisionEvents } from '../routing/gatewayDecisions.js';
import type { UnitOfWork } from '../change.js';
import type { CreatedTask } from '../changeTypes.js';
import type { Channel } from '../channel.js';
import type { DossierStatus } from '../statuses.js';
import { endProcessing } from '../resolution.js';
import { pinnedTo, type CalendarRef, type RuleSet } from '../../calendar/ruleSets.js';
import type { Backdating } from '../recordedEvents.js';

/** When a received dossier's clock starts and what it promises. */
export interface ReceptionTimes {
  receivedAt: Date;
  clockStartedAt: Date;
  dueAt: Date | null;
  warnAt: Date | null;
  /** The rule set in force at reception, which the dossier is pinned to (null without rule records). */
  ruleSet: RuleSet | null;
  /** The dossier's calendar under that rule set. */
  calendar: CalendarRef;
}

export function receptionTimes(ctx: EngineContext, definition: RuntimeDefinition, receivedAt: Date): ReceptionTimes {
  const { model } = definition;
  // Office hours and the 15:00 cut-off shape a working-day clock; a procedure
  // counted in calendar time runs from the reception itself.
  const ruleSet = ctx.time.ruleSetAt?.(receivedAt) ?? null;
  const calendar = pinnedTo(model.calendarId, ruleSet?.id);
  const clockStartedAt = ctx.time.clockStart('reception', receivedAt, model.clock, calendar);
  const dueAt = model.deadlineMs === null ? null : ctx.time.dueAt(clockStartedAt, model.deadlineMs, model.clock, calendar);
  const warnAt = dueAt && warningAt(ctx.time, clockStartedAt, dueAt, model.clock, ctx.warningLead.dossierMs, calendar);
  return { receivedAt, clockStartedAt, dueAt, warnAt, ruleSet, calendar };
}

/** The status a started instance leaves a received dossier in. */
export function statusAfterStart(definition: RuntimeDefinition, run: RunResult): DossierStatus {
  if (!run.ended) return 'processing';
  return definition.model.fee ? 'awaiting_fees' : 'resolved';
}

/**
 * The reception of a valid dossier, in its unit of work: the history entry,
 * the first steps routed to their departments, the waits recorded, and the
 * promised date armed (or the dossier resolved at the counter). Shared by a
 * reception at the desk and the acceptance of a dossier filed online.
 */
export async function beginProcessing(
  ctx: EngineContext,
  work: UnitOfWork,
  args: { definition: RuntimeDefinition; run: RunResult; times: ReceptionTimes; channel: Channel; actor: string | null; backdated?: Backdating | null; data?: Record<string, unknown> },
): Promise<{ status: DossierStatus; tasks: CreatedTask[] }> {
  const { definition, run, times, channel } = args;
  const { model } = definition;
  const { now } = work;
  work.record(
    { type: 'dossier.received', at: now, actor: args.actor, payload: { procedureCode: model.procedureCode, version: definition.version, receivedAt: times.receivedAt, clockStartedAt: times.clockStartedAt, dueAt: times.dueAt, channel, ...args.backdated } },
    ...gatewayDecisionEvents(model, run.flowsTaken, now),
  );
  const from = model.startDepartment ?? ctx.deskDepartment;
  const tasks = await createTasksFor(ctx, work, { model, waiting: run.waiting, handedOverAt: times.clockStartedAt, fromDepartment: from, calendar: times.calendar, data: args.data });
  tasks.push(...(await startCalls(ctx, work, definition, { parent: null, calls: run.calls, data: args.data ?? (work.dossier as { data?: Record<string, unknown> }).data ?? {}, fromDepartment: from })));
  if (definition.waits.any) {
    tasks.push(...(await createExternalTasks(ctx, work, { waits: definition.waits, calendarId: model.calendarId, jobs: run.jobs, messages: run.messages, handedOverAt: times.clockStartedAt, fromDepartment: from })));
    await recordWaits(ctx, work, { waits: definition.waits, calendarId: model.calendarId, run, hadWaits: false });
  }
  if (run.ended) {
    // Resolved at the counter (or waiting for its fees), before any promised date could run.
    const end = await endProcessing(work, model, times.dueAt);
    return { status: end.status, tasks };
  }
  if (times.dueAt) work.arm({ taskId: null, dueAt: times.dueAt, warnAt: times.warnAt });
  return { status: 'processing', tasks };
}
