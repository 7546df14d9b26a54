// The problem record shared by the deploy API and the designer's problem list.

export interface LintProblem {
  /** The element to highlight; null for file-level problems (e.g. not XML). */
  elementId: string | null;
  /** One English sentence saying what is wrong and, where possible, what to do. */
  message: string;
  /** Rule name without the plugin prefix (`no-script`), or `well-formed` for parser problems. */
  rule: string;
  severity: 'error' | 'warning';
  /**
   * What the reader's language needs to say it again (engine/lint/lintMessages.ts):
   * `element`, the element's name and id, and whatever the rule reported.
   */
  params?: Record<string, string | number>;
  /** A finer kind of problem than the rule, when the rule reports one (a key of the message catalogue). */
  code?: string;
}

export const WELL_FORMED = 'well-formed';
