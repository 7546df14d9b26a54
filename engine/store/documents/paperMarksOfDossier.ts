import type { Queryable } from '../db.js';
import type { PaperMark } from './insertPaperMark.js';

export async function paperMarksOfDossier(db: Queryable, dossierId: number): Promise<Array<{ documentCode: string; mark: PaperMark; note: string | null; at: Date; by: string | null }>> {
  const { rows } = await db.query(
    `SELECT document_code AS "documentCode", mark, note, at, by_actor AS by FROM dossier_paper_marks WHERE dossier_id = $1 ORDER BY at, document_code`,
    [dossierId],
  );
  return rows;
}
