// The fonts of the printed forms: DejaVu Sans from the npm package
// `dejavu-fonts-ttf`, which covers every Vietnamese letter with its tone
// marks (ạ, ằ, ễ, ữ…). The files are resolved through the package, never from
// a system path, so every server prints the same glyphs; pdfkit embeds the
// subset a form uses.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

function fontFile(name: string): Buffer {
  const packageDir = path.dirname(require.resolve('dejavu-fonts-ttf/package.json'));
  return readFileSync(path.join(packageDir, 'ttf', name));
}

export interface FormFonts {
  regular: Buffer;
  bold: Buffer;
  italic: Buffer;
}

let loaded: FormFonts | null = null;

/** Loaded once per process (about 1.5 MB). */
export function formFonts(): FormFonts {
  loaded ??= {
    regular: fontFile('DejaVuSans.ttf'),
    bold: fontFile('DejaVuSans-Bold.ttf'),
    italic: fontFile('DejaVuSans-Oblique.ttf'),
  };
  return loaded;
}
