import type { ResolvedDeps } from '../apiDeps.js';
import { ACCEPTED_TYPES, DocumentTooLargeError, UnsupportedDocumentTypeError, type DocumentRow, type PaperFile, type PaperNote, type ReceivedFile } from '../../engine/index.js';

const ACCEPTED_TYPES_LIST = Object.keys(ACCEPTED_TYPES);
import { actingFor, actingForTask } from '../auth/departmentScope.js';
import { badRequest, HttpProblem, PROBLEM_TYPES } from '../http/problem.js';
import { readMultipart } from '../http/multipartBody.js';
import { created, ok, type Caller, type Reply, type RouteSpec } from '../http/route.js';
import { currentMonth, periodEnd, periodStart } from '../http/queryParams.js';
import { iso } from '../views/jsonViews.js';
import { DOSSIER_CODE, ref } from '../openapi/schemas.js';
import { CHECKLIST, DIGITISATION, DOCUMENT, PAPER_CODE, PUBLIC_RESULT, SUBMISSION_FORM, UPLOAD_FORM } from '../openapi/documentSchemas.js';
import type { Request } from 'express';

const READERS = ['desk', 'supervisor', 'officer'] as const;
const codeParam = { code: { schema: DOSSIER_CODE, description: 'Dossier code', entity: 'dossier' } };
const UUID = { type: 'string', format: 'uuid' };
// The stored types (as sniffed at upload): the only ones a document is served as.
const BYTES = Object.fromEntries(ACCEPTED_TYPES_LIST.map((t) => [t, { type: 'string', format: 'binary' }]));

/** The engine's refusals of a file, as HTTP problems. */
export function fileProblem(error: unknown): unknown {
  if (error instanceof DocumentTooLargeError) return new HttpProblem(413, PROBLEM_TYPES.tooLarge, 'The file is too large', error.message, undefined, { Connection: 'close' });
  if (error instanceof UnsupportedDocumentTypeError) return new HttpProblem(415, PROBLEM_TYPES.unsupportedMediaType, 'Unsupported file type', error.message);
  return error;
}

export function documentJson(d: DocumentRow) {
  return {
    id: d.id, documentCode: d.documentCode, name: d.name, version: d.version, stage: d.stage, taskId: d.taskId, fileName: d.fileName,
    contentType: d.contentType, size: d.size, sha256: d.sha256, note: d.note, uploadedAt: iso(d.uploadedAt)!, uploadedBy: d.uploadedBy,
    contentUrl: `/api/documents/${d.id}/content`,
  };
}

/** Bytes with their stored type; only PDF and images may show in place, everything else is a download. */
export function contentReply(doc: DocumentRow, content: NodeJS.ReadableStream, inline: boolean): Reply {
  const name = doc.fileName ?? `${doc.documentCode}-v${doc.version}`;
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return {
    status: 200,
    stream: content as import('node:stream').Readable,
    contentType: doc.contentType,
    headers: {
      'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'Content-Length': String(doc.size),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'private, no-store',
      ETag: `"${doc.sha256}"`,
    },
  };
}

/** One file and its text fields from an upload form; the file is staged (413/415 checked) as it arrives. */
async function readUpload(deps: ResolvedDeps, req: Request): Promise<{ fields: Record<string, string>; file: ReceivedFile }> {
  const documents = deps.engine.documents;
  let form;
  try {
    form = await readMultipart(req, (part) => {
      if (part.field !== 'file') throw badRequest(`the file part is named "file", not "${part.field}"`);
      return documents.receive(part.stream, part.fileName);
    }, { limits: { files: 1 }, discard: (kept) => documents.discard(kept) });
  } catch (error) {
    throw fileProblem(error);
  }
  const [file] = form.files;
  if (!file) throw badRequest('the form has no file part named "file"', [{ in: 'body', path: '/file', message: 'is required' }]);
  const code = form.fields.documentCode;
  if (!code || !new RegExp(PAPER_CODE.pattern as string).test(code)) {
    await documents.discard([file]);
    throw badRequest('documentCode is missing or malformed', [{ in: 'body', path: '/documentCode', message: 'is required: letters, digits, _ . - (at most 40)' }]);
  }
  return { fields: form.fields, file };
}

/** A reader of a dossier's papers: an officer of several departments reads those of any dossier one of them has a step on. */
const reader = (caller: Caller) => ({ actor: caller.actor, actingFor: actingFor(caller) && caller.departments && caller.departments.length > 1 ? caller.departments : actingFor(caller) });

export function documentRoutes(deps: ResolvedDeps): RouteSpec[] {
  // Read when a request comes: the route table is also built without an engine (the OpenAPI document).
  const docs = () => deps.engine.documents;
  return [
    {
      method: 'post',
      path: '/api/dossiers/{code}/documents',
      operationId: 'uploadDossierDocument',
      summary: 'Add a paper to a dossier',
      description: 'multipart/form-data: `documentCode`, optional `note`, then `file`. The bytes decide the type (PDF, JPEG, PNG, DOCX, XLSX; else 415). A paper already held gets a new version (a supplement): nothing is overwritten. Recorded in the dossier’s history with its SHA-256 and size.',
      tag: 'dossiers',
      roles: ['desk', 'officer'],
      pathParams: codeParam,
      body: { kind: 'multipart', schema: UPLOAD_FORM },
      responses: {
        201: { description: 'Stored', schema: DOCUMENT },
        409: { description: 'The dossier is refused, withdrawn or stopped', schema: ref('Problem') },
      },
      async handler({ params, caller, req }) {
        const { fields, file } = await readUpload(deps, req);
        const row = await docs().upload(params.code, { documentCode: fields.documentCode, note: fields.note ?? null, file, ...reader(caller) }).catch((e: unknown) => { throw fileProblem(e); });
        return created(documentJson(row), `/api/documents/${row.id}/content`);
      },
    },
    {
      method: 'get',
      path: '/api/dossiers/{code}/documents',
      operationId: 'listDossierDocuments',
      summary: 'The checklist of a dossier',
      description: 'The procedure’s papers with every version received, papers only shown or excused, the papers steps produced, and the e-result. An officer sees the dossiers its department has a step on; a refusal is recorded.',
      tag: 'dossiers',
      roles: READERS,
      pathParams: codeParam,
      responses: { 200: { description: 'The checklist', schema: CHECKLIST } },
      async handler({ params, caller }) {
        const c = await docs().checklist(params.code, reader(caller));
        return ok({
          dossierCode: c.dossierCode,
          procedureCode: c.procedureCode,
          papers: c.papers.map((p) => ({ code: p.code, name: p.name, required: p.required, presentOnly: p.presentOnly, listed: p.listed, shown: p.shown, excused: p.excused, versions: p.versions.map(documentJson) })),
          eResult: c.eResult.map(documentJson),
        });
      },
    },
    {
      method: 'get',
      path: '/api/documents/{id}/content',
      operationId: 'getDocumentContent',
      summary: 'The bytes of a document',
      description: 'With its stored type and `Content-Disposition`: PDF and images inline (the browser’s viewer), everything else as a download; never HTML or SVG in place (`X-Content-Type-Options: nosniff`, a sandboxing CSP). Every download is recorded (who, when, SHA-256, size).',
      tag: 'dossiers',
      roles: READERS,
      pathParams: { id: { schema: UUID, description: 'Document id', entity: 'document' } },
      responses: { 200: { description: 'The bytes', alternatives: BYTES } },
      async handler({ params, caller }) {
        const { document, content, inline } = await docs().open(params.id, reader(caller));
        return contentReply(document, content, inline);
      },
    },
    {
      method: 'post',
      path: '/api/tasks/{id}/documents',
      operationId: 'uploadTaskDocument',
      summary: 'Attach a paper a step produced',
      description: 'multipart/form-data: `documentCode` (one of the step’s `onestop:resultDocuments`, or another with `name`), then `file`. Only while the step is open, by its department. Name the returned ids in `documents` when completing the task.',
      tag: 'tasks',
      roles: ['officer'],
      pathParams: { id: { schema: UUID, description: 'Task id', entity: 'task' } },
      body: { kind: 'multipart', schema: UPLOAD_FORM },
      responses: {
        201: { description: 'Stored', schema: DOCUMENT },
        409: { description: 'The step is no longer open', schema: ref('Problem') },
      },
      async handler({ params, caller, req }) {
        const { fields, file } = await readUpload(deps, req);
        const row = await docs().uploadForTask(params.id, { documentCode: fields.documentCode, name: fields.name ?? null, file, actor: caller.actor, actingFor: await actingForTask(deps, caller, params.id) }).catch((e: unknown) => { throw fileProblem(e); });
        return created(documentJson(row), `/api/documents/${row.id}/content`);
      },
    },
    {
      method: 'get',
      path: '/api/public/dossiers/{code}/result',
      operationId: 'getElectronicResult',
      summary: 'The e-result of a dossier, for the citizen',
      description: 'The papers of the last step once the dossier is resolved, given with the secret printed on the receipt (never with the code alone; a refusal is recorded).',
      tag: 'public',
      roles: 'public',
      pathParams: codeParam,
      query: { secret: { schema: { type: 'string', minLength: 1, maxLength: 40 }, description: 'The secret printed on the receipt' } },
      responses: { 200: { description: 'The e-result (empty while there is none)', schema: PUBLIC_RESULT }, 403: { description: 'No secret, or not this dossier’s', schema: ref('Problem') } },
      async handler({ params, query }) {
        const result = await docs().publicResult(params.code, query.secret as string | undefined);
        const secret = encodeURIComponent(String(query.secret));
        return ok({
          dossierCode: params.code,
          documents: result.map((d) => ({ id: d.id, name: d.name, contentType: d.contentType, size: d.size, sha256: d.sha256, contentUrl: `/api/public/dossiers/${params.code}/result/${d.id}?secret=${secret}` })),
        });
      },
    },
    {
      method: 'get',
      path: '/api/public/dossiers/{code}/result/{id}',
      operationId: 'getElectronicResultContent',
      summary: 'The bytes of one paper of the e-result',
      tag: 'public',
      roles: 'public',
      pathParams: { ...codeParam, id: { schema: UUID, description: 'Document id', entity: 'document' } },
      query: { secret: { schema: { type: 'string', minLength: 1, maxLength: 40 }, description: 'The secret printed on the receipt' } },
      responses: { 200: { description: 'The bytes', alternatives: BYTES }, 403: { description: 'No secret, or not this dossier’s', schema: ref('Problem') } },
      async handler({ params, query }) {
        const { document, content, inline } = await docs().openPublic(params.code, query.secret as string | undefined, params.id);
        return contentReply(document, content, inline);
      },
    },
    {
      method: 'get',
      path: '/api/reports/digitisation',
      operationId: 'digitisationReport',
      summary: 'Digitisation figures of the service index',
      description: 'Over dossiers received in the period: the share whose papers were digitised at reception (scanned at the desk or filed online with their files), and the share of those resolved that carry an e-result; per procedure or per department with a step. Default period: this month.',
      tag: 'supervision',
      roles: ['supervisor'],
      query: {
        from: { schema: { type: 'string', format: 'date' }, description: 'First day (in Vietnam)' },
        to: { schema: { type: 'string', format: 'date' }, description: 'Last day, included' },
        groupBy: { schema: { enum: ['procedure', 'department'] }, description: 'Default procedure' },
      },
      responses: { 200: { description: 'The figures', schema: DIGITISATION } },
      async handler({ query }) {
        const month = currentMonth(deps.clock());
        const from = (query.from as string | undefined) ?? month.from;
        const to = (query.to as string | undefined) ?? month.to;
        if (to < from) throw badRequest('to is before from', [{ in: 'query', path: '/to', message: 'must not be before from' }]);
        const groupBy = (query.groupBy as 'procedure' | 'department' | undefined) ?? 'procedure';
        const rows = await docs().digitisation({ from: periodStart(from)!, to: periodEnd(to)!, groupBy });
        const share = (n: number, of: number) => (of ? Math.round((n / of) * 1000) / 1000 : null);
        return ok({ from, to, groupBy, rows: rows.map((r) => ({ ...r, digitisedShare: share(r.digitisedAtReception, r.received), eResultShare: share(r.resolvedWithEResult, r.resolved) })) });
      },
    },
  ];
}

/**
 * The reception of a dossier with its papers: the route still takes today's
 * JSON body, and also multipart/form-data with the JSON in the part
 * `dossier` and one file part per paper, named by the paper's code. Required
 * papers missing without an excuse refuse the reception (422); the answer
 * carries the papers kept and the e-result secret for the receipt.
 */
export function withPapers(deps: ResolvedDeps, route: RouteSpec): RouteSpec {
  const docs = () => deps.engine.documents;
  return {
    ...route,
    description: `${route.description ?? ''} Papers: the procedure's required papers (onestop:documents) must come as files of a multipart/form-data submission (part \`dossier\` = this JSON, one file part per paper named by its code, PDF/JPEG/PNG/DOCX/XLSX), or be excused with a note, in the part \`papers\` or in the JSON's own \`papers\` (the only way for a JSON-only submission); otherwise 422 names the missing papers by code and name. The answer carries \`resultSecret\`, printed on the receipt: the citizen downloads the e-result with it.`,
    body: { ...route.body!, multipart: { schema: SUBMISSION_FORM, description: 'The dossier with its papers' } },
    async handler(input) {
      let body = input.body as { procedureCode: string };
      let files: PaperFile[] = [];
      let notes: PaperNote[] = [];
      if (input.req.is('multipart/form-data')) {
        let total = 0;
        let form;
        try {
          form = await readMultipart(input.req, async (part) => {
            const room = docs().limits.dossierBytes - total;
            const file = await docs().receive(part.stream, part.fileName, Math.min(docs().limits.fileBytes, room));
            total += file.size;
            return { documentCode: part.field, file } as PaperFile;
          }, { discard: (kept) => docs().discard(kept.map((f) => f.file)) });
        } catch (error) {
          throw fileProblem(error);
        }
        files = form.files;
        try {
          body = parsePart(form.fields.dossier, 'dossier') as typeof body;
          if (body === undefined) throw badRequest('the part "dossier" with the dossier\'s JSON is missing', [{ in: 'body', path: '/dossier', message: 'is required' }]);
          input.checkBody?.(body);
          notes = paperNotes(parsePart(form.fields.papers, 'papers'));
        } catch (error) {
          await docs().discard(files.map((f) => f.file));
          throw error;
        }
      }
      try {
        // Papers without a file may also come in the dossier's JSON (the only way for a JSON-only submission).
        notes = [...notes, ...paperNotes((body as { papers?: unknown }).papers)];
        if (await deps.engine.read.latestVersion(body.procedureCode)) {
          await docs().checkReception(body.procedureCode, files.map((f) => f.documentCode), notes);
        }
      } catch (error) {
        await docs().discard(files.map((f) => f.file));
        throw error;
      }
      // The papers' rows are written in the reception's own transaction (engine/documents receiveWithPapers).
      const { result: reply, documents, resultSecret } = await docs()
        .receiveWithPapers({ files, notes, actor: input.caller.actor }, (withinReception) => route.handler({ ...input, body, withinReception }))
        .catch((e: unknown) => { throw fileProblem(e); });
      return { ...reply, body: { ...(reply.body as object), resultSecret, documents: documents.map(documentJson) } };
    },
  };
}

function parsePart(value: string | undefined, name: string): unknown {
  if (value === undefined) return undefined;
  try {
    return JSON.parse(value);
  } catch {
    throw badRequest(`the part "${name}" is not valid JSON`, [{ in: 'body', path: `/${name}`, message: 'must be JSON' }]);
  }
}

function paperNotes(value: unknown): PaperNote[] {
  if (value === undefined) return [];
  const bad = () => badRequest('the part "papers" must be a JSON array of {code, mark: "shown" | "excused", note}', [{ in: 'body', path: '/papers', message: 'is malformed' }]);
  if (!Array.isArray(value) || value.length > 100) throw bad();
  return value.map((v) => {
    const item = v as { code?: unknown; mark?: unknown; note?: unknown };
    if (typeof item?.code !== 'string' || (item.mark !== 'shown' && item.mark !== 'excused') || (item.note !== undefined && item.note !== null && typeof item.note !== 'string')) throw bad();
    if (typeof item.note === 'string' && item.note.length > 2000) throw bad();
    return { documentCode: item.code, mark: item.mark, note: (item.note as string | null | undefined) ?? null };
  });
}
