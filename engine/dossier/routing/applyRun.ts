import type { EngineContext } from '../../engineContext.js';
import type { RuntimeDefinition } from '../../procedures/definitionCache.js';
import type { RunResult } from '../../runtime/processRun.js';
import { updateDossier } from '../../store/dossiers/dossierRows.js';
import { listDossierTasks, markTasksCancelled } from '../../store/tasks/taskRows.js';
import { closeTaskBreaches } from '../../store/deadlines/closeBreaches.js';
import type { DossierWork } from '../change.js';
import type { CreatedTask } from '../changeTypes.js';
import type { DossierStatus } from '../statuses.js';
import { endProcessing } from '../resolution.js';
import { openTaskView } from '../openTaskView.js';
import { createTasksFor } from './createTasks.js';
import { gatewayDecisionEvents } from './gatewayDecisions.js';
import { recordWaits } from './recordWaits.js';
import { createExternalTasks } from './createExternalTasks.js';
import { calledSteps, startCalls } from './startCalls.js';
import { listRunningCalls } from '../../store/calls/callRows.js';

export interface AppliedRun {
  status: DossierStatus;
  created: CreatedTask[];
  openTasks: CreatedTask[];
}

/**
 * After the instance moved without a step being completed (a timer fired, a
 * message arrived, a job ended): steps it no longer waits on are withdrawn
 * (an interrupting event), new ones routed, waits recorded, and the dossier
 * resolved when the instance ended.
 */
export async function applyRun(ctx: EngineContext, work: DossierWork, args: { definition: RuntimeDefinition; run: RunResult; data: Record<string, unknown>; fromDepartment: string | null }): Promise<AppliedRun> {
  const { db, dossier, now } = work;
  const { definition, run } = args;
  const { model } = definition;
  work.record(...gatewayDecisionEvents(model, run.flowsTaken, now));

  // Steps of called procedures are waited on by their own runs, not by this one.
  const calls = await listRunningCalls(db, dossier.id);
  const ofCalls = calledSteps(calls);
  const open = (await listDossierTasks(db, dossier.id, ['open', 'claimed'])).filter((t) => !ofCalls.has(t.executionId));
  const stillWaiting = new Set([...run.waiting, ...run.jobs, ...run.messages].map((w) => w.executionId));
  const known = new Set(open.map((t) => t.executionId));
  const cancelled = open.filter((t) => !stillWaiting.has(t.executionId));
  if (cancelled.length) {
    await markTasksCancelled(db, cancelled.map((t) => t.id), now);
    await closeTaskBreaches(db, cancelled.map((t) => t.id), now);
    work.record(...cancelled.map((t) => ({ type: 'task.cancelled' as const, at: now, payload: { taskId: t.id, elementId: t.elementId, reason: 'withdrawn by an interrupting event of the process' } })));
    work.close(cancelled.map((t) => t.id));
  }
  const fresh = <W extends { executionId: string }>(list: W[]) => list.filter((w) => !known.has(w.executionId));
  const created = [
    ...(await createTasksFor(ctx, work, { model, waiting: fresh(run.waiting), handedOverAt: now, fromDepartment: args.fromDepartment, data: args.data })),
    ...(await createExternalTasks(ctx, work, { waits: definition.waits, calendarId: model.calendarId, jobs: fresh(run.jobs), messages: fresh(run.messages), handedOverAt: now, fromDepartment: args.fromDepartment })),
  ];
  created.push(...(await startCalls(ctx, work, definition, { parent: null, calls: run.calls, data: args.data, fromDepartment: args.fromDepartment, running: calls })));
  await recordWaits(ctx, work, { waits: definition.waits, calendarId: model.calendarId, run });

  // The end of the process resolves the dossier, or makes it wait for its fees.
  const end = run.ended ? await endProcessing(work, model) : null;
  const status: DossierStatus = end?.status ?? dossier.status;
  await updateDossier(db, dossier.id, { data: args.data, engineState: run.state, status, resolvedAt: end?.resolvedAt });
  const remaining = open.filter((t) => stillWaiting.has(t.executionId)).map(openTaskView);
  return { status, created, openTasks: [...remaining, ...created] };
}
