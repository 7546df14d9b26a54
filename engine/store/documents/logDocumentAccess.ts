import type { Queryable } from '../db.js';

export interface DocumentAccess {
  at: Date;
  actor: string | null;
  action: 'download' | 'public_download' | 'refused';
  dossierCode: string | null;
  documentId: string | null;
  sha256: string | null;
  size: number | null;
  detail: string | null;
}

export async function logDocumentAccess(db: Queryable, a: DocumentAccess): Promise<void> {
  await db.query(
    `INSERT INTO document_access_log (at, actor, action, dossier_code, document_id, sha256, size, detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [a.at, a.actor, a.action, a.dossierCode, a.documentId, a.sha256, a.size, a.detail],
  );
}
