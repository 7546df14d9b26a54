import type { Queryable } from '../db.js';
import { DOCUMENT_COLUMNS, type DocumentRow } from './documentRow.js';

/** Every version of every paper of a dossier, by paper then version. */
export async function documentsOfDossier(db: Queryable, dossierId: number): Promise<DocumentRow[]> {
  const { rows } = await db.query<DocumentRow>(
    `SELECT ${DOCUMENT_COLUMNS} FROM dossier_documents dd JOIN dossiers d ON d.id = dd.dossier_id
      WHERE dd.dossier_id = $1 ORDER BY dd.uploaded_at, dd.document_code, dd.version`,
    [dossierId],
  );
  return rows;
}
