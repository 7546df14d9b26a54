import path from 'node:path';
import type { DocumentStorage } from './documentStorage.js';
import { fileStorage } from './fileStorage.js';
import { s3Storage } from './s3Storage.js';

/**
 * S3 when S3_BUCKET is set (S3_ENDPOINT, S3_REGION, S3_ACCESS_KEY_ID,
 * S3_SECRET_ACCESS_KEY, S3_FORCE_PATH_STYLE), else files under
 * DATA_DIR/documents: no configuration needed.
 */
export function storageFromEnv(env: NodeJS.ProcessEnv, dataDir: string): DocumentStorage {
  if (env.S3_BUCKET) {
    return s3Storage({
      bucket: env.S3_BUCKET,
      endpoint: env.S3_ENDPOINT || undefined,
      region: env.S3_REGION || 'us-east-1',
      accessKeyId: env.S3_ACCESS_KEY_ID || undefined,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY || undefined,
      forcePathStyle: env.S3_FORCE_PATH_STYLE === '1' || env.S3_FORCE_PATH_STYLE === 'true',
      stagingDir: path.join(dataDir, 'documents', 'staging'),
    });
  }
  return fileStorage(path.join(dataDir, 'documents'));
}
