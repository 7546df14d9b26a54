import type { Queryable } from '../db.js';
import type { Channel } from '../../dossier/channel.js';
import type { DossierStatus } from '../../dossier/statuses.js';

/** A dossier handled in a period: received in it, or carried over into it. */
export interface PeriodDossier {
  code: string;
  procedureCode: string;
  procedureName: string;
  /** onestop:field of its procedure version; null when the procedure names none. */
  field: string | null;
  /** The resolving agency's identifier, else the receiving agency's. */
  agency: string;
  channel: Channel;
  status: DossierStatus;
  receivedAt: Date;
  dueAt: Date | null;
  originalDueAt: Date | null;
  resolvedAt: Date | null;
  returnedAt: Date | null;
  stoppedAt: Date | null;
  withdrawnAt: Date | null;
  refusedAt: Date | null;
  /** Supplement requests made before the period's end. */
  supplements: number;
  /** Time paused for supplements completed before the period's end (completion − request), ms. */
  supplementPausedMs: number;
  /** A supplement requested before the end and not completed by then: when it was requested. */
  openSupplementSince: Date | null;
  /** Time waited for the fees, when paid before the end, ms. */
  feePausedMs: number;
  /** Fees requested (a fee-bearing dossier), and whether paid online. */
  feeRequested: boolean;
  paidOnline: boolean;
}

/**
 * Every dossier received before `end` and not finished before `start`
 * (resolved, stopped or withdrawn), except those never received: filed online
 * and not yet checked (status 1) or refused at reception (status 3).
 */
export async function periodDossiers(db: Queryable, start: Date, end: Date): Promise<PeriodDossier[]> {
  const { rows } = await db.query<PeriodDossier>(
    `SELECT d.code, d.procedure_code AS "procedureCode", COALESCE(pv.model->>'name', d.procedure_code) AS "procedureName",
            NULLIF(pv.model->>'field', '') AS field, COALESCE(d.resolving_agency, d.receiving_agency) AS agency,
            d.channel, d.status, d.received_at AS "receivedAt", d.due_at AS "dueAt", d.original_due_at AS "originalDueAt",
            d.resolved_at AS "resolvedAt", d.returned_at AS "returnedAt", d.stopped_at AS "stoppedAt",
            d.withdrawn_at AS "withdrawnAt", d.refused_at AS "refusedAt",
            COALESCE(s.requested, 0)::int AS supplements, COALESCE(s.paused_ms, 0)::float8 AS "supplementPausedMs",
            s.open_since AS "openSupplementSince",
            CASE WHEN f.paid_at IS NOT NULL AND f.paid_at < $2 THEN extract(epoch FROM (f.recorded_at - f.requested_at)) * 1000 ELSE 0 END::float8 AS "feePausedMs",
            (f.dossier_id IS NOT NULL) AS "feeRequested", COALESCE(f.paid_at IS NOT NULL AND f.online, false) AS "paidOnline"
       FROM dossiers d
       JOIN procedure_versions pv ON pv.id = d.procedure_version_id
       LEFT JOIN dossier_fees f ON f.dossier_id = d.id
       LEFT JOIN LATERAL (
         SELECT count(*) AS requested,
                sum(extract(epoch FROM (x.received_at - x.requested_at)) * 1000) FILTER (WHERE x.received_at < $2) AS paused_ms,
                min(x.requested_at) FILTER (WHERE x.received_at IS NULL OR x.received_at >= $2) AS open_since
           FROM supplements x WHERE x.dossier_id = d.id AND x.requested_at < $2) s ON true
      WHERE d.status NOT IN ('new', 'refused')
        AND d.received_at < $2
        AND COALESCE(d.resolved_at, d.stopped_at, d.withdrawn_at, $1) >= $1
      ORDER BY d.received_at, d.id`,
    [start, end],
  );
  return rows;
}

/** Of these dossiers, those with a paper scanned at reception, and those with a result produced by a step (the e-result). */
export async function documentFacts(db: Queryable, codes: string[]): Promise<{ digitised: Set<string>; eResult: Set<string> } | null> {
  // The documents of issue 12; a database without them has no digitisation inputs.
  const { rows: exists } = await db.query<{ ok: boolean }>(`SELECT to_regclass('public.dossier_documents') IS NOT NULL AS ok`);
  if (!exists[0].ok) return null;
  const { rows } = await db.query<{ code: string; digitised: boolean; eResult: boolean }>(
    `SELECT d.code, bool_or(x.stage = 'reception') AS digitised, bool_or(x.stage = 'step') AS "eResult"
       FROM dossiers d JOIN dossier_documents x ON x.dossier_id = d.id
      WHERE d.code = ANY($1::text[]) GROUP BY d.code`,
    [codes],
  );
  return { digitised: new Set(rows.filter((r) => r.digitised).map((r) => r.code)), eResult: new Set(rows.filter((r) => r.eResult).map((r) => r.code)) };
}
