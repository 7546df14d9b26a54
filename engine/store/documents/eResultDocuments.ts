import type { Queryable } from '../db.js';
import { DOCUMENT_COLUMNS, type DocumentRow } from './documentRow.js';

/**
 * The e-result of a dossier: the latest version of each paper produced by
 * the last completed step that produced any. Empty while no step did.
 */
export async function eResultDocuments(db: Queryable, dossierId: number): Promise<DocumentRow[]> {
  const { rows } = await db.query<DocumentRow>(
    `WITH last_step AS (
       SELECT t.id FROM tasks t
        WHERE t.dossier_id = $1 AND t.status = 'completed'
          AND EXISTS (SELECT 1 FROM dossier_documents x WHERE x.task_id = t.id)
        ORDER BY t.completed_at DESC LIMIT 1)
     SELECT DISTINCT ON (dd.document_code) ${DOCUMENT_COLUMNS}
       FROM dossier_documents dd JOIN dossiers d ON d.id = dd.dossier_id
      WHERE dd.task_id = (SELECT id FROM last_step)
      ORDER BY dd.document_code, dd.version DESC`,
    [dossierId],
  );
  return rows;
}
