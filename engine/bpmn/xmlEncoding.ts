// An uploaded BPMN file arrives as bytes. Its encoding is, in order: a byte
// order mark, the charset of the request's Content-Type, the encoding its XML
// declaration names, else UTF-8 (RFC 7303, XML 1.0 appendix F). Any encoding
// the runtime's TextDecoder knows is accepted, so a file declaring
// ISO-8859-1 or windows-1252 is read as such; bytes that are not valid in
// the encoding are refused, never silently replaced.

export class XmlEncodingError extends Error {}

const BOMS: Array<[number[], string]> = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xfe, 0xff], 'utf-16be'],
  [[0xff, 0xfe], 'utf-16le'],
];

function charsetOf(contentType: string | undefined): string | null {
  const match = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType ?? '');
  return match ? match[2]! : null;
}

/** The encoding named by `<?xml ... encoding="..."?>`, read as ASCII. */
export function declaredEncoding(bytes: Uint8Array): string | null {
  // Browser-safe (no Buffer): the declaration is ASCII in every encoding it may name.
  const head = String.fromCharCode(...bytes.subarray(0, 256));
  const match = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']/.exec(head);
  return match ? match[1]! : null;
}

export function decodeXml(bytes: Uint8Array, contentType?: string): string {
  for (const [mark, encoding] of BOMS) {
    if (mark.every((byte, i) => bytes[i] === byte)) return decode(bytes.subarray(mark.length), encoding, 'its byte order mark');
  }
  const charset = charsetOf(contentType);
  if (charset) return decode(bytes, charset, 'the Content-Type charset');
  const declared = declaredEncoding(bytes);
  return decode(bytes, declared ?? 'utf-8', declared ? 'its XML declaration' : 'the default UTF-8');
}

function decode(bytes: Uint8Array, encoding: string, source: string): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding, { fatal: true });
  } catch {
    throw new XmlEncodingError(`the file's encoding "${encoding}" (from ${source}) is not one this server can read; save the file as UTF-8`);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw new XmlEncodingError(`the file's bytes are not valid ${encoding} (the encoding named by ${source}); save the file as UTF-8 or declare its real encoding`);
  }
}
