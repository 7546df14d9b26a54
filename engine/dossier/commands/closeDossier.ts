import type { EngineContext } from '../../engineContext.js';
import { updateDossier } from '../../store/dossiers/dossierRows.js';
import { listDossierTasks, markTasksCancelled } from '../../store/tasks/taskRows.js';
import { closeDossierBreaches } from '../../store/deadlines/closeBreaches.js';
import { classifyTimeliness } from '../../timeliness/classifyTimeliness.js';
import { changeDossier } from '../change.js';
import type { DossierStatus } from '../statuses.js';

/** The desk hands the result over to the citizen. */
export async function returnResult(ctx: EngineContext, code: string, input: { actor: string }): Promise<{ dossierCode: string; status: DossierStatus; returnedAt: Date }> {
  return changeDossier(ctx, { code }, ['resolved'], 'return the result', async ({ db, dossier, now, record }) => {
    await updateDossier(db, dossier.id, { status: 'returned', returnedAt: now });
    record({ type: 'dossier.returned', at: now, actor: input.actor, payload: { timeliness: classifyTimeliness(dossier.resolvedAt ?? now, dossier.dueAt) } });
    return { dossierCode: code, status: 'returned', returnedAt: now };
  });
}

/**
 * The citizen withdraws the dossier: open steps are cancelled, their timers
 * dropped, and the instance is left where it stood (nothing moves it again).
 */
export async function withdrawDossier(ctx: EngineContext, code: string, input: { actor: string; reason?: string }): Promise<{ dossierCode: string; status: DossierStatus }> {
  const allowed: DossierStatus[] = ['new', 'received', 'processing', 'supplement_requested', 'awaiting_fees'];
  return changeDossier(ctx, { code }, allowed, 'withdraw the dossier', async ({ db, dossier, now, record, close, voidDossierTimers }) => {
    const open = await listDossierTasks(db, dossier.id, ['open', 'claimed']);
    const ids = open.map((t) => t.id);
    await markTasksCancelled(db, ids, now);
    await closeDossierBreaches(db, dossier.id, now, true);
    await updateDossier(db, dossier.id, { status: 'withdrawn', withdrawnAt: now, pausedAt: null });
    record(
      { type: 'dossier.withdrawn', at: now, actor: input.actor, payload: { reason: input.reason ?? null, cancelledTasks: ids } },
      ...open.map((t) => ({ type: 'task.cancelled' as const, at: now, payload: { taskId: t.id, elementId: t.elementId, reason: 'dossier withdrawn' } })),
    );
    close(ids);
    voidDossierTimers();
    return { dossierCode: code, status: 'withdrawn' };
  });
}
