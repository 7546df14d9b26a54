import type { EngineContext } from '../../engineContext.js';
import { startInstance } from '../../runtime/processRun.js';
import { updateDossier } from '../../store/dossiers/dossierRows.js';
import { saveRuleSet } from '../../store/rules/ruleRows.js';
import { changeDossier } from '../change.js';
import type { CreatedTask } from '../changeTypes.js';
import { statusesLeadingTo, type DossierStatus } from '../statuses.js';
import { beginProcessing, receptionTimes, statusAfterStart } from './beginProcessing.js';

export interface AcceptResult {
  dossierCode: string;
  status: DossierStatus;
  receivedAt: Date;
  clockStartedAt: Date;
  dueAt: Date | null;
  tasks: CreatedTask[];
}

/**
 * The desk checked a dossier filed online and found it valid and complete: it
 * is received (status 2) now, its clock starts and its first steps are routed
 * (status 4), in one change. Form 01 follows from the reception.
 */
export async function acceptDossier(ctx: EngineContext, code: string, input: { actor: string }): Promise<AcceptResult> {
  return changeDossier(ctx, { code }, statusesLeadingTo('received'), 'accept the dossier', async (work) => {
    const { db, dossier, now } = work;
    const definition = await ctx.definitions.get(dossier.procedureVersionId);
    const times = receptionTimes(ctx, definition, now);
    const run = await startInstance(definition.sourceContext, dossier.data);
    const status = statusAfterStart(definition, run);
    work.record({ type: 'dossier.accepted', at: now, actor: input.actor, payload: { receivedAt: now } });
    if (times.ruleSet) await saveRuleSet(db, times.ruleSet);
    await updateDossier(db, dossier.id, {
      ruleSetId: times.ruleSet?.id ?? null, status, receivedAt: now, clockStartedAt: times.clockStartedAt, dueAt: times.dueAt, originalDueAt: times.dueAt,
      warnAt: times.warnAt, engineState: run.state, resolvedAt: status === 'resolved' ? now : undefined,
    });
    const begun = await beginProcessing(ctx, work, { definition, run, times, channel: dossier.channel, actor: input.actor });
    return { dossierCode: code, status: begun.status, receivedAt: now, clockStartedAt: times.clockStartedAt, dueAt: times.dueAt, tasks: begun.tasks };
  });
}
