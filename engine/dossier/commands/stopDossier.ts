import type { EngineContext } from '../../engineContext.js';
import { ValidationError } from '../../errors.js';
import { updateDossier } from '../../store/dossiers/dossierRows.js';
import { listDossierTasks, markTasksCancelled } from '../../store/tasks/taskRows.js';
import { closeDossierBreaches } from '../../store/deadlines/closeBreaches.js';
import { changeDossier } from '../change.js';
import { statusesLeadingTo, type DossierStatus } from '../statuses.js';

/**
 * The formal stop of processing (Decree 118 art. 21, Circular 03 art. 7,
 * notice on Form 05), status 8: open steps are cancelled and the promised
 * date stops; nothing moves the dossier again.
 */
export async function stopDossier(ctx: EngineContext, code: string, input: { actor: string; reason: string }): Promise<{ dossierCode: string; status: DossierStatus; stoppedAt: Date }> {
  const reason = typeof input.reason === 'string' ? input.reason.trim() : '';
  if (!reason) throw new ValidationError('a stop says why: the reason is required', [{ path: '/reason', message: 'is required' }]);
  return changeDossier(ctx, { code }, statusesLeadingTo('stopped'), 'stop the dossier', async ({ db, dossier, now, record, close, voidDossierTimers }) => {
    const open = await listDossierTasks(db, dossier.id, ['open', 'claimed']);
    const ids = open.map((t) => t.id);
    await markTasksCancelled(db, ids, now);
    await closeDossierBreaches(db, dossier.id, now, true);
    await updateDossier(db, dossier.id, { status: 'stopped', stoppedAt: now, pausedAt: null });
    record(
      { type: 'dossier.stopped', at: now, actor: input.actor, payload: { reason, cancelledTasks: ids } },
      ...open.map((t) => ({ type: 'task.cancelled' as const, at: now, payload: { taskId: t.id, elementId: t.elementId, reason: 'dossier stopped' } })),
    );
    close(ids);
    voidDossierTimers();
    return { dossierCode: code, status: 'stopped', stoppedAt: now };
  });
}
