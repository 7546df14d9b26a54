import type { Queryable } from '../db.js';
import { named } from '../namedQuery.js';
import type { PortalFacts, PortalRecord } from '../../portal/portalRecord.js';

/**
 * What the portal record of a dossier is made from, read in the change's
 * transaction. Digitised: a paper of it is held as a file (scanned at the desk
 * or filed online); e-result: a step produced a result paper.
 */
export async function portalFacts(db: Queryable, dossierId: number): Promise<PortalFacts | null> {
  const { rows } = await db.query<PortalFacts>(named(
    `SELECT d.code, d.procedure_code AS "procedureCode", d.status, d.channel, d.receiving_agency AS "receivingAgency",
            d.resolving_agency AS "resolvingAgency", d.received_at AS "receivedAt", d.due_at AS "dueAt", d.resolved_at AS "resolvedAt",
            d.returned_at AS "returnedAt", d.stopped_at AS "stoppedAt", d.refused_at AS "refusedAt", d.withdrawn_at AS "withdrawnAt",
            f.amount::float8 AS "feeAmount", CASE WHEN f.paid_at IS NULL THEN NULL ELSE f.online END AS "paidOnline",
            EXISTS (SELECT 1 FROM dossier_documents x WHERE x.dossier_id = d.id AND x.stage IN ('reception', 'supplement')) AS digitised,
            EXISTS (SELECT 1 FROM dossier_documents x WHERE x.dossier_id = d.id AND x.stage = 'step') AS "eResult"
       FROM dossiers d LEFT JOIN dossier_fees f ON f.dossier_id = d.id
      WHERE d.id = $1`, [dossierId]));
  return rows[0] ?? null;
}

/** The dossier's status as it stands in the transaction. */
export async function currentStatus(db: Queryable, dossierId: number): Promise<string | null> {
  const { rows } = await db.query<{ status: string }>(named('SELECT status FROM dossiers WHERE id = $1', [dossierId]));
  return rows[0]?.status ?? null;
}

export async function insertOutboxRecords(db: Queryable, dossierId: number, code: string, records: PortalRecord[], at: Date): Promise<void> {
  if (!records.length) return;
  // In the order given: the ids give each dossier's delivery order.
  await db.query(named(
    `INSERT INTO portal_outbox (dossier_id, dossier_code, status_code, record, created_at, next_attempt_at)
     SELECT $1, $2, x.c, x.r, $5, clock_timestamp() FROM unnest($3::smallint[], $4::jsonb[]) WITH ORDINALITY AS x(c, r, n) ORDER BY x.n`,
    [dossierId, code, records.map((r) => r.TrangThaiHoSo), records.map((r) => JSON.stringify(r)), at]));
}

export interface OutboxItem {
  id: number;
  dossierId: number;
  dossierCode: string;
  statusCode: number;
  record: PortalRecord;
  attempts: number;
}

/**
 * Claims the records due now that head their dossier's queue (the oldest
 * undelivered one): a record is never sent before an earlier one of its
 * dossier. The claim is a lease: a sender that dies mid-flight leaves the
 * record due again when the lease ends.
 */
export async function claimOutbox(db: Queryable, limit: number, leaseMs: number): Promise<OutboxItem[]> {
  const { rows } = await db.query<OutboxItem>(named(
    `UPDATE portal_outbox o SET attempts = o.attempts + 1, next_attempt_at = clock_timestamp() + $2 * interval '1 millisecond'
      WHERE o.id IN (
        SELECT h.id FROM portal_outbox h
         WHERE h.delivered_at IS NULL AND h.next_attempt_at <= clock_timestamp()
           AND NOT EXISTS (SELECT 1 FROM portal_outbox e WHERE e.dossier_id = h.dossier_id AND e.delivered_at IS NULL AND e.id < h.id)
         ORDER BY h.id LIMIT $1 FOR UPDATE SKIP LOCKED)
      RETURNING o.id, o.dossier_id AS "dossierId", o.dossier_code AS "dossierCode", o.status_code AS "statusCode", o.record, o.attempts`,
    [limit, leaseMs]));
  return rows.sort((a, b) => a.id - b.id);
}

export async function markDelivered(db: Queryable, id: number): Promise<void> {
  await db.query(named('UPDATE portal_outbox SET delivered_at = clock_timestamp(), last_error = NULL WHERE id = $1', [id]));
}

export async function markFailed(db: Queryable, id: number, error: string, retryInMs: number): Promise<void> {
  await db.query(named(
    `UPDATE portal_outbox SET last_error = $2, next_attempt_at = clock_timestamp() + $3 * interval '1 millisecond' WHERE id = $1`,
    [id, error.slice(0, 1000), retryInMs]));
}

export interface DossierSyncRow {
  records: number;
  delivered: number;
  lastDeliveredAt: Date | null;
  headId: number | null;
  headStatusCode: number | null;
  headCreatedAt: Date | null;
  headAttempts: number | null;
  headNextAttemptAt: Date | null;
  headError: string | null;
}

/** Where one dossier's synchronisation stands. */
export async function dossierSync(db: Queryable, code: string): Promise<DossierSyncRow> {
  const { rows } = await db.query<DossierSyncRow>(named(
    `SELECT count(*)::int AS records, count(o.delivered_at)::int AS delivered, max(o.delivered_at) AS "lastDeliveredAt",
            h.id AS "headId", h.status_code AS "headStatusCode", h.created_at AS "headCreatedAt", h.attempts AS "headAttempts",
            h.next_attempt_at AS "headNextAttemptAt", h.last_error AS "headError"
       FROM dossiers d
       LEFT JOIN portal_outbox o ON o.dossier_id = d.id
       LEFT JOIN LATERAL (SELECT * FROM portal_outbox x WHERE x.dossier_id = d.id AND x.delivered_at IS NULL ORDER BY x.id LIMIT 1) h ON true
      WHERE d.code = $1
      GROUP BY h.id, h.status_code, h.created_at, h.attempts, h.next_attempt_at, h.last_error`,
    [code]));
  return rows[0] ?? { records: 0, delivered: 0, lastDeliveredAt: null, headId: null, headStatusCode: null, headCreatedAt: null, headAttempts: null, headNextAttemptAt: null, headError: null };
}
