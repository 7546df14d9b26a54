import type { PaperSpec } from '../procedures/procedureModel.js';
import type { DocumentRow } from '../store/documents/documentRow.js';
import type { PaperMark } from '../store/documents/insertPaperMark.js';

export interface ChecklistEntry {
  code: string;
  name: string;
  required: boolean;
  presentOnly: boolean;
  /** Listed by the procedure (false: a paper added by a step or a supplement). */
  listed: boolean;
  shown: boolean;
  excused: { note: string | null } | null;
  versions: DocumentRow[];
}

/** The procedure's papers with what the dossier holds of each, then any other papers it holds. */
export function buildChecklist(papers: readonly PaperSpec[], rows: readonly DocumentRow[], marks: ReadonlyArray<{ documentCode: string; mark: PaperMark; note: string | null }>): ChecklistEntry[] {
  const versionsOf = (code: string) => rows.filter((r) => r.documentCode === code).sort((a, b) => a.version - b.version);
  const markOf = (code: string, mark: PaperMark) => marks.find((m) => m.documentCode === code && m.mark === mark);
  const entries: ChecklistEntry[] = papers.map((p) => {
    const excused = markOf(p.code, 'excused');
    return { ...p, listed: true, shown: !!markOf(p.code, 'shown'), excused: excused ? { note: excused.note } : null, versions: versionsOf(p.code) };
  });
  const listed = new Set(papers.map((p) => p.code));
  for (const code of [...new Set(rows.map((r) => r.documentCode))].filter((c) => !listed.has(c))) {
    const versions = versionsOf(code);
    entries.push({ code, name: versions[versions.length - 1].name, required: false, presentOnly: false, listed: false, shown: false, excused: null, versions });
  }
  return entries;
}

/** Required papers with neither a file nor an excuse: what refuses a reception. */
export function missingPapers(papers: readonly PaperSpec[], provided: ReadonlySet<string>, excused: ReadonlySet<string>): PaperSpec[] {
  return papers.filter((p) => p.required && !provided.has(p.code) && !excused.has(p.code));
}
