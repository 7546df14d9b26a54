import type { EngineContext } from '../../engineContext.js';
import { ValidationError } from '../../errors.js';
import { updateDossier } from '../../store/dossiers/dossierRows.js';
import { getDossierFee, recordDossierFeePaid } from '../../store/dossiers/feeRows.js';
import { changeDossier } from '../change.js';
import { resolveNow } from '../resolution.js';
import type { DossierStatus } from '../statuses.js';
import { pinnedTo } from '../../calendar/ruleSets.js';

export interface FeePayment {
  actor: string;
  amount: number;
  paidAt: Date;
  /** Paid through the portal's or the province's payment gateway (DuocThanhToanTrucTuyen). */
  online: boolean;
}

/**
 * The citizen paid the fees and charges of a dossier awaiting them (status
 * 6): the payment is recorded, the promised date moves by the working time
 * the dossier waited for it (the citizen's time is not the agency's), and the
 * dossier is resolved (status 9).
 */
export async function payFees(ctx: EngineContext, code: string, input: FeePayment): Promise<{ dossierCode: string; status: DossierStatus; resolvedAt: Date; dueAt: Date | null }> {
  if (!Number.isFinite(input.amount) || input.amount <= 0) throw new ValidationError('the amount paid must be a positive number of VND', [{ path: '/amount', message: 'must be positive' }]);
  return changeDossier(ctx, { code }, ['awaiting_fees'], 'record the fees', async (work) => {
    const { db, dossier, now } = work;
    if (input.paidAt.getTime() > now.getTime()) throw new ValidationError('paidAt is in the future', [{ path: '/paidAt', message: 'must not be in the future' }]);
    const fee = await getDossierFee(db, dossier.id);
    if (fee && input.amount < fee.amount) {
      throw new ValidationError(`the fees of dossier ${code} are ${fee.amount} VND; ${input.amount} VND does not cover them`, [{ path: '/amount', message: `must be at least ${fee.amount}` }]);
    }
    const { model } = await ctx.definitions.get(dossier.procedureVersionId);
    const since = fee?.requestedAt ?? now;
    const cal = pinnedTo(model.calendarId, dossier.ruleSetId);
    const waitedMs = Math.max(0, ctx.time.elapsed(since, now, 'working', cal));
    let dueAt = dossier.dueAt;
    if (dueAt && waitedMs > 0) {
      const previous = dueAt;
      dueAt = ctx.time.dueAt(previous, waitedMs, 'working', cal);
      work.record({ type: 'dossier.rescheduled', at: now, payload: { reason: 'awaiting fees', previousDueAt: previous, dueAt, tookMs: waitedMs } });
    }
    await recordDossierFeePaid(db, dossier.id, { amount: input.amount, paidAt: input.paidAt, online: input.online, at: now, by: input.actor });
    work.record({ type: 'fees.paid', at: now, actor: input.actor, payload: { amount: input.amount, paidAt: input.paidAt, online: input.online, waitedMs } });
    await resolveNow(work, dueAt);
    await updateDossier(db, dossier.id, { status: 'resolved', resolvedAt: now, dueAt });
    return { dossierCode: code, status: 'resolved', resolvedAt: now, dueAt };
  });
}
