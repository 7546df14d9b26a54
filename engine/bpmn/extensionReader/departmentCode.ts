// The one rule for department codes, shared by the engine (departments.json,
// reception), the BPMN lint rules and the API's OpenAPI schema, so that a code
// the API accepts is never refused at deploy or the other way round.
//
// Official electronic identifiers of agencies (Decision 20/2020/QĐ-TTg as
// amended, e.g. 000.00.12.H26) and provincial unit codes (HO-QLDT) contain
// dots and hyphens: letters, digits, dots, hyphens and underscores are
// accepted, starting with a letter or digit, 2 to 40 characters.

/** JSON Schema / ECMAScript pattern of a department code. */
export const DEPARTMENT_CODE_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]{1,39}$';

const DEPARTMENT_CODE_RE = new RegExp(DEPARTMENT_CODE_PATTERN);

export function isDepartmentCode(code: unknown): code is string {
  return typeof code === 'string' && DEPARTMENT_CODE_RE.test(code);
}

/** The sentence to show when a code is refused. */
export function departmentCodeProblem(code: string): string {
  return `"${code.length > 60 ? `${code.slice(0, 40)}… (${code.length} characters)` : code}" is not a department code: use 2 to 40 letters, digits, dots, hyphens or underscores, starting with a letter or digit (e.g. CONGAN_XA, HO-QLDT, 000.00.12.H26)`;
}
