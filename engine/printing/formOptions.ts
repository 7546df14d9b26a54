/** What a printed form needs besides the dossier. */
export interface FormOptions {
  /** The date printed on the form (the print time). */
  issuedAt: Date;
  /** The place written before the date, e.g. "Hà Nội". */
  place?: string;
}

export const DEFAULT_PLACE = 'Hà Nội';
