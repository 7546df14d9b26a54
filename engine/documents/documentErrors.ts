import { DomainError } from '../errors.js';

/** A file (or a dossier's files together) over the configured limit: 413. */
export class DocumentTooLargeError extends DomainError {}

/** Bytes that are none of the accepted types, whatever the file's name says: 415. */
export class UnsupportedDocumentTypeError extends DomainError {}
