/** What a printed form needs besides the dossier. */
export interface FormOptions {
  /** The date printed on the form (the print time). */
  issuedAt: Date;
  /** The place written before the date, e.g. "Hà Nội". */
  place?: string;
  /** The citizen page of the dossier (/tra-cuu/{code}): printed with its QR code on the receipt. */
  lookupUrl?: string;
}

export const DEFAULT_PLACE = 'Hà Nội';
