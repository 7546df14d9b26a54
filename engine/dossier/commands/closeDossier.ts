import type { EngineContext } from '../../engineContext.js';
import { withTransaction } from '../../store/db.js';
import { updateDossier } from '../../store/dossiers/dossierRows.js';
import { listDossierTasks, markTasksCancelled } from '../../store/tasks/taskRows.js';
import { appendEvents } from '../../store/events/eventRows.js';
import { closeDossierBreaches } from '../../store/deadlines/closeBreaches.js';
import { classifyTimeliness } from '../../timeliness/classifyTimeliness.js';
import { commitEffects } from '../../commitEffects.js';
import { lockForChange } from '../lockForChange.js';

/** The desk hands the result over to the citizen. */
export async function returnResult(ctx: EngineContext, code: string, input: { actor: string }) {
  return withTransaction(ctx.pool, async (client) => {
    const dossier = await lockForChange(client, code, ['resolved'], 'return the result');
    const now = ctx.time.now();
    await updateDossier(client, dossier.id, { status: 'returned', returnedAt: now });
    await appendEvents(client, dossier.id, [
      { type: 'dossier.returned', at: now, actor: input.actor, payload: { timeliness: classifyTimeliness(dossier.resolvedAt ?? now, dossier.dueAt) } },
    ]);
    return { dossierCode: code, status: 'returned', returnedAt: now };
  });
}

/**
 * The citizen withdraws the dossier: open steps are cancelled, their timers
 * dropped, and the instance is left where it stood (nothing moves it again).
 */
export async function withdrawDossier(ctx: EngineContext, code: string, input: { actor: string; reason?: string }) {
  const outcome = await withTransaction(ctx.pool, async (client) => {
    const dossier = await lockForChange(client, code, ['new', 'received', 'processing', 'supplement_requested', 'awaiting_fees'], 'withdraw the dossier');
    const now = ctx.time.now();
    const open = await listDossierTasks(client, dossier.id, ['open', 'claimed']);
    await markTasksCancelled(client, open.map((t) => t.id), now);
    await closeDossierBreaches(client, dossier.id, now, true);
    await updateDossier(client, dossier.id, { status: 'withdrawn', withdrawnAt: now, pausedAt: null });
    await appendEvents(client, dossier.id, [
      { type: 'dossier.withdrawn', at: now, actor: input.actor, payload: { reason: input.reason ?? null, cancelledTasks: open.map((t) => t.id) } },
      ...open.map((t) => ({ type: 'task.cancelled', at: now, payload: { taskId: t.id, elementId: t.elementId, reason: 'dossier withdrawn' } })),
    ]);
    return {
      change: { dossierId: dossier.id, dossierCode: code, created: [], closed: open.map((t) => t.id), timers: [], dossierTimersVoid: true, notify: [] },
      result: { dossierCode: code, status: 'withdrawn' },
    };
  });
  await commitEffects(ctx, outcome.change);
  return outcome.result;
}
