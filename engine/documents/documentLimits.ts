export interface DocumentLimits {
  /** One file (DOCUMENT_MAX_FILE_BYTES, default 20 MB). */
  fileBytes: number;
  /** Every version of every paper of one dossier together (DOCUMENT_MAX_DOSSIER_BYTES, default 100 MB). */
  dossierBytes: number;
}

export const DEFAULT_DOCUMENT_LIMITS: DocumentLimits = { fileBytes: 20 * 1024 * 1024, dossierBytes: 100 * 1024 * 1024 };

export function documentLimitsFromEnv(env: NodeJS.ProcessEnv): DocumentLimits {
  const read = (name: string, fallback: number) => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive number of bytes, got "${env[name]}"`);
    return value;
  };
  return { fileBytes: read('DOCUMENT_MAX_FILE_BYTES', DEFAULT_DOCUMENT_LIMITS.fileBytes), dossierBytes: read('DOCUMENT_MAX_DOSSIER_BYTES', DEFAULT_DOCUMENT_LIMITS.dossierBytes) };
}
