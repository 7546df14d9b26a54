// What the API may use of the documents module (through engine/index.ts).
export { openDocuments, type Documents, type DocumentOptions, type ReceivedFile, type DocumentReader, type PaperFile, type PaperNote, type ReceptionHook, type DocumentRow, type ChecklistEntry, type DigitisationGroup, type DigitisationRow } from './openDocuments.js';
export { DocumentTooLargeError, UnsupportedDocumentTypeError } from './documentErrors.js';
export { storageFromEnv } from './storage/storageFromEnv.js';
export type { DocumentStorage } from './storage/documentStorage.js';
export { documentLimitsFromEnv, DEFAULT_DOCUMENT_LIMITS, type DocumentLimits } from './documentLimits.js';
export { ACCEPTED_TYPES } from './sniffContentType.js';
