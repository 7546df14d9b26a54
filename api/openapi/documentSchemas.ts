import type { JsonSchema } from '../http/route.js';
import { closed, dateTime } from './schemas.js';

// Schemas of the documents endpoints, inline in their operations.

const SHA256: JsonSchema = { type: 'string', pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the bytes (hex)' };
export const PAPER_CODE: JsonSchema = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$', description: 'Paper code, as the procedure lists it' };

export const DOCUMENT: JsonSchema = closed({
  id: { type: 'string', format: 'uuid' },
  documentCode: { type: 'string' },
  name: { type: 'string', description: 'The paper’s name (Vietnamese), from the procedure' },
  version: { type: 'integer', minimum: 1, description: 'A supplement adds a version; none is ever overwritten' },
  stage: { enum: ['reception', 'supplement', 'step'] },
  taskId: { type: ['string', 'null'] },
  fileName: { type: ['string', 'null'] },
  contentType: { type: 'string', description: 'As sniffed from the bytes' },
  size: { type: 'integer', minimum: 0 },
  sha256: SHA256,
  note: { type: ['string', 'null'] },
  uploadedAt: dateTime,
  uploadedBy: { type: ['string', 'null'] },
  contentUrl: { type: 'string', description: 'Where the bytes are (GET)' },
});

export const CHECKLIST: JsonSchema = closed({
  dossierCode: { type: 'string' },
  procedureCode: { type: 'string' },
  papers: {
    type: 'array',
    items: closed({
      code: { type: 'string' },
      name: { type: 'string' },
      required: { type: 'boolean' },
      presentOnly: { type: 'boolean', description: 'The original is shown at the desk, not kept' },
      listed: { type: 'boolean', description: 'Listed by the procedure (false: a paper a step produced)' },
      shown: { type: 'boolean' },
      excused: { anyOf: [{ type: 'null' }, closed({ note: { type: ['string', 'null'] } })] },
      versions: { type: 'array', items: DOCUMENT },
    }),
  },
  eResult: { type: 'array', items: DOCUMENT, description: 'The last step’s papers once the dossier is resolved; empty when there is no e-result' },
});

export const PUBLIC_RESULT: JsonSchema = closed({
  dossierCode: { type: 'string' },
  documents: {
    type: 'array',
    items: closed({ id: { type: 'string' }, name: { type: 'string' }, contentType: { type: 'string' }, size: { type: 'integer' }, sha256: SHA256, contentUrl: { type: 'string' } }),
  },
});

export const UPLOAD_FORM: JsonSchema = {
  type: 'object',
  required: ['file', 'documentCode'],
  properties: {
    documentCode: PAPER_CODE,
    note: { type: 'string', maxLength: 2000 },
    name: { type: 'string', maxLength: 500, description: 'Name of a paper the step does not list' },
    file: { type: 'string', contentMediaType: 'application/octet-stream', description: 'PDF, JPEG, PNG, DOCX or XLSX; send documentCode before the file' },
  },
};

export const SUBMISSION_FORM: JsonSchema = {
  type: 'object',
  required: ['dossier'],
  properties: {
    dossier: { type: 'string', contentMediaType: 'application/json', description: 'The NewDossier JSON body; send it before the files' },
    papers: { type: 'string', contentMediaType: 'application/json', description: 'Optional JSON array [{code, mark: "shown"|"excused", note}]: papers only shown at the desk, required papers excused with a note' },
  },
  additionalProperties: { type: 'string', contentMediaType: 'application/octet-stream', description: 'One file part per paper, the part named by its document code' },
};

export const DIGITISATION: JsonSchema = closed({
  from: { type: 'string', format: 'date' },
  to: { type: 'string', format: 'date' },
  groupBy: { enum: ['procedure', 'department'] },
  rows: {
    type: 'array',
    items: closed({
      key: { type: 'string', description: 'Procedure code or department code' },
      received: { type: 'integer' },
      digitisedAtReception: { type: 'integer' },
      digitisedShare: { type: ['number', 'null'], description: 'digitisedAtReception / received' },
      resolved: { type: 'integer' },
      resolvedWithEResult: { type: 'integer' },
      eResultShare: { type: ['number', 'null'], description: 'resolvedWithEResult / resolved' },
    }),
  },
});
