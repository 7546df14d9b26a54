// Reads a PDF the way a citizen's viewer does (PDF.js), to check what the
// printed forms say: the text of every page, and the fonts it uses.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfContent {
  pages: number;
  text: string;
  /** Page sizes in points. */
  sizes: Array<[number, number]>;
}

export async function pdfContent(bytes: Uint8Array): Promise<PdfContent> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  const texts: string[] = [];
  const sizes: Array<[number, number]> = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const page = await pdf.getPage(i);
    const [, , w, h] = page.view;
    sizes.push([Math.round(w), Math.round(h)]);
    const content = await page.getTextContent();
    texts.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
  }
  await pdf.destroy();
  return { pages: pdf.numPages, text: texts.join('\n').normalize('NFC'), sizes };
}
