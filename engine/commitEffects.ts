import type { CommittedChange, EngineContext } from './engineContext.js';

/**
 * Side effects of a committed change: timers and notifications. They run
 * outside the transaction (Agenda and webhooks have their own connections),
 * so a failure is logged and left to the deadline sweep, never thrown at the
 * caller whose change is already committed.
 */
export async function commitEffects(ctx: EngineContext, change: CommittedChange): Promise<void> {
  try {
    await ctx.hooks.afterCommit(change);
  } catch (err) {
    ctx.log(`deadline timers of ${change.dossierCode} not scheduled (the sweep will catch up): ${(err as Error).message}`);
  }
  if (!change.notify.length) return;
  try {
    await ctx.notifier.publish(change.notify);
  } catch (err) {
    ctx.log(`notifications of ${change.dossierCode} not published: ${(err as Error).message}`);
  }
}
