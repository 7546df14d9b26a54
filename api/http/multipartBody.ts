import busboy from 'busboy';
import type { Request } from 'express';
import type { Readable } from 'node:stream';
import { badRequest } from './problem.js';

export interface FilePart {
  /** The form field's name (a paper's code at reception). */
  field: string;
  fileName: string | null;
  stream: Readable;
}

export interface MultipartLimits {
  /** Files in one request. */
  files: number;
  /** Text fields, and the size of each (the dossier's JSON part). */
  fields: number;
  fieldBytes: number;
}

const DEFAULT_LIMITS: MultipartLimits = { files: 50, fields: 100, fieldBytes: 1024 * 1024 };

/**
 * Reads a multipart/form-data body part by part: text fields are collected,
 * each file is handed to `onFile` as a stream, one after the other, and is
 * never held in memory. When `onFile` (or the client) fails, the rest of the
 * body is drained unread and the promise rejects with that failure; whatever
 * `onFile` already kept is the caller's to drop.
 */
export function readMultipart<T>(
  req: Request,
  onFile: (part: FilePart) => Promise<T>,
  options: { limits?: Partial<MultipartLimits>; discard?: (kept: T[]) => Promise<unknown> } = {},
): Promise<{ fields: Record<string, string>; files: T[] }> {
  const l = { ...DEFAULT_LIMITS, ...options.limits };
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { files: l.files, fields: l.fields, fieldSize: l.fieldBytes }, defParamCharset: 'utf8' });
    } catch (error) {
      reject(badRequest(`the multipart body cannot be read: ${(error as Error).message}`));
      return;
    }
    const fields: Record<string, string> = {};
    const files: T[] = [];
    let chain: Promise<void> = Promise.resolve();
    let failed = false;
    // Parts still being read: ended with an error when the request fails, so staging stops and cleans up.
    const pending = new Set<Readable>();

    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      for (const stream of pending) stream.destroy(new Error('the upload was not completed'));
      req.unpipe(parser);
      // Drained, not cut: the client then reads the refusal instead of a reset connection.
      req.resume();
      // The file being read settles first (its staging cleans itself up), then what was kept is dropped.
      chain
        .catch(() => {})
        .then(() => options.discard?.(files.splice(0)))
        .catch(() => {})
        .then(() => reject(error));
    };

    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) fail(badRequest(`the field "${name}" is larger than ${l.fieldBytes} bytes`));
      else fields[name] = value;
    });
    parser.on('file', (field, stream, info) => {
      if (failed) {
        stream.resume();
        return;
      }
      const part: FilePart = { field, fileName: info.filename ?? null, stream };
      pending.add(stream);
      // Destroyed on purpose when the request fails; the staging that reads it reports that itself.
      stream.on('error', () => {});
      stream.on('end', () => pending.delete(stream));
      stream.on('close', () => pending.delete(stream));
      chain = chain.then(async () => {
        if (failed) {
          stream.resume();
          return;
        }
        files.push(await onFile(part));
      });
      chain.catch((error) => {
        stream.resume();
        fail(error);
      });
    });
    parser.on('filesLimit', () => fail(badRequest(`at most ${l.files} files may be sent at once`)));
    parser.on('fieldsLimit', () => fail(badRequest(`at most ${l.fields} fields may be sent at once`)));
    parser.on('error', (error: Error) => fail(badRequest(`the multipart body is malformed: ${error.message}`)));
    parser.on('close', () => {
      chain.then(() => {
        if (!failed) resolve({ fields, files });
      }, () => {});
    });
    req.on('close', () => {
      if (!req.complete) fail(badRequest('the client stopped sending the body'));
    });
    req.on('error', (error) => fail(error));
    req.pipe(parser);
  });
}
