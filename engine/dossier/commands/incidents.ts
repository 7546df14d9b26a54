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
import { changeDossier } from '../change.js';

export type { IncidentRow } from '../../store/incidents/incidentRow.js';

/**
 * What the engine could not carry out becomes an incident on the dossier, in
 * a transaction of its own (the failed change was rolled back): a timer whose
 * firing failed is set aside, a job stops being fetched. The dossier stays
 * processing and shows the incident until an administrator retries it.
 */
export async function recordProcessIncident(ctx: EngineContext, at: { code?: string; waitId?: string; taskId?: string; error: ProcessError }): Promise<string | null> {
  try {
    const target = at.code ? { code: at.code } : { taskId: at.taskId as string };
    return await changeDossier(ctx, target as { code: string }, ['processing'], 'record an incident', async (work) => {
      const { db, dossier, now } = work;
      if (at.waitId) await claimTimerWait(db, at.waitId, now);
      if (at.taskId) await failJob(db, at.taskId, { retries: 0, retryAt: null, error: at.error.message });
      const incidentId = await openIncident(db, { dossierId: dossier.id, kind: 'process-error', elementId: at.error.elementId, taskId: at.taskId ?? null, waitId: at.waitId ?? null, message: at.error.message, at: now });
      work.record({ type: 'incident.opened', at: now, actor: null, payload: { incidentId, elementId: at.error.elementId, kind: 'process-error', message: at.error.message } });
      return incidentId;
    });
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
    return resolved;
  });
}
