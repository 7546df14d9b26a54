import type { EngineContext } from '../engineContext.js';
import { dossierView, type DossierView } from '../dossier/dossierView.js';
import { dossierExtras, type DossierExtras } from '../store/queries/dossierExtras.js';
import type { ProcedureModel } from '../procedures/procedureModel.js';
import { waitingOn, type WaitingOn } from './waitingOn.js';

export type { WaitingOn } from './waitingOn.js';

export type { DossierView } from '../dossier/dossierView.js';
export type { DossierExtras } from '../store/queries/dossierExtras.js';

export interface DossierDetail {
  view: DossierView;
  extras: DossierExtras;
  /** The steps of the dossier's procedure version (their forms), by element id. */
  steps: ProcedureModel['steps'];
  /** Open steps, external jobs, timers, awaited messages and open incidents. */
  waitingOn: WaitingOn;
}

/** Everything GET /api/dossiers/{code} shows: the dossier, its apology and supplements, its version's step forms. */
export async function dossierDetail(ctx: Pick<EngineContext, 'pool' | 'definitions' | 'time'>, code: string): Promise<DossierDetail> {
  const view = await dossierView(ctx.pool, code, ctx.time.now());
  const [extras, definition] = await Promise.all([dossierExtras(ctx.pool, code), ctx.definitions.get(view.procedureVersionId)]);
  return { view, extras: extras!, steps: definition.model.steps, waitingOn: await waitingOn(ctx.pool, view.id, view.openTasks, definition) };
}
