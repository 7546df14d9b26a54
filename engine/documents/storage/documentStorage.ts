import type { Readable } from 'node:stream';

/**
 * A file received in full and hashed, waiting in a local staging folder:
 * nothing is in the store yet. It is either committed (content-addressed by
 * its SHA-256) or discarded; a failed upload never gets further than this.
 */
export interface StagedFile {
  /** Local path of the staged bytes. */
  readonly path: string;
  readonly sha256: string;
  readonly size: number;
}

/**
 * Where the bytes of documents live. Objects are named by their SHA-256, so
 * the same file attached twice is stored once and an object never changes.
 * Rows in PostgreSQL say which dossier a file belongs to; the store knows only bytes.
 */
export interface DocumentStorage {
  readonly kind: 'files' | 's3';
  /** Streams the source into a staging file, hashing as it goes; refuses (and removes it) past maxBytes. */
  stage(source: Readable, maxBytes: number): Promise<StagedFile>;
  /** Puts the staged bytes under their hash; `created` false when the object already existed. The staging file is gone after. */
  commit(staged: StagedFile): Promise<{ created: boolean }>;
  /** Drops a staging file that will not be kept. */
  discard(staged: StagedFile): Promise<void>;
  /** The bytes of an object; rejects when there is none. */
  open(sha256: string): Promise<Readable>;
  exists(sha256: string): Promise<boolean>;
  /** Removes an object nothing refers to any more (an upload whose rows could not be written). */
  remove(sha256: string): Promise<void>;
}

export const SHA256_PATTERN = /^[0-9a-f]{64}$/;

export function checkSha(sha256: string): string {
  if (!SHA256_PATTERN.test(sha256)) throw new Error(`not a SHA-256 object name: ${sha256}`);
  return sha256;
}
