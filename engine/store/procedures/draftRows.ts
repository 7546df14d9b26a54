import type { Queryable } from '../db.js';

export type DraftStatus = 'draft' | 'awaiting_approval' | 'published';

export interface DraftRow {
  id: string;
  procedureCode: string | null;
  name: string | null;
  basedOnVersion: number | null;
  status: DraftStatus;
  createdBy: string;
  createdAt: Date;
  updatedBy: string;
  updatedAt: Date;
  publishRequestedBy: string | null;
  publishRequestedAt: Date | null;
  effectiveAt: Date | null;
  publishedVersion: number | null;
}

const DRAFT_COLUMNS = `id, procedure_code AS "procedureCode", name, based_on_version AS "basedOnVersion", status,
  created_by AS "createdBy", created_at AS "createdAt", updated_by AS "updatedBy", updated_at AS "updatedAt",
  publish_requested_by AS "publishRequestedBy", publish_requested_at AS "publishRequestedAt",
  effective_at AS "effectiveAt", published_version AS "publishedVersion"`;

export interface DraftContent {
  xml: string;
  procedureCode: string | null;
  name: string | null;
  basedOnVersion: number | null;
}

export async function insertDraft(db: Queryable, d: DraftContent & { actor: string; at: Date }): Promise<DraftRow> {
  const { rows } = await db.query<DraftRow>(
    `INSERT INTO procedure_drafts (procedure_code, name, bpmn_xml, based_on_version, created_by, created_at, updated_by, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $5, $6) RETURNING ${DRAFT_COLUMNS}`,
    [d.procedureCode, d.name, d.xml, d.basedOnVersion, d.actor, d.at],
  );
  return rows[0];
}

/** New content; a pending approval request is withdrawn (the approver would approve something else). */
export async function updateDraftContent(db: Queryable, id: string, d: DraftContent & { actor: string; at: Date }): Promise<DraftRow | null> {
  const { rows } = await db.query<DraftRow>(
    `UPDATE procedure_drafts SET procedure_code = $2, name = $3, bpmn_xml = $4, based_on_version = COALESCE($5, based_on_version),
       updated_by = $6, updated_at = $7, status = 'draft', publish_requested_by = NULL, publish_requested_at = NULL,
       effective_at = NULL, row_version = row_version + 1
     WHERE id = $1 AND status <> 'published' RETURNING ${DRAFT_COLUMNS}`,
    [id, d.procedureCode, d.name, d.xml, d.basedOnVersion, d.actor, d.at],
  );
  return rows[0] ?? null;
}

export async function getDraft(db: Queryable, id: string, { lock = false } = {}): Promise<(DraftRow & { xml: string }) | null> {
  const { rows } = await db.query<DraftRow & { xml: string }>(
    `SELECT ${DRAFT_COLUMNS}, bpmn_xml AS xml FROM procedure_drafts WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] ?? null;
}

/** Drafts not yet published, newest first; of one procedure when `code` is given. */
export async function listOpenDrafts(db: Queryable, code: string | null): Promise<DraftRow[]> {
  const { rows } = await db.query<DraftRow>(
    `SELECT ${DRAFT_COLUMNS} FROM procedure_drafts
     WHERE status <> 'published' AND ($1::text IS NULL OR procedure_code = $1) ORDER BY updated_at DESC, id LIMIT 500`,
    [code],
  );
  return rows;
}

export async function markAwaitingApproval(db: Queryable, id: string, by: string, at: Date, effectiveAt: Date): Promise<DraftRow> {
  const { rows } = await db.query<DraftRow>(
    `UPDATE procedure_drafts SET status = 'awaiting_approval', publish_requested_by = $2, publish_requested_at = $3, effective_at = $4,
       row_version = row_version + 1
     WHERE id = $1 RETURNING ${DRAFT_COLUMNS}`,
    [id, by, at, effectiveAt],
  );
  return rows[0];
}

export async function markPublished(db: Queryable, id: string, version: number, by: string, at: Date, effectiveAt: Date): Promise<DraftRow> {
  const { rows } = await db.query<DraftRow>(
    `UPDATE procedure_drafts SET status = 'published', published_version = $2,
       publish_requested_by = COALESCE(publish_requested_by, $3), publish_requested_at = COALESCE(publish_requested_at, $4),
       effective_at = $5, row_version = row_version + 1
     WHERE id = $1 RETURNING ${DRAFT_COLUMNS}`,
    [id, version, by, at, effectiveAt],
  );
  return rows[0];
}
