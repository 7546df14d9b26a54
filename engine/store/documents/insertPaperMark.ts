import type { Queryable } from '../db.js';

export type PaperMark = 'shown' | 'excused';

/** A paper only shown at the desk, or a required paper excused with a note. */
export async function insertPaperMark(db: Queryable, mark: { dossierId: number; documentCode: string; mark: PaperMark; note: string | null; at: Date; by: string | null }): Promise<void> {
  await db.query(
    `INSERT INTO dossier_paper_marks (dossier_id, document_code, mark, note, at, by_actor) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (dossier_id, document_code, mark) DO NOTHING`,
    [mark.dossierId, mark.documentCode, mark.mark, mark.note, mark.at, mark.by],
  );
}
