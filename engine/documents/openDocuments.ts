import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { EngineContext } from '../engineContext.js';
import { ForbiddenError, NotFoundError, ValidationError, ConflictError, type FieldError } from '../errors.js';
import { changeDossier, type UnitOfWork } from '../dossier/change.js';
import type { DossierStatus } from '../dossier/statuses.js';
import type { PaperSpec, ResultPaperSpec } from '../procedures/procedureModel.js';
import { getDossierByCode } from '../store/dossiers/dossierRows.js';
import { versionInForceAt } from '../procedures/versionInForce.js';
import { departmentTaskOnDossier } from '../store/queries/taskList.js';
import { taskInScope } from '../read/taskInScope.js';
import { withTransaction } from '../store/db.js';
import type { DocumentRow, DocumentStage } from '../store/documents/documentRow.js';
import { insertDocument } from '../store/documents/insertDocument.js';
import { documentsOfDossier } from '../store/documents/documentsOfDossier.js';
import { getDocument } from '../store/documents/getDocument.js';
import { dossierDocumentBytes } from '../store/documents/dossierDocumentBytes.js';
import { objectInUse } from '../store/documents/objectInUse.js';
import { anyStepCompleted } from '../store/documents/anyStepCompleted.js';
import { insertPaperMark, type PaperMark } from '../store/documents/insertPaperMark.js';
import { paperMarksOfDossier } from '../store/documents/paperMarksOfDossier.js';
import { insertResultSecret } from '../store/documents/insertResultSecret.js';
import { resultSecretOf } from '../store/documents/resultSecretOf.js';
import { logDocumentAccess } from '../store/documents/logDocumentAccess.js';
import { eResultDocuments } from '../store/documents/eResultDocuments.js';
import { digitisationFigures, type DigitisationGroup } from '../store/documents/digitisationFigures.js';
import type { DocumentStorage, StagedFile } from './storage/documentStorage.js';
import { fileStorage } from './storage/fileStorage.js';
import { formatBytes } from './storage/stageUpload.js';
import { DEFAULT_DOCUMENT_LIMITS, type DocumentLimits } from './documentLimits.js';
import { ACCEPTED_TYPES, INLINE_TYPES, sniffContentType } from './sniffContentType.js';
import { buildChecklist, missingPapers, type ChecklistEntry } from './checklist.js';
import { DocumentTooLargeError, UnsupportedDocumentTypeError } from './documentErrors.js';
import { hashResultSecret, newResultSecret, resultSecretMatches } from './resultSecret.js';

export interface DocumentOptions {
  storage?: DocumentStorage;
  limits?: Partial<DocumentLimits>;
}

/** A file received in full, hashed and of an accepted type, not yet in the store. */
export interface ReceivedFile extends StagedFile {
  contentType: string;
  fileName: string | null;
}

/** Who reads: the name recorded, and an officer's department or departments (null: desk, supervisor). */
export interface DocumentReader {
  actor: string;
  /** A person who is an officer of several departments reads when any of them has a step on the dossier. */
  actingFor?: string | readonly string[] | null;
}

export interface PaperFile {
  documentCode: string;
  file: ReceivedFile;
  note?: string | null;
}

export interface PaperNote {
  documentCode: string;
  mark: PaperMark;
  note?: string | null;
}

/** Rows written in the reception's transaction after the dossier's own (its papers). */
export type ReceptionHook = (work: UnitOfWork) => Promise<void>;

export type { DocumentRow, DocumentStage } from '../store/documents/documentRow.js';
export type { ChecklistEntry } from './checklist.js';
export type { DigitisationGroup, DigitisationRow } from '../store/documents/digitisationFigures.js';

// A dossier still open to papers: not refused, withdrawn or stopped.
const OPEN_TO_PAPERS: readonly DossierStatus[] = ['new', 'received', 'processing', 'supplement_requested', 'awaiting_fees', 'resolved', 'returned'];

/**
 * The dossier's papers: received at the desk or online, added by a
 * supplement, produced by a step; read by those who may read the dossier;
 * the e-result for the citizen with the secret of the receipt.
 */
export function openDocuments(ctx: EngineContext, options: DocumentOptions = {}) {
  const storage = options.storage ?? fileStorage(path.join(os.tmpdir(), 'onestop-documents'));
  const limits: DocumentLimits = { ...DEFAULT_DOCUMENT_LIMITS, ...options.limits };
  const db = ctx.pool;

  const papersOfVersion = async (versionId: number): Promise<PaperSpec[]> => (await ctx.definitions.get(versionId)).model.documents ?? [];

  /** Refuses a reader who may not see the dossier, and records the refusal. */
  const readable = async (code: string, reader: DocumentReader) => {
    const dossier = await getDossierByCode(db, code);
    if (!dossier) throw new NotFoundError(`dossier ${code} does not exist`);
    const departments = reader.actingFor ? [reader.actingFor].flat() : [];
    if (departments.length && !(await departmentTaskOnDossier(db, code, departments))) {
      const named = departments.join(', ');
      await logDocumentAccess(db, { at: ctx.time.now(), actor: reader.actor, action: 'refused', dossierCode: code, documentId: null, sha256: null, size: null, detail: `department ${named} has no step on the dossier` });
      throw new ForbiddenError(`department ${named} has no step on dossier ${code}; its officers cannot read its papers`);
    }
    return dossier;
  };

  /**
   * Puts the files in the store, then writes their rows in one change of the
   * dossier. When the change fails, objects it alone would have used are removed.
   */
  const keep = async <R>(files: ReceivedFile[], write: () => Promise<R>): Promise<R> => {
    const created: string[] = [];
    try {
      for (const f of files) if ((await storage.commit(f)).created) created.push(f.sha256);
      return await write();
    } catch (error) {
      await Promise.all(files.map((f) => storage.discard(f)));
      for (const sha of new Set(created)) if (!(await objectInUse(db, sha))) await storage.remove(sha);
      throw error;
    }
  };

  const uploadedEvent = (row: Omit<DocumentRow, 'dossierCode'>, at: Date) => ({
    type: 'document.uploaded' as const,
    at,
    actor: row.uploadedBy,
    payload: { documentId: row.id, documentCode: row.documentCode, name: row.name, version: row.version, stage: row.stage, taskId: row.taskId, contentType: row.contentType, size: row.size, sha256: row.sha256 },
  });

  const refuseOverDossierLimit = async (dossierId: number, adding: number) => {
    const held = await dossierDocumentBytes(db, dossierId);
    if (held + adding > limits.dossierBytes) {
      throw new DocumentTooLargeError(`the dossier's documents would weigh ${formatBytes(held + adding)}, over the limit of ${formatBytes(limits.dossierBytes)} per dossier`);
    }
  };

  return {
    limits,
    storageKind: storage.kind,
    acceptedTypes: Object.keys(ACCEPTED_TYPES),

    /**
     * Streams one file to staging: hashed, counted (413 past maxBytes, the
     * per-file limit by default) and sniffed (415 unless PDF, JPEG, PNG,
     * DOCX or XLSX). On any refusal nothing remains of it.
     */
    async receive(source: Readable, fileName: string | null, maxBytes = limits.fileBytes): Promise<ReceivedFile> {
      const staged = await storage.stage(source, maxBytes).catch((error: unknown) => {
        if (error instanceof DocumentTooLargeError && maxBytes < limits.fileBytes) {
          throw new DocumentTooLargeError(`the files together are larger than the limit of ${formatBytes(limits.dossierBytes)} per dossier`);
        }
        throw error;
      });
      const contentType = await sniffContentType(staged.path);
      if (!contentType) {
        await storage.discard(staged);
        throw new UnsupportedDocumentTypeError(`${fileName ? `"${fileName}"` : 'the file'} is not a PDF, JPEG, PNG, DOCX or XLSX file (judged by its content, not its name)`);
      }
      return { ...staged, contentType, fileName };
    },

    /** Drops received files that will not be kept (a refused submission). */
    discard: (files: ReceivedFile[]) => Promise.all(files.map((f) => storage.discard(f))).then(() => undefined),

    /** The checklist of the procedure's version in force now (the one a new dossier gets). */
    async papersOfProcedure(procedureCode: string): Promise<PaperSpec[]> {
      const version = await versionInForceAt(db, procedureCode, ctx.time.now());
      if (!version) throw new NotFoundError(`procedure ${procedureCode} is not deployed`);
      return papersOfVersion(version.id);
    },

    /**
     * Refuses a reception whose files name no paper of the procedure, or that
     * lacks a required paper without a note excusing it (422, by code and name).
     */
    async checkReception(procedureCode: string, provided: string[], notes: PaperNote[]): Promise<void> {
      const papers = await this.papersOfProcedure(procedureCode);
      const known = new Set(papers.map((p) => p.code));
      const errors: FieldError[] = [];
      for (const code of provided) if (!known.has(code)) errors.push({ path: `/documents/${code}`, message: `is not a paper of procedure ${procedureCode}` });
      for (const n of notes) if (!known.has(n.documentCode)) errors.push({ path: `/documents/${n.documentCode}`, message: `is not a paper of procedure ${procedureCode}` });
      const excused = new Set(notes.filter((n) => n.mark === 'excused' && n.note?.trim()).map((n) => n.documentCode));
      const missing = missingPapers(papers, new Set(provided), excused);
      for (const p of missing) errors.push({ path: `/documents/${p.code}`, message: `the required paper "${p.name}" is missing: attach it or excuse it with a note` });
      if (errors.length) {
        const named = missing.map((p) => `${p.code} (${p.name})`).join(', ');
        throw new ValidationError(missing.length ? `required papers are missing: ${named}` : 'the files name papers the procedure does not list', errors);
      }
    },

    /**
     * A reception with its papers, one transaction: the files go to the store
     * first (content-addressed, so an object no row names is harmless, and it
     * is removed when the reception fails), then `receive` runs the reception
     * with `withinReception`, which writes the papers' rows, the marks and the
     * e-result secret after the dossier's row, in the dossier's transaction.
     * A failure anywhere leaves no dossier, no row and no object of its own.
     */
    async receiveWithPapers<R>(
      input: { files: PaperFile[]; notes: PaperNote[]; actor: string },
      receive: (withinReception: ReceptionHook) => Promise<R>,
    ): Promise<{ result: R; documents: DocumentRow[]; resultSecret: string }> {
      const secret = newResultSecret();
      const rows: DocumentRow[] = [];
      const result = await keep(input.files.map((f) => f.file), () =>
        receive(async (work) => {
          rows.length = 0;
          // The version the reception gave the dossier, read back from its row in this transaction.
          const dossier = await getDossierByCode(work.db, work.dossier.code);
          const papers = dossier ? await papersOfVersion(dossier.procedureVersionId) : [];
          for (const f of input.files) {
            const paper = papers.find((p) => p.code === f.documentCode);
            const row = await insertDocument(work.db, {
              dossierId: work.dossier.id, documentCode: f.documentCode, name: paper?.name ?? f.documentCode, stage: 'reception', taskId: null,
              fileName: f.file.fileName, contentType: f.file.contentType, size: f.file.size, sha256: f.file.sha256, note: f.note ?? null, uploadedAt: work.now, uploadedBy: input.actor,
            });
            work.record(uploadedEvent(row, work.now));
            rows.push({ ...row, dossierCode: work.dossier.code });
          }
          for (const n of input.notes) {
            await insertPaperMark(work.db, { dossierId: work.dossier.id, documentCode: n.documentCode, mark: n.mark, note: n.note ?? null, at: work.now, by: input.actor });
          }
          await insertResultSecret(work.db, work.dossier.id, hashResultSecret(secret), work.now);
        }),
      );
      return { result, documents: rows, resultSecret: secret };
    },

    /**
     * A paper added to a dossier: the next version of the paper (a supplement
     * never overwrites). Before any step completed it still counts as received.
     */
    async upload(code: string, input: { documentCode: string; file: ReceivedFile; note?: string | null } & DocumentReader): Promise<DocumentRow> {
      try {
        await readable(code, input);
      } catch (error) {
        await storage.discard(input.file);
        throw error;
      }
      return keep([input.file], () =>
        changeDossier(ctx, { code }, OPEN_TO_PAPERS, 'add a paper', async (work) => {
          const papers = await papersOfVersion(work.dossier.procedureVersionId);
          await refuseOverDossierLimit(work.dossier.id, input.file.size);
          const paper = papers.find((p) => p.code === input.documentCode);
          const stage: DocumentStage = (await anyStepCompleted(work.db, work.dossier.id)) ? 'supplement' : 'reception';
          const row = await insertDocument(work.db, {
            dossierId: work.dossier.id, documentCode: input.documentCode, name: paper?.name ?? input.documentCode, stage, taskId: null,
            fileName: input.file.fileName, contentType: input.file.contentType, size: input.file.size, sha256: input.file.sha256, note: input.note ?? null, uploadedAt: work.now, uploadedBy: input.actor,
          });
          work.record(uploadedEvent(row, work.now));
          return { ...row, dossierCode: code };
        }),
      );
    },

    /** A paper produced by a step (the signed permit), by an officer of the step's department while it is open. */
    async uploadForTask(taskId: string, input: { documentCode: string; name?: string | null; file: ReceivedFile; actor: string; actingFor?: string | null }): Promise<DocumentRow> {
      let task;
      try {
        task = await taskInScope(db, taskId, input.actingFor);
        if (task.status !== 'open' && task.status !== 'claimed') throw new ConflictError(`task ${taskId} is ${task.status}: papers are attached to a step while it is open`);
      } catch (error) {
        await storage.discard(input.file);
        throw error;
      }
      const open = task;
      return keep([input.file], () =>
        changeDossier(ctx, { taskId, check: (t) => { if (t.status !== 'open' && t.status !== 'claimed') throw new ConflictError(`task ${taskId} is ${t.status}: papers are attached to a step while it is open`); } }, OPEN_TO_PAPERS, 'attach a paper to the step', async (work) => {
          const model = (await ctx.definitions.get(work.dossier.procedureVersionId)).model;
          const listed = (model.steps[open.elementId]?.resultDocuments ?? []) as ResultPaperSpec[];
          const paper = listed.find((p) => p.code === input.documentCode);
          await refuseOverDossierLimit(work.dossier.id, input.file.size);
          const row = await insertDocument(work.db, {
            dossierId: work.dossier.id, documentCode: input.documentCode, name: paper?.name ?? input.name?.trim() ?? input.documentCode, stage: 'step', taskId,
            fileName: input.file.fileName, contentType: input.file.contentType, size: input.file.size, sha256: input.file.sha256, note: null, uploadedAt: work.now, uploadedBy: input.actor,
          });
          work.record(uploadedEvent(row, work.now));
          return { ...row, dossierCode: work.dossier.code };
        }),
      );
    },

    /**
     * What a completion must carry: the ids are papers uploaded for this step,
     * and together they cover every paper the step lists as its result (422).
     */
    async checkCompletion(taskId: string, ids: string[] | undefined, reader: { actingFor?: string | null }): Promise<void> {
      const task = await taskInScope(db, taskId, reader.actingFor);
      const dossier = await getDossierByCode(db, task.dossierCode);
      if (!dossier) throw new NotFoundError(`dossier ${task.dossierCode} does not exist`);
      const listed = ((await ctx.definitions.get(dossier.procedureVersionId)).model.steps[task.elementId]?.resultDocuments ?? []) as ResultPaperSpec[];
      const errors: FieldError[] = [];
      const codes = new Set<string>();
      for (const [i, id] of (ids ?? []).entries()) {
        const doc = /^[0-9a-f-]{36}$/i.test(id) ? await getDocument(db, id) : null;
        if (!doc || doc.taskId !== taskId) errors.push({ path: `/documents/${i}`, message: `is not a paper uploaded for task ${taskId} (POST /api/tasks/${taskId}/documents)` });
        else codes.add(doc.documentCode);
      }
      for (const p of listed) if (!codes.has(p.code)) errors.push({ path: '/documents', message: `the result paper "${p.name}" (${p.code}) is missing` });
      if (errors.length) throw new ValidationError(`the step's result papers are incomplete: ${errors.map((e) => e.message).join('; ')}`, errors);
    },

    /** The checklist of a dossier with every version of every paper, and whether an e-result exists. */
    async checklist(code: string, reader: DocumentReader): Promise<{ dossierCode: string; procedureCode: string; papers: ChecklistEntry[]; eResult: DocumentRow[] }> {
      const dossier = await readable(code, reader);
      const [papers, rows, marks, eResult] = await Promise.all([
        papersOfVersion(dossier.procedureVersionId), documentsOfDossier(db, dossier.id), paperMarksOfDossier(db, dossier.id), this.eResultOf(dossier.id, dossier.status),
      ]);
      return { dossierCode: code, procedureCode: dossier.procedureCode, papers: buildChecklist(papers, rows, marks), eResult };
    },

    /** The e-result once the dossier is resolved: the last step's papers. */
    async eResultOf(dossierId: number, status: DossierStatus): Promise<DocumentRow[]> {
      return status === 'resolved' || status === 'returned' ? eResultDocuments(db, dossierId) : [];
    },

    /** The bytes of a document for someone who may read its dossier; the download is recorded. */
    async open(id: string, reader: DocumentReader): Promise<{ document: DocumentRow; content: Readable; inline: boolean }> {
      const doc = /^[0-9a-f-]{36}$/i.test(id) ? await getDocument(db, id) : null;
      if (!doc) throw new NotFoundError(`document ${id} does not exist`);
      await readable(doc.dossierCode, reader);
      const content = await storage.open(doc.sha256);
      await logDocumentAccess(db, { at: ctx.time.now(), actor: reader.actor, action: 'download', dossierCode: doc.dossierCode, documentId: doc.id, sha256: doc.sha256, size: doc.size, detail: null });
      return { document: doc, content, inline: INLINE_TYPES.has(doc.contentType) };
    },

    /**
     * A caller whose role may not use a documents endpoint at all (refused by
     * the API's role check), recorded like the refusals above: who, what, when.
     * The dossier is named when the request names it, its document or its step.
     */
    async recordRoleRefusal(input: { actor: string; dossierCode?: string; documentId?: string; taskId?: string; detail: string }): Promise<void> {
      const isId = (v?: string): v is string => !!v && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);
      const documentId = isId(input.documentId) ? input.documentId : null;
      let dossierCode = input.dossierCode?.slice(0, 100) ?? null;
      if (!dossierCode && documentId) dossierCode = (await getDocument(db, documentId))?.dossierCode ?? null;
      if (!dossierCode && isId(input.taskId)) dossierCode = await taskInScope(db, input.taskId, null).then((t) => t.dossierCode, () => null);
      await logDocumentAccess(db, { at: ctx.time.now(), actor: input.actor, action: 'refused', dossierCode, documentId, sha256: null, size: null, detail: input.detail.slice(0, 500) });
    },

    /** The citizen's e-result, with the secret of the receipt; refused (and recorded) without it. */
    async publicResult(code: string, secret: string | undefined): Promise<DocumentRow[]> {
      const found = await resultSecretOf(db, code);
      if (!found) throw new NotFoundError(`dossier ${code} does not exist`);
      if (!secret || !found.secretSha256 || !resultSecretMatches(secret, found.secretSha256)) {
        await logDocumentAccess(db, { at: ctx.time.now(), actor: null, action: 'refused', dossierCode: code, documentId: null, sha256: null, size: null, detail: secret ? 'wrong e-result secret' : 'no e-result secret' });
        throw new ForbiddenError('the e-result is given with the secret printed on the receipt');
      }
      return this.eResultOf(found.dossierId, found.status as DossierStatus);
    },

    async openPublic(code: string, secret: string | undefined, id: string): Promise<{ document: DocumentRow; content: Readable; inline: boolean }> {
      const docs = await this.publicResult(code, secret);
      const doc = docs.find((d) => d.id === id);
      if (!doc) throw new NotFoundError(`document ${id} is not part of the e-result of dossier ${code}`);
      const content = await storage.open(doc.sha256);
      await logDocumentAccess(db, { at: ctx.time.now(), actor: null, action: 'public_download', dossierCode: code, documentId: doc.id, sha256: doc.sha256, size: doc.size, detail: null });
      return { document: doc, content, inline: INLINE_TYPES.has(doc.contentType) };
    },

    /** Whether the dossier has an e-result (the public lookup says only that). */
    async hasEResult(code: string): Promise<boolean> {
      const dossier = await getDossierByCode(db, code);
      return !!dossier && (await this.eResultOf(dossier.id, dossier.status)).length > 0;
    },

    /** The service index's digitisation figures over dossiers received in [from, to). */
    digitisation: (q: { from: Date; to: Date; groupBy: DigitisationGroup }) => digitisationFigures(db, q),

    /** For tests and operations: runs in one transaction. */
    withTransaction: <R>(fn: Parameters<typeof withTransaction<R>>[1]) => withTransaction(db, fn),
  };
}

export type Documents = ReturnType<typeof openDocuments>;
