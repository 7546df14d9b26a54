import type { Queryable } from '../db.js';
import type { ProcedureModel } from '../../procedures/procedureModel.js';

export interface ProcedureVersionRow {
  id: number;
  procedureCode: string;
  version: number;
  name: string;
  sha256: string;
  model: ProcedureModel;
  deployedAt: Date;
  /** Who published it (or the file it was loaded from). */
  deployedBy: string | null;
  /** Dossiers received from this instant on get this version (until a later one takes effect). */
  effectiveAt: Date;
  /** The second analyst who approved it, when approval is required. */
  approvedBy: string | null;
  approvedAt: Date | null;
}

const VERSION_COLUMNS = `id, procedure_code AS "procedureCode", version, name, sha256, model,
  deployed_at AS "deployedAt", deployed_by AS "deployedBy", effective_at AS "effectiveAt",
  approved_by AS "approvedBy", approved_at AS "approvedAt"`;

/** Locks the procedure row (creating it) so concurrent deploys number versions in turn. */
export async function lockProcedure(db: Queryable, code: string, name: string): Promise<number> {
  await db.query(
    `INSERT INTO procedures (code, name, latest_version) VALUES ($1, $2, 0) ON CONFLICT (code) DO NOTHING`,
    [code, name],
  );
  const { rows } = await db.query<{ latest: number }>(
    'SELECT latest_version AS latest FROM procedures WHERE code = $1 FOR UPDATE',
    [code],
  );
  return rows[0].latest;
}

export async function findVersionBySha(db: Queryable, code: string, sha256: string): Promise<ProcedureVersionRow | null> {
  const { rows } = await db.query<ProcedureVersionRow>(
    `SELECT ${VERSION_COLUMNS} FROM procedure_versions WHERE procedure_code = $1 AND sha256 = $2`,
    [code, sha256],
  );
  return rows[0] ?? null;
}

export async function insertVersion(
  db: Queryable,
  v: {
    procedureCode: string; version: number; name: string; xml: string; sha256: string; model: ProcedureModel; deployedBy: string | null;
    /** Absent: in force at once (the database's now). */
    effectiveAt?: Date | null; approvedBy?: string | null; approvedAt?: Date | null; draftId?: string | null;
  },
): Promise<ProcedureVersionRow> {
  const { rows } = await db.query<ProcedureVersionRow>(
    `INSERT INTO procedure_versions (procedure_code, version, name, bpmn_xml, sha256, model, deployed_by, effective_at, approved_by, approved_at, draft_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, COALESCE($8, now()), $9, $10, $11) RETURNING ${VERSION_COLUMNS}`,
    [v.procedureCode, v.version, v.name, v.xml, v.sha256, JSON.stringify(v.model), v.deployedBy, v.effectiveAt ?? null, v.approvedBy ?? null, v.approvedAt ?? null, v.draftId ?? null],
  );
  await db.query('UPDATE procedures SET latest_version = $2, name = $3, updated_at = now() WHERE code = $1', [
    v.procedureCode,
    v.version,
    v.name,
  ]);
  return rows[0];
}

export async function getVersionById(db: Queryable, id: number): Promise<(ProcedureVersionRow & { xml: string }) | null> {
  const { rows } = await db.query<ProcedureVersionRow & { xml: string }>(
    `SELECT ${VERSION_COLUMNS}, bpmn_xml AS xml FROM procedure_versions WHERE id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

export async function getVersion(db: Queryable, code: string, version: number): Promise<(ProcedureVersionRow & { xml: string }) | null> {
  const { rows } = await db.query<ProcedureVersionRow & { xml: string }>(
    `SELECT ${VERSION_COLUMNS}, bpmn_xml AS xml FROM procedure_versions WHERE procedure_code = $1 AND version = $2`,
    [code, version],
  );
  return rows[0] ?? null;
}

/**
 * The version a dossier received at `at` gets: the highest version whose
 * effective time is at or before `at`. A dossier entered after the fact with
 * a reception before the procedure's first version took effect gets the
 * first version that is in force at `now` or took effect when it was
 * published (what existed first), never one scheduled for later.
 */
export async function getVersionInForce(db: Queryable, code: string, at: Date, now: Date = at): Promise<ProcedureVersionRow | null> {
  const { rows } = await db.query<ProcedureVersionRow>(
    `SELECT ${VERSION_COLUMNS} FROM procedure_versions
     WHERE procedure_code = $1
       AND (effective_at <= GREATEST($2::timestamptz, $3::timestamptz) OR effective_at <= deployed_at + interval '1 minute')
     ORDER BY (effective_at <= $2::timestamptz) DESC, CASE WHEN effective_at <= $2::timestamptz THEN version END DESC, version
     LIMIT 1`,
    [code, at, now],
  );
  return rows[0] ?? null;
}

/** The highest published version, in force or not yet. */
export async function getLatestVersion(db: Queryable, code: string): Promise<ProcedureVersionRow | null> {
  const { rows } = await db.query<ProcedureVersionRow>(
    `SELECT ${VERSION_COLUMNS} FROM procedure_versions v
     WHERE v.procedure_code = $1 AND v.version = (SELECT latest_version FROM procedures WHERE code = $1)`,
    [code],
  );
  return rows[0] ?? null;
}

export interface ProcedureSummary {
  code: string;
  name: string;
  latestVersion: number;
  updatedAt: Date;
}

export async function listProcedures(db: Queryable): Promise<ProcedureSummary[]> {
  const { rows } = await db.query<ProcedureSummary>(
    `SELECT code, name, latest_version AS "latestVersion", updated_at AS "updatedAt" FROM procedures
     WHERE latest_version > 0 ORDER BY code`,
  );
  return rows;
}

export async function listVersions(db: Queryable, code: string): Promise<ProcedureVersionRow[]> {
  const { rows } = await db.query<ProcedureVersionRow>(
    `SELECT ${VERSION_COLUMNS} FROM procedure_versions WHERE procedure_code = $1 ORDER BY version`,
    [code],
  );
  return rows;
}
