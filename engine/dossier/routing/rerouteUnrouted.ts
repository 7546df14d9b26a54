import type { EngineContext } from '../../engineContext.js';
import { resumeInstance } from '../../runtime/processRun.js';
import type { DossierWork } from '../change.js';
import { applyRun } from './applyRun.js';

/**
 * Routes the steps the instance waits on that have no task yet: an instance
 * of a multi-instance step whose FEEL department named no registered
 * department became an incident instead of a task; once the incident is
 * retried (the department registered, or the data corrected), the step is
 * routed again, or becomes an incident again.
 */
export async function rerouteUnrouted(ctx: EngineContext, work: DossierWork): Promise<void> {
  const { dossier } = work;
  if (!dossier.engineState) return;
  const definition = await ctx.definitions.get(dossier.procedureVersionId);
  const data = (dossier.data ?? {}) as Record<string, unknown>;
  const run = await resumeInstance(definition.sourceContext, dossier.engineState, data);
  await applyRun(ctx, work, { definition, run, data, fromDepartment: null });
}
