import { fileTypeFromFile } from 'file-type';

/** What the desk may attach: scans (PDF, JPEG, PNG) and the office files filed online (DOCX, XLSX). */
export const ACCEPTED_TYPES = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
} as const;

export type AcceptedType = keyof typeof ACCEPTED_TYPES;

/** Types a browser may show in place; everything else is downloaded (never HTML or SVG inline). */
export const INLINE_TYPES: ReadonlySet<string> = new Set(['application/pdf', 'image/jpeg', 'image/png']);

/**
 * The type the bytes say, whatever the file's name or the client's header
 * claims; null when they are none of the accepted types.
 */
export async function sniffContentType(file: string): Promise<AcceptedType | null> {
  const found = await fileTypeFromFile(file);
  return found && found.mime in ACCEPTED_TYPES ? (found.mime as AcceptedType) : null;
}
