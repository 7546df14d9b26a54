import type { Queryable } from '../db.js';
import { DOCUMENT_COLUMNS, type DocumentRow } from './documentRow.js';

export async function getDocument(db: Queryable, id: string): Promise<DocumentRow | null> {
  const { rows } = await db.query<DocumentRow>(`SELECT ${DOCUMENT_COLUMNS} FROM dossier_documents dd JOIN dossiers d ON d.id = dd.dossier_id WHERE dd.id = $1`, [id]);
  return rows[0] ?? null;
}
