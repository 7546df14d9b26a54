import type { EngineContext } from '../../engineContext.js';
import { fireTimer } from '../../runtime/processRun.js';
import { claimTimerWait } from '../../store/waits/claimTimerWait.js';
import { dueTimerWaits, type DueTimer } from '../../store/waits/dueTimerWaits.js';
import { ConflictError, NotFoundError, ProcessError } from '../../errors.js';
import { recordProcessIncident } from './incidents.js';
import { changeDossier } from '../change.js';
import { applyRun } from '../routing/applyRun.js';

export type { DueTimer } from '../../store/waits/dueTimerWaits.js';

/**
 * Fires one BPMN timer whose due time passed: claims its wait under the
 * dossier's lock (so it fires once, whoever else tries), recovers the
 * instance, lets the timer expire in it and routes what follows. A timer
 * whose step was completed meanwhile was cancelled and does nothing.
 * Answers whether it fired.
 */
export async function fireTimerWait(ctx: EngineContext, due: DueTimer): Promise<boolean> {
  try {
    return await changeDossier(ctx, { code: due.dossierCode }, ['processing'], 'fire a timer', async (work) => {
      const wait = await claimTimerWait(work.db, due.waitId, work.now);
      if (!wait) return false;
      const definition = await ctx.definitions.get(work.dossier.procedureVersionId);
      const data = work.dossier.data as Record<string, unknown>;
      const run = await fireTimer(definition.sourceContext, work.dossier.engineState, wait, data);
      const timer = definition.waits.timers[wait.elementId];
      work.record({ type: 'timer.fired', at: work.now, actor: null, payload: { waitId: wait.id, elementId: wait.elementId, name: timer?.name ?? wait.elementId, dueAt: wait.dueAt } });
      await applyRun(ctx, work, { definition, run, data, fromDepartment: null });
      return true;
    });
  } catch (err) {
    // A dossier no longer processing (withdrawn, paused) keeps its timer for later or never.
    if (err instanceof ConflictError || err instanceof NotFoundError) return false;
    // The process cannot go on from the timer: an incident, never a silent stop.
    if (err instanceof ProcessError) {
      await recordProcessIncident(ctx, { code: due.dossierCode, waitId: due.waitId, error: err });
      return false;
    }
    throw err;
  }
}

/**
 * Fires every timer that is due and not yet fired: at start-up (timers that
 * fell due while no server ran) and every minute (a lost Agenda job).
 */
export async function sweepWaitTimers(ctx: EngineContext): Promise<number> {
  let fired = 0;
  for (const due of await dueTimerWaits(ctx.pool, ctx.time.now())) {
    try {
      if (await fireTimerWait(ctx, due)) fired += 1;
    } catch (err) {
      ctx.log(`timer ${due.waitId} of ${due.dossierCode} not fired: ${(err as Error).message}`);
    }
  }
  return fired;
}
