import { createReadStream } from 'node:fs';
import { access, link, mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { checkSha, type DocumentStorage, type StagedFile } from './documentStorage.js';
import { stageUpload } from './stageUpload.js';

/**
 * Documents as files under one folder (DATA_DIR/documents by default), named
 * by their SHA-256 in two levels of sub-folders (ab/cd/abcd…). Staging is a
 * sibling folder on the same file system, so putting a file in place is one
 * rename: an object is either whole or absent.
 */
export function fileStorage(root: string): DocumentStorage {
  const staging = path.join(root, 'staging');
  const objectPath = (sha256: string) => path.join(root, 'objects', checkSha(sha256).slice(0, 2), sha256.slice(2, 4), sha256);
  const exists = async (sha256: string) => access(objectPath(sha256)).then(() => true, () => false);

  return {
    kind: 'files',
    stage: (source: Readable, maxBytes: number) => stageUpload(source, staging, maxBytes),
    async commit(staged: StagedFile) {
      const target = objectPath(staged.sha256);
      await mkdir(path.dirname(target), { recursive: true });
      try {
        // link() fails when the object exists, so a concurrent twin is never replaced mid-read.
        await link(staged.path, target);
        return { created: true };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') return { created: false };
        if ((error as NodeJS.ErrnoException).code === 'EPERM' || (error as NodeJS.ErrnoException).code === 'ENOTSUP') {
          if (await exists(staged.sha256)) return { created: false };
          await rename(staged.path, target);
          return { created: true };
        }
        throw error;
      } finally {
        await rm(staged.path, { force: true });
      }
    },
    discard: (staged: StagedFile) => rm(staged.path, { force: true }),
    async open(sha256: string) {
      const file = objectPath(sha256);
      await access(file);
      return createReadStream(file);
    },
    exists,
    remove: (sha256: string) => rm(objectPath(sha256), { force: true }),
  };
}
