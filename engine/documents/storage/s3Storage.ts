import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { checkSha, type DocumentStorage, type StagedFile } from './documentStorage.js';
import { stageUpload } from './stageUpload.js';

export interface S3Settings {
  endpoint?: string;
  bucket: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** MinIO, s3rver and most self-hosted stores want path-style URLs. */
  forcePathStyle: boolean;
  /** Local folder where uploads are hashed before they are sent. */
  stagingDir: string;
}

/**
 * Documents in an S3-compatible object store, keyed `documents/<sha256>`.
 * An upload is staged on local disk first (hashed, size-checked, sniffed),
 * then sent with its length and checksum in one PUT: a failed upload never
 * reaches the bucket, and an object once there is whole.
 */
export function s3Storage(settings: S3Settings): DocumentStorage {
  const client = new S3Client({
    region: settings.region,
    endpoint: settings.endpoint,
    forcePathStyle: settings.forcePathStyle,
    // The SDK's default adds a trailing CRC in aws-chunked bodies, which
    // several S3-compatible stores (s3rver, older MinIO, Ceph) keep as part
    // of the object: send plain bodies, the SHA-256 is checked by us.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    ...(settings.accessKeyId && settings.secretAccessKey ? { credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey } } : {}),
  });
  const Bucket = settings.bucket;
  const keyOf = (sha256: string) => `documents/${checkSha(sha256)}`;

  const exists = async (sha256: string) => {
    try {
      await client.send(new HeadObjectCommand({ Bucket, Key: keyOf(sha256) }));
      return true;
    } catch (error) {
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      if (status === 404 || (error as Error).name === 'NotFound' || (error as Error).name === 'NoSuchKey') return false;
      throw error;
    }
  };

  return {
    kind: 's3',
    stage: (source: Readable, maxBytes: number) => stageUpload(source, settings.stagingDir, maxBytes),
    async commit(staged: StagedFile) {
      try {
        if (await exists(staged.sha256)) return { created: false };
        await client.send(new PutObjectCommand({
          Bucket,
          Key: keyOf(staged.sha256),
          Body: createReadStream(staged.path),
          ContentLength: staged.size,
          ContentType: 'application/octet-stream',
        }));
        return { created: true };
      } finally {
        await rm(staged.path, { force: true });
      }
    },
    discard: (staged: StagedFile) => rm(staged.path, { force: true }),
    async open(sha256: string) {
      const answer = await client.send(new GetObjectCommand({ Bucket, Key: keyOf(sha256) }));
      return answer.Body as Readable;
    },
    exists,
    async remove(sha256: string) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: keyOf(sha256) }));
    },
  };
}
