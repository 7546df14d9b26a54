import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The sample procedures (processes/*.bpmn) mark the papers the national
// procedure database requires. A dossier submitted as JSON only (no files)
// must excuse each of them with a note, or the reception is refused (422).
// Tests that submit JSON to a sample go through `withSamplePapers`.

export interface SamplePaper {
  code: string;
  name: string;
}

const PROCESSES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../processes');

/** Required papers per procedure code, read once from the sample files. */
const requiredBySample: ReadonlyMap<string, SamplePaper[]> = new Map(
  readdirSync(PROCESSES)
    .filter((f) => f.endsWith('.bpmn'))
    .map((f) => {
      const xml = readFileSync(path.join(PROCESSES, f), 'utf8');
      const code = /onestop:procedureCode="([^"]+)"/.exec(xml)?.[1] ?? f;
      const list = /<onestop:documents>([\s\S]*?)<\/onestop:documents>/.exec(xml)?.[1] ?? '';
      const papers = [...list.matchAll(/<onestop:document\s[^>]*>/g)]
        .map((m) => m[0])
        .filter((tag) => /\srequired="true"/.test(tag))
        .map((tag) => ({ code: /\scode="([^"]+)"/.exec(tag)![1], name: /\sname="([^"]+)"/.exec(tag)![1] }));
      return [code, papers] as const;
    }),
);

/** The required papers of a sample procedure (none for any other procedure). */
export const requiredSamplePapers = (procedureCode: string): SamplePaper[] => requiredBySample.get(procedureCode) ?? [];

/** The note excusing each required paper of a sample: what a JSON-only reception carries instead of the files. */
export const sampleExcuses = (procedureCode: string) =>
  requiredSamplePapers(procedureCode).map((p) => ({ code: p.code, mark: 'excused' as const, note: 'Bản giấy nhận tại quầy, quét bổ sung sau' }));

/** A JSON dossier body with the notes its sample procedure needs; a body that says its own `papers` is left as it is. */
export function withSamplePapers<T extends { procedureCode: string }>(body: T): T & { papers?: Array<{ code: string; mark: string; note?: string | null }> } {
  if ('papers' in body) return body as T & { papers?: Array<{ code: string; mark: string; note?: string | null }> };
  const papers = sampleExcuses(body.procedureCode);
  return papers.length ? { ...body, papers } : body;
}
