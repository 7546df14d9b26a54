const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** The reception date in Vietnam as YYYY-MM-DD (the counter's day). */
export function vietnamDate(t: Date): string {
  return new Date(t.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** `<agency>-<YYMMDD>-<NNNN>`; the sequence restarts daily per agency. */
export function formatDossierCode(agency: string, day: string, seq: number): string {
  if (seq > 9999) throw new RangeError(`more than 9999 dossiers received by ${agency} on ${day}`);
  const yymmdd = day.slice(2, 4) + day.slice(5, 7) + day.slice(8, 10);
  return `${agency}-${yymmdd}-${String(seq).padStart(4, '0')}`;
}

export const DOSSIER_CODE_PATTERN = /^[A-Za-z0-9.]+-\d{6}-\d{4}$/;
