import type { EngineContext } from '../engineContext.js';
import { dossierView, type DossierView } from '../dossier/dossierView.js';
import { dossierExtras, type DossierExtras } from '../store/queries/dossierExtras.js';
import type { ProcedureModel } from '../procedures/procedureModel.js';
import { waitingOn, type WaitingOn } from './waitingOn.js';
import { listCalledVersions } from '../store/calls/callRows.js';

export type { WaitingOn } from './waitingOn.js';

export type { DossierView } from '../dossier/dossierView.js';
export type { DossierExtras } from '../store/queries/dossierExtras.js';

export interface DossierDetail {
  view: DossierView;
  extras: DossierExtras;
  /** The steps of the dossier's procedure version and of the procedures it called (their forms), by element id. */
  steps: ProcedureModel['steps'];
  /** Open steps, external jobs, timers, awaited messages and open incidents. */
  waitingOn: WaitingOn;
}

/** Everything GET /api/dossiers/{code} shows: the dossier, its apology and supplements, its version's step forms. */
export async function dossierDetail(ctx: Pick<EngineContext, 'pool' | 'definitions' | 'time'>, code: string): Promise<DossierDetail> {
  const view = await dossierView(ctx.pool, code, ctx.time.now());
  // What needs only the dossier is read at once (one round trip, not three in a row: at a year of dossiers each is a cold read).
  const definition = ctx.definitions.get(view.procedureVersionId);
  const [extras, calledIds, waiting] = await Promise.all([
    dossierExtras(ctx.pool, code),
    listCalledVersions(ctx.pool, view.id),
    definition.then((d) => waitingOn(ctx.pool, view.id, view.openTasks, d)),
  ]);
  // Steps of called procedures (call activities) show their own forms; the dossier's own steps come first.
  const called = await Promise.all(calledIds.map((id) => ctx.definitions.get(id)));
  const steps = Object.assign({}, ...called.map((c) => c.model.steps), (await definition).model.steps) as ProcedureModel['steps'];
  return { view, extras: extras!, steps, waitingOn: waiting };
}
