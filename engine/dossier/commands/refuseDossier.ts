import type { EngineContext } from '../../engineContext.js';
import { ValidationError } from '../../errors.js';
import { updateDossier } from '../../store/dossiers/dossierRows.js';
import { changeDossier } from '../change.js';
import { statusesLeadingTo, type DossierStatus } from '../statuses.js';

/**
 * The desk does not receive a dossier filed online (status 3, not received),
 * with the reasons of its refusal slip (Form 03). No clock ever ran.
 */
export async function refuseDossier(ctx: EngineContext, code: string, input: { actor: string; reasons: string[] }): Promise<{ dossierCode: string; status: DossierStatus; refusedAt: Date; reasons: string[] }> {
  const reasons = (Array.isArray(input.reasons) ? input.reasons : []).filter((r) => typeof r === 'string' && r.trim()).map((r) => r.trim());
  if (!reasons.length) throw new ValidationError('a refusal says why: give at least one reason', [{ path: '/reasons', message: 'must list at least one reason', code: 'reasons-required' }]).because('reasons-required');
  return changeDossier(ctx, { code }, statusesLeadingTo('refused'), 'refuse the dossier', async ({ db, dossier, now, record }) => {
    await updateDossier(db, dossier.id, { status: 'refused', refusedAt: now, refusalReasons: reasons });
    record({ type: 'dossier.refused', at: now, actor: input.actor, payload: { reasons } });
    return { dossierCode: code, status: 'refused', refusedAt: now, reasons };
  });
}
