import type { EngineContext } from '../../engineContext.js';
import { openIncident } from '../../store/incidents/openIncident.js';
import { getIncident } from '../../store/incidents/getIncident.js';
import { resolveIncident } from '../../store/incidents/resolveIncident.js';
import { reopenWait } from '../../store/waits/reopenWait.js';
import { claimTimerWait } from '../../store/waits/claimTimerWait.js';
import { releaseJob } from '../../store/jobs/releaseJob.js';
import { failJob } from '../../store/jobs/failJob.js';
import type { IncidentRow } from '../../store/incidents/incidentRow.js';
import { NotFoundError, type ProcessError } from '../../errors.js';
import { changeDossier, type DossierWork } from '../change.js';
import { rerouteUnrouted } from '../routing/rerouteUnrouted.js';
import type { TaskRow } from '../../store/tasks/taskRows.js';

export type { IncidentRow } from '../../store/incidents/incidentRow.js';

/**
 * What the engine could not carry out becomes an incident on the dossier, in
 * a transaction of its own (the failed change was rolled back): a timer whose
 * firing failed is set aside, a job stops being fetched. The dossier stays
 * processing and shows the incident until an administrator retries it.
 */
export async function recordProcessIncident(ctx: EngineContext, at: { code?: string; waitId?: string; taskId?: string; error: ProcessError }): Promise<string | null> {
  const record = async (work: DossierWork, task?: TaskRow) => {
    const { db, dossier, now } = work;
    if (at.waitId) await claimTimerWait(db, at.waitId, now);
    // A job stops being fetched until the incident is retried; an officer's step stays open to be done again.
    if (task?.kind === 'job') await failJob(db, task.id, { retries: 0, retryAt: null, error: at.error.message });
    const incidentId = await openIncident(db, { dossierId: dossier.id, kind: 'process-error', elementId: at.error.elementId ?? task?.elementId ?? null, taskId: task?.id ?? null, waitId: at.waitId ?? null, message: at.error.message, at: now });
    work.record({ type: 'incident.opened', at: now, actor: null, payload: { incidentId, elementId: at.error.elementId, kind: 'process-error', message: at.error.message } });
    return incidentId;
  };
  try {
    if (at.taskId) return await changeDossier(ctx, { taskId: at.taskId }, ['processing'], 'record an incident', (work) => record(work, work.task));
    return await changeDossier(ctx, { code: at.code as string }, ['processing'], 'record an incident', (work) => record(work));
  } catch (err) {
    ctx.log(`incident not recorded: ${(err as Error).message} (after: ${at.error.message})`);
    return null;
  }
}

/** Retries an open incident: its timer is due again now, or its job fetchable again with one retry. */
export async function retryIncident(ctx: EngineContext, incidentId: string, actor: string): Promise<IncidentRow> {
  const incident = await getIncident(ctx.pool, incidentId);
  if (!incident) throw new NotFoundError(`incident ${incidentId} does not exist`);
  return changeDossier(ctx, { code: incident.dossierCode }, ['processing'], 'retry the incident', async (work) => {
    const resolved = await resolveIncident(work.db, incidentId, work.now, actor);
    if (!resolved) throw new NotFoundError(`incident ${incidentId} is not open`);
    if (resolved.taskId) await releaseJob(work.db, resolved.taskId, 1);
    if (resolved.waitId) {
      await reopenWait(work.db, resolved.waitId, work.now);
      work.armWait({ waitId: resolved.waitId, dueAt: work.now });
    }
    // Neither a job nor a timer: a step that could not be routed (a FEEL department) is routed again.
    if (!resolved.taskId && !resolved.waitId && resolved.kind === 'process-error') await rerouteUnrouted(ctx, work);
    return resolved;
  });
}
