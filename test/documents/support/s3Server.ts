import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { s3Storage } from '../../../engine/documents/storage/s3Storage.js';
import { fileStorage } from '../../../engine/documents/storage/fileStorage.js';
import type { DocumentStorage } from '../../../engine/documents/storage/documentStorage.js';

/** A real S3-protocol server (s3rver, on disk) on loopback, with one bucket. */
export interface S3Server {
  endpoint: string;
  bucket: string;
  directory: string;
  storage(): DocumentStorage;
  close(): Promise<void>;
}

export async function startS3Server(): Promise<S3Server> {
  const directory = await mkdtemp(path.join(os.tmpdir(), 's3rver-'));
  const bucket = 'onestop-documents';
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket, configs: [] }] });
  const address = (await server.run()) as { port: number };
  const endpoint = `http://127.0.0.1:${address.port}`;
  return {
    endpoint,
    bucket,
    directory,
    storage: () => s3Storage({ endpoint, bucket, region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', forcePathStyle: true, stagingDir: path.join(directory, '..', `${path.basename(directory)}-staging`) }),
    async close() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
      await rm(`${directory}-staging`, { recursive: true, force: true });
    },
  };
}

/** Both back-ends, for the same contract. */
export interface Backend {
  name: 'files' | 's3';
  storage: DocumentStorage;
  /** Every object the back-end holds (to prove nothing was left). */
  objectCount(): Promise<number>;
  /** Files left in staging. */
  stagingCount(): Promise<number>;
  close(): Promise<void>;
}

async function countFiles(dir: string): Promise<number> {
  const { readdir } = await import('node:fs/promises');
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).length;
}

export async function openBackend(name: 'files' | 's3'): Promise<Backend> {
  if (name === 'files') {
    const root = await mkdtemp(path.join(os.tmpdir(), 'onestop-docs-'));
    return {
      name,
      storage: fileStorage(root),
      objectCount: () => countFiles(path.join(root, 'objects')),
      stagingCount: () => countFiles(path.join(root, 'staging')),
      close: () => rm(root, { recursive: true, force: true }),
    };
  }
  const s3 = await startS3Server();
  const { ListObjectsV2Command, S3Client } = await import('@aws-sdk/client-s3');
  const client = new S3Client({ endpoint: s3.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
  return {
    name,
    storage: s3.storage(),
    async objectCount() {
      const answer = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket }));
      return answer.KeyCount ?? 0;
    },
    stagingCount: () => countFiles(`${s3.directory}-staging`),
    close: () => s3.close(),
  };
}
