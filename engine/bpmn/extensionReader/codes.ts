// The one rule for procedure codes (mã TTHC, e.g. 1.001234 or 2.002621),
// shared by the API's OpenAPI schema (path parameters, dossier submission)
// and the deploy-time lint, so a procedure that deploys can always be
// addressed and submitted to, and the other way round.

/** JSON Schema / ECMAScript pattern of a procedure code: 1 to 40 letters, digits, dots, hyphens or underscores. */
export const PROCEDURE_CODE_PATTERN = '^[A-Za-z0-9._-]{1,40}$';
export const PROCEDURE_CODE_MAX_LENGTH = 40;

const PROCEDURE_CODE_RE = new RegExp(PROCEDURE_CODE_PATTERN);

export function isProcedureCode(code: unknown): code is string {
  return typeof code === 'string' && PROCEDURE_CODE_RE.test(code);
}

/** The sentence to show when a code is refused. */
export function procedureCodeProblem(code: string): string {
  return `"${code.length > 60 ? `${code.slice(0, 40)}… (${code.length} characters)` : code}" is not a procedure code: use 1 to 40 letters, digits, dots, hyphens or underscores, without spaces or accents (e.g. 1.001234)`;
}
