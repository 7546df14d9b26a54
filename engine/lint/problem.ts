// The problem record shared by the deploy API and the designer's problem list.

export interface LintProblem {
  /** The element to highlight; null for file-level problems (e.g. not XML). */
  elementId: string | null;
  /** One English sentence saying what is wrong and, where possible, what to do. */
  message: string;
  /** Rule name without the plugin prefix (`no-script`), or `well-formed` for parser problems. */
  rule: string;
  severity: 'error' | 'warning';
}

export const WELL_FORMED = 'well-formed';
