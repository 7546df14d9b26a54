// The shape of a document row as the engine reads it; types only.

export type DocumentStage = 'reception' | 'supplement' | 'step';

export interface DocumentRow {
  id: string;
  dossierId: number;
  dossierCode: string;
  documentCode: string;
  name: string;
  version: number;
  stage: DocumentStage;
  taskId: string | null;
  fileName: string | null;
  contentType: string;
  size: number;
  sha256: string;
  note: string | null;
  uploadedAt: Date;
  uploadedBy: string | null;
}

export const DOCUMENT_COLUMNS = `dd.id, dd.dossier_id AS "dossierId", d.code AS "dossierCode", dd.document_code AS "documentCode", dd.name, dd.version,
  dd.stage, dd.task_id AS "taskId", dd.file_name AS "fileName", dd.content_type AS "contentType", dd.size, dd.sha256, dd.note,
  dd.uploaded_at AS "uploadedAt", dd.uploaded_by AS "uploadedBy"`;
