import type { Queryable } from '../db.js';
import type { DocumentRow } from './documentRow.js';

/** A document row before it is stored: the store numbers the version and the id. */
export type NewDocument = Omit<DocumentRow, 'id' | 'dossierCode' | 'version'>;

/**
 * Adds the next version of a paper of a dossier. Runs under the dossier's
 * lock (the unit of work), so two uploads of one paper cannot take the same number.
 */
export async function insertDocument(db: Queryable, doc: NewDocument): Promise<Omit<DocumentRow, 'dossierCode'>> {
  const { rows } = await db.query<Omit<DocumentRow, 'dossierCode'>>(
    `INSERT INTO dossier_documents (dossier_id, document_code, name, version, stage, task_id, file_name, content_type, size, sha256, note, uploaded_at, uploaded_by)
     SELECT $1, $2, $3, coalesce(max(version), 0) + 1, $4, $5, $6, $7, $8, $9, $10, $11, $12
       FROM dossier_documents WHERE dossier_id = $1 AND document_code = $2
     RETURNING id, dossier_id AS "dossierId", document_code AS "documentCode", name, version, stage, task_id AS "taskId", file_name AS "fileName",
       content_type AS "contentType", size, sha256, note, uploaded_at AS "uploadedAt", uploaded_by AS "uploadedBy"`,
    [doc.dossierId, doc.documentCode, doc.name, doc.stage, doc.taskId, doc.fileName, doc.contentType, doc.size, doc.sha256, doc.note, doc.uploadedAt, doc.uploadedBy],
  );
  return rows[0];
}
