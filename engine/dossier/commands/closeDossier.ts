import type { EngineContext } from '../../engineContext.js';
import { updateDossier, type ReturnChannel } from '../../store/dossiers/dossierRows.js';
import { ValidationError } from '../../errors.js';
import { listDossierTasks, markTasksCancelled } from '../../store/tasks/taskRows.js';
import { closeDossierBreaches } from '../../store/deadlines/closeBreaches.js';
import { classifyTimeliness } from '../../timeliness/classifyTimeliness.js';
import { changeDossier } from '../change.js';
import type { DossierStatus } from '../statuses.js';

export interface ReturnInput {
  actor: string;
  /** In person at the desk, or by post (Hanoi returns paper results by post from 1/1/2026). */
  channel?: ReturnChannel;
  /** The postal tracking number; required by post. */
  trackingNumber?: string;
}

/** The desk hands the result over to the citizen (status 10), in person or by post. */
export async function returnResult(ctx: EngineContext, code: string, input: ReturnInput): Promise<{ dossierCode: string; status: DossierStatus; returnedAt: Date; channel: ReturnChannel; trackingNumber: string | null }> {
  const channel = input.channel ?? 'in_person';
  const trackingNumber = input.trackingNumber?.trim() || null;
  if (channel === 'post' && !trackingNumber) {
    throw new ValidationError('a result returned by post needs its postal tracking number', [{ path: '/trackingNumber', message: 'is required when the channel is post' }]);
  }
  if (channel === 'in_person' && trackingNumber) {
    throw new ValidationError('a tracking number is for a result returned by post', [{ path: '/trackingNumber', message: 'is only for the channel post' }]);
  }
  return changeDossier(ctx, { code }, ['resolved'], 'return the result', async ({ db, dossier, now, record }) => {
    await updateDossier(db, dossier.id, { status: 'returned', returnedAt: now, returnChannel: channel, trackingNumber });
    record({ type: 'dossier.returned', at: now, actor: input.actor, payload: { timeliness: classifyTimeliness(dossier.resolvedAt ?? now, dossier.dueAt), channel, trackingNumber } });
    return { dossierCode: code, status: 'returned', returnedAt: now, channel, trackingNumber };
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
