import { randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';

/** A small but real PDF (a header, one empty page, a trailer) with some random bytes inside so each is unique. */
export function pdfBytes(label = 'scan', padding = 0): Buffer {
  const filler = randomBytes(Math.max(0, padding)).toString('base64');
  return Buffer.from(
    `%PDF-1.4\n%\u00e2\u00e3\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n` +
      `3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\n% ${label} ${randomBytes(8).toString('hex')} ${filler}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
    'latin1',
  );
}

/** A valid 2×2 PNG (signature, IHDR, IDAT, IEND with their CRCs). */
export function pngBytes(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(2, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const raw = Buffer.from([0, ...randomBytes(6), 0, ...randomBytes(6)]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** An HTML page with a script, as an attacker would name it "giay-to.pdf". */
export const HTML_AS_PDF = Buffer.from('<!DOCTYPE html><html><body><script>fetch("/api/keys")</script>Tờ khai</body></html>', 'utf8');
