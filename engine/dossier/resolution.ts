import type { ProcedureModel } from '../procedures/procedureModel.js';
import { closeDossierBreaches } from '../store/deadlines/closeBreaches.js';
import { getDossierFee, requestDossierFee } from '../store/dossiers/feeRows.js';
import { classifyTimeliness } from '../timeliness/classifyTimeliness.js';
import type { UnitOfWork } from './change.js';
import type { DossierStatus } from './statuses.js';

/** The part of a dossier the end of processing needs. */
interface Ending {
  id: number;
  code: string;
  dueAt?: Date | null;
}

/**
 * What the end of a dossier's process makes it. Status 6 (awaiting financial
 * obligation) is entered here: a procedure with `onestop:fee` whose fee is
 * not paid waits for the payment before it is resolved; otherwise it is
 * resolved now (status 9, `NgayKetThucXuLy`). While it waits the promised
 * date does not run (the citizen's time): its timers are void, and the
 * payment moves the date by the working time waited.
 */
export async function endProcessing(work: UnitOfWork<Ending>, model: Pick<ProcedureModel, 'fee'>, dueAt: Date | null = work.dossier.dueAt ?? null): Promise<{ status: DossierStatus; resolvedAt: Date | undefined }> {
  const { db, dossier, now } = work;
  const fee = model.fee ?? null;
  if (fee !== null && !(await getDossierFee(db, dossier.id))?.paidAt) {
    await requestDossierFee(db, dossier.id, fee, now);
    work.record({ type: 'fees.requested', at: now, payload: { amount: fee } });
    work.voidDossierTimers();
    return { status: 'awaiting_fees', resolvedAt: undefined };
  }
  await resolveNow(work, dueAt);
  return { status: 'resolved', resolvedAt: now };
}

/** The dossier's result is ready: its promised date stops, its breaches close. */
export async function resolveNow(work: UnitOfWork<Ending>, dueAt: Date | null): Promise<void> {
  const { db, dossier, now } = work;
  work.record({ type: 'dossier.resolved', at: now, payload: { timeliness: classifyTimeliness(now, dueAt), dueAt } });
  work.voidDossierTimers();
  await closeDossierBreaches(db, dossier.id, now);
}
