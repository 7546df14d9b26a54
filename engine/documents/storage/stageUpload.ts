import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DocumentTooLargeError } from '../documentErrors.js';
import type { StagedFile } from './documentStorage.js';

/**
 * Streams an upload into a new file of `folder`, hashing and counting on the
 * way, so memory stays flat whatever the size. Past `maxBytes`, or when the
 * source fails (a client that disconnects), the partial file is removed and
 * the promise rejects: nothing half-written remains.
 */
export async function stageUpload(source: Readable, folder: string, maxBytes: number): Promise<StagedFile> {
  await mkdir(folder, { recursive: true });
  const file = path.join(folder, `${randomUUID()}.part`);
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > maxBytes) {
        done(new DocumentTooLargeError(`the file is larger than the limit of ${formatBytes(maxBytes)}`));
        return;
      }
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(source, meter, createWriteStream(file, { flags: 'wx', mode: 0o600 }));
  } catch (error) {
    await rm(file, { force: true });
    throw error;
  }
  return { path: file, sha256: hash.digest('hex'), size };
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}
