// The page layout shared by the forms of Circular 03/2025: A4, the agency
// and the national motto side by side at the top, a centred title, labelled
// lines, tables and the signature blocks. Only layout lives here; each form
// module says what it prints.

import PDFDocument from 'pdfkit';
import { formFonts } from './fonts.js';
import { longDate } from './formText.js';
import { qrMatrix } from './qrMatrix.js';

const MARGIN = 56; // about 2 cm
const BODY_SIZE = 11;

export interface FormMeta {
  /** Document title, e.g. "Mẫu số 01 - Giấy tiếp nhận hồ sơ và hẹn trả kết quả". */
  title: string;
  /** Dossier code, kept in the document's properties. */
  subject: string;
  /** The date printed on the form and kept as the document's creation date. */
  issuedAt: Date;
}

export interface TableColumn {
  header: string;
  /** Share of the text width. */
  weight: number;
}

export interface Signature {
  title: string;
  /** Under the title; default "(Ký, ghi rõ họ tên)". */
  note?: string;
  /** The signer, when the history knows who acted. */
  name?: string | null;
}

export class FormWriter {
  constructor(private readonly doc: PDFKit.PDFDocument) {}

  private get width(): number {
    return this.doc.page.width - 2 * MARGIN;
  }

  /** The form's number in the top right corner ("Mẫu số 01"). */
  formNumber(label: string): this {
    this.doc.font('italic').fontSize(9).text(label, MARGIN, MARGIN - 28, { width: this.width, align: 'right' });
    this.doc.y = MARGIN;
    return this;
  }

  /** Agency and unit on the left, the national motto on the right, then the place and date. */
  heading(agency: string, unit: string, place: string, issuedAt: Date): this {
    const { doc } = this;
    const top = doc.y;
    const leftWidth = this.width * 0.42;
    const rightX = MARGIN + this.width * 0.44;
    const rightWidth = this.width * 0.56;
    doc.font('regular').fontSize(9.5).text(agency.toUpperCase(), MARGIN, top, { width: leftWidth, align: 'center' });
    doc.font('bold').text(unit.toUpperCase(), { width: leftWidth, align: 'center' });
    const leftBottom = doc.y;
    doc.font('bold').fontSize(9.5).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', rightX, top, { width: rightWidth, align: 'center' });
    doc.font('bold').fontSize(10).text('Độc lập - Tự do - Hạnh phúc', { width: rightWidth, align: 'center', underline: true });
    doc.moveDown(0.6);
    doc.font('italic').fontSize(10).text(`${place}, ${longDate(issuedAt)}`, { width: rightWidth, align: 'center' });
    doc.x = MARGIN;
    doc.y = Math.max(leftBottom, doc.y) + 14;
    return this;
  }

  title(text: string, subtitle?: string): this {
    this.doc.font('bold').fontSize(13).text(text, MARGIN, this.doc.y, { width: this.width, align: 'center' });
    if (subtitle) this.doc.font('italic').fontSize(10.5).text(subtitle, { width: this.width, align: 'center' });
    this.doc.moveDown(0.8);
    return this;
  }

  /** "Label: value" with the label in bold. */
  field(label: string, value: string): this {
    this.doc.font('bold').fontSize(BODY_SIZE).text(`${label}: `, MARGIN, this.doc.y, { width: this.width, continued: true });
    this.doc.font('regular').text(value || '…');
    this.doc.moveDown(0.25);
    return this;
  }

  paragraph(text: string, options: { bold?: boolean; italic?: boolean } = {}): this {
    const font = options.bold ? 'bold' : options.italic ? 'italic' : 'regular';
    this.doc.font(font).fontSize(BODY_SIZE).text(text, MARGIN, this.doc.y, { width: this.width, align: 'justify' });
    this.doc.moveDown(0.35);
    return this;
  }

  /** A numbered list. */
  list(items: readonly string[]): this {
    items.forEach((item, i) => {
      this.doc.font('regular').fontSize(BODY_SIZE).text(`${i + 1}. ${item}`, MARGIN + 14, this.doc.y, { width: this.width - 14 });
    });
    this.doc.moveDown(0.35);
    return this;
  }

  /** A ruled table; rows grow with their text and break onto a new page when needed. */
  table(columns: readonly TableColumn[], rows: readonly string[][]): this {
    const { doc } = this;
    const total = columns.reduce((sum, c) => sum + c.weight, 0);
    const widths = columns.map((c) => (c.weight / total) * this.width);
    const pad = 4;
    const drawRow = (cells: readonly string[], font: 'bold' | 'regular') => {
      doc.font(font).fontSize(9.5);
      const height = Math.max(...cells.map((cell, i) => doc.heightOfString(cell || ' ', { width: widths[i] - 2 * pad }))) + 2 * pad;
      if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
      const top = doc.y;
      let x = MARGIN;
      cells.forEach((cell, i) => {
        doc.rect(x, top, widths[i], height).stroke();
        doc.text(cell, x + pad, top + pad, { width: widths[i] - 2 * pad, align: font === 'bold' ? 'center' : 'left' });
        x += widths[i];
      });
      doc.x = MARGIN;
      doc.y = top + height;
    };
    drawRow(columns.map((c) => c.header), 'bold');
    for (const row of rows) drawRow(row, 'regular');
    doc.moveDown(0.8);
    return this;
  }

  /** A link with its QR code on the left and the text beside it (the receipt's lookup). */
  linkWithQr(url: string, caption: string): this {
    const { doc } = this;
    const qr = qrMatrix(url);
    const quiet = 4;
    const side = 84;
    const cell = side / (qr.size + 2 * quiet);
    if (doc.y + side > doc.page.height - MARGIN) doc.addPage();
    const top = doc.y;
    doc.save().rect(MARGIN, top, side, side).fill('#ffffff');
    for (let r = 0; r < qr.size; r++) {
      for (let c = 0; c < qr.size; c++) {
        if (qr.dark(r, c)) doc.rect(MARGIN + (c + quiet) * cell, top + (r + quiet) * cell, cell, cell);
      }
    }
    doc.fill('#000000').restore();
    const textX = MARGIN + side + 10;
    const textWidth = this.width - side - 10;
    doc.font('italic').fontSize(10).text(caption, textX, top + 14, { width: textWidth });
    doc.font('regular').fontSize(10).text(url, textX, doc.y + 2, { width: textWidth, link: url, underline: true });
    doc.x = MARGIN;
    doc.y = Math.max(top + side, doc.y) + 8;
    return this;
  }

  /** Two signature blocks side by side (either may be omitted); a known signer's name goes under the space for the signature. */
  signatures(left: Signature | null, right: Signature | null): this {
    const { doc } = this;
    if (doc.y + 90 > doc.page.height - MARGIN) doc.addPage();
    const top = doc.y + 6;
    const half = this.width / 2;
    const block = (x: number, b: Signature | null) => {
      if (!b) return top;
      doc.font('bold').fontSize(10.5).text(b.title.toUpperCase(), x, top, { width: half, align: 'center' });
      doc.font('italic').fontSize(9.5).text(b.note ?? '(Ký, ghi rõ họ tên)', x, doc.y, { width: half, align: 'center' });
      if (b.name) doc.font('bold').fontSize(10.5).text(b.name, x, doc.y + 48, { width: half, align: 'center' });
      return doc.y;
    };
    const bottom = Math.max(block(MARGIN, left), block(MARGIN + half, right));
    doc.x = MARGIN;
    doc.y = bottom + 24;
    return this;
  }
}

/** Lays out one A4 form with the embedded Vietnamese fonts and returns the PDF's bytes. */
export function renderPdf(meta: FormMeta, draw: (form: FormWriter) => void): Promise<Buffer> {
  const fonts = formFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    info: { Title: meta.title, Subject: meta.subject, Creator: 'onestop-workflow', CreationDate: meta.issuedAt, ModDate: meta.issuedAt },
    lang: 'vi-VN',
    displayTitle: true,
  });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  doc.registerFont('italic', fonts.italic);
  doc.font('regular');
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      draw(new FormWriter(doc));
      doc.end();
    } catch (err) {
      reject(err);
    }
  });
}
