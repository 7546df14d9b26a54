// The QR code of the citizen page's link on the receipt (npm `qrcode`): the
// module matrix only; the form draws it as vector squares, so the PDF stays
// sharp at any size and needs no image.
import QRCode from 'qrcode';

export interface QrMatrix {
  /** Modules per side. */
  size: number;
  /** Row-major, true for a dark module. */
  dark(row: number, col: number): boolean;
}

export function qrMatrix(text: string): QrMatrix {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return { size: modules.size, dark: (row, col) => !!modules.get(row, col) };
}
