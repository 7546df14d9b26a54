import type { Queryable } from '../db.js';
import { named } from '../namedQuery.js';

/** A call activity's run inside a dossier (migration 0021). */
export interface CallRow {
  id: string;
  dossierId: number;
  /** The call whose run made this call; null when the dossier's own run did. */
  parentCallId: string | null;
  depth: number;
  elementId: string;
  executionId: string;
  procedureCode: string;
  procedureVersionId: number;
  version: number;
  engineState: unknown;
  waiting: string[];
  status: 'running' | 'completed';
}

const COLUMNS = `id::text, dossier_id AS "dossierId", parent_call_id::text AS "parentCallId", depth, element_id AS "elementId",
  execution_id AS "executionId", procedure_code AS "procedureCode", procedure_version_id::int AS "procedureVersionId", version,
  engine_state AS "engineState", waiting, status`;

export async function insertCall(
  db: Queryable,
  c: Omit<CallRow, 'id' | 'status'> & { startedAt: Date },
): Promise<CallRow> {
  const { rows } = await db.query<CallRow>(
    named(
      `INSERT INTO dossier_calls (dossier_id, parent_call_id, depth, element_id, execution_id, procedure_code, procedure_version_id, version, engine_state, waiting, started_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING ${COLUMNS}`,
      [c.dossierId, c.parentCallId, c.depth, c.elementId, c.executionId, c.procedureCode, c.procedureVersionId, c.version, JSON.stringify(c.engineState), c.waiting, c.startedAt],
    ),
  );
  return rows[0];
}

/** The dossier's calls still running (read under the dossier's lock). */
export async function listRunningCalls(db: Queryable, dossierId: number): Promise<CallRow[]> {
  const { rows } = await db.query<CallRow>(named(`SELECT ${COLUMNS} FROM dossier_calls WHERE dossier_id = $1 AND status = 'running' ORDER BY id`, [dossierId]));
  return rows;
}

/** A call's run moved on: its state and what it waits on; `endedAt` when it ended. */
export async function updateCall(db: Queryable, id: string, u: { engineState: unknown; waiting: string[]; endedAt?: Date | null }): Promise<void> {
  await db.query(
    named(
      `UPDATE dossier_calls SET engine_state = $2, waiting = $3, status = CASE WHEN $4::timestamptz IS NULL THEN status ELSE 'completed' END, ended_at = $4 WHERE id = $1`,
      [id, JSON.stringify(u.engineState), u.waiting, u.endedAt ?? null],
    ),
  );
}

/** The versions a dossier's calls ran (running or completed), each once. */
export async function listCalledVersions(db: Queryable, dossierId: number): Promise<number[]> {
  const { rows } = await db.query<{ id: number }>(named(`SELECT DISTINCT procedure_version_id::int AS id FROM dossier_calls WHERE dossier_id = $1`, [dossierId]));
  return rows.map((r) => r.id);
}
