import type { EngineContext } from '../engineContext.js';
import type { DossierRow } from '../store/dossiers/dossierRows.js';
import { dossierSteps, type DossierStepRow } from '../store/queries/dossierSteps.js';
import type { Timeliness } from '../timeliness/classifyTimeliness.js';

export type DossierStep = Omit<DossierStepRow, 'timeliness'> & { timeliness: Timeliness | null };

/** Every step the dossier reached, with the model of its procedure version (step order, calendar). */
export async function dossierProgress(ctx: Pick<EngineContext, 'pool' | 'definitions'>, dossier: DossierRow) {
  const [steps, definition] = await Promise.all([dossierSteps(ctx.pool, dossier.code), ctx.definitions.get(dossier.procedureVersionId)]);
  return { steps: steps as DossierStep[], model: definition.model, version: definition.version };
}
