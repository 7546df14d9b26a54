// Dossier codes per Circular 03/2025/TT-VPCP art. 13:
// `<agency electronic identifier>-<YYMMDD>-<sequence>`, the sequence at least
// 4 digits and growing with the volume (a busy point passes 9999 in a day).

const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const MIN_SEQUENCE_DIGITS = 4;

/** The reception date in Vietnam as YYYY-MM-DD (the counter's day). */
export function vietnamDate(t: Date): string {
  return new Date(t.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** `<agency>-<YYMMDD>-<NNNN…>`; the sequence restarts daily per agency. */
export function formatDossierCode(agency: string, day: string, seq: number): string {
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`a dossier sequence is a whole number from 1, got ${seq}`);
  const yymmdd = day.slice(2, 4) + day.slice(5, 7) + day.slice(8, 10);
  return `${agency}-${yymmdd}-${String(seq).padStart(MIN_SEQUENCE_DIGITS, '0')}`;
}

/** An agency identifier in a dossier code: the department-code alphabet (e.g. 000.00.12.H26). */
export const AGENCY_IDENTIFIER_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$';

export const DOSSIER_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}-\d{6}-\d{4,}$/;
