import type { Queryable } from '../db.js';
import { named } from '../namedQuery.js';

/** Fees and charges of one dossier (status 6 while unpaid). */
export interface FeeRow {
  amount: number;
  requestedAt: Date;
  paidAt: Date | null;
  paidAmount: number | null;
  online: boolean | null;
  recordedAt: Date | null;
  recordedBy: string | null;
}

const COLUMNS = `amount::float8 AS amount, requested_at AS "requestedAt", paid_at AS "paidAt", paid_amount::float8 AS "paidAmount",
  online, recorded_at AS "recordedAt", recorded_by AS "recordedBy"`;

export async function getDossierFee(db: Queryable, dossierId: number): Promise<FeeRow | null> {
  const { rows } = await db.query<FeeRow>(named(`SELECT ${COLUMNS} FROM dossier_fees WHERE dossier_id = $1`, [dossierId]));
  return rows[0] ?? null;
}

export async function requestDossierFee(db: Queryable, dossierId: number, amount: number, at: Date): Promise<void> {
  await db.query(named(
    `INSERT INTO dossier_fees (dossier_id, amount, requested_at) VALUES ($1, $2, $3)
     ON CONFLICT (dossier_id) DO UPDATE SET amount = EXCLUDED.amount, requested_at = EXCLUDED.requested_at`,
    [dossierId, amount, at]));
}

export async function recordDossierFeePaid(db: Queryable, dossierId: number, p: { amount: number; paidAt: Date; online: boolean; at: Date; by: string }): Promise<void> {
  await db.query(named(
    `UPDATE dossier_fees SET paid_at = $2, paid_amount = $3, online = $4, recorded_at = $5, recorded_by = $6 WHERE dossier_id = $1`,
    [dossierId, p.paidAt, p.amount, p.online, p.at, p.by]));
}
