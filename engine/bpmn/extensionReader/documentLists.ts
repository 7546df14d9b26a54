// The papers of a procedure (thành phần hồ sơ) on its start event, and the
// papers a step produces (onestop:resultDocuments) on a user task. One reader
// for the lint rule and the deploy, so what lint accepts is what is stored.

/* eslint-disable @typescript-eslint/no-explicit-any */
type ModdleElement = any;

/** One paper of the checklist at reception. */
export interface PaperSpec {
  code: string;
  name: string;
  required: boolean;
  /** The original is only shown at the desk, not kept: no scan is expected. */
  presentOnly: boolean;
}

/** A paper a step must attach when it completes (the signed permit, a refusal letter). */
export interface ResultPaperSpec {
  code: string;
  name: string;
}

export const DOCUMENTS = 'onestop:Documents';
export const RESULT_DOCUMENTS = 'onestop:ResultDocuments';

/** Paper codes are short ASCII tokens: they name multipart parts and appear in URLs. */
export const PAPER_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/;

function listsOf(element: ModdleElement, type: string): ModdleElement[] {
  return (element?.extensionElements?.values ?? []).filter((v: ModdleElement) => v?.$type === type);
}

/** What is wrong with the lists of an element, in words; empty when nothing is. */
export function documentListProblems(element: ModdleElement): string[] {
  const problems: string[] = [];
  for (const type of [DOCUMENTS, RESULT_DOCUMENTS]) {
    const lists = listsOf(element, type);
    const tag = type === DOCUMENTS ? 'onestop:documents' : 'onestop:resultDocuments';
    if (lists.length > 1) problems.push(`has ${lists.length} ${tag} lists; keep exactly one`);
    const seen = new Set<string>();
    for (const list of lists) {
      const papers: ModdleElement[] = list.documents ?? [];
      if (papers.length === 0) problems.push(`has an empty ${tag} list`);
      papers.forEach((paper, i) => {
        const code = typeof paper.code === 'string' ? paper.code.trim() : '';
        const label = code ? `paper "${code}"` : `paper ${i + 1}`;
        if (!code) problems.push(`${tag}: ${label} has no code`);
        else if (!PAPER_CODE_PATTERN.test(code)) problems.push(`${tag}: ${label} has an invalid code (letters, digits, _ . -, at most 40)`);
        else if (seen.has(code)) problems.push(`${tag}: ${label} is listed twice`);
        seen.add(code);
        if (typeof paper.name !== 'string' || !paper.name.trim()) problems.push(`${tag}: ${label} has no name`);
        if (type === DOCUMENTS && paper.required && paper.presentOnly) problems.push(`${tag}: ${label} cannot be both required (a scan is kept) and presentOnly (only shown)`);
      });
    }
  }
  return problems;
}

/** The checklist of the start event; empty when it lists no papers. */
export function papersOf(startEvent: ModdleElement): PaperSpec[] {
  const list = listsOf(startEvent, DOCUMENTS)[0];
  return (list?.documents ?? []).map((p: ModdleElement) => ({
    code: String(p.code).trim(),
    name: String(p.name ?? '').trim(),
    required: p.required === true,
    presentOnly: p.presentOnly === true,
  }));
}

/** The papers a user task must attach when it completes. */
export function resultPapersOf(task: ModdleElement): ResultPaperSpec[] {
  const list = listsOf(task, RESULT_DOCUMENTS)[0];
  return (list?.documents ?? []).map((p: ModdleElement) => ({ code: String(p.code).trim(), name: String(p.name ?? '').trim() }));
}
