// Domain errors. Each carries what a caller needs to explain the refusal; the
// HTTP layer maps them to problem responses, so no message here mentions HTTP.

/** Values a client puts into its own sentence for a problem (codes, dates as ISO text, counts). */
export type ProblemParams = Record<string, string | number>;

export interface FieldError {
  /** JSON pointer of the offending field ('' for the whole document). */
  path: string;
  message: string;
  /** What is wrong, stable for a client to word it in its language (e.g. 'required', 'after-promised-date'). */
  code?: string;
  params?: ProblemParams;
}

/** Field errors of a form whose document sits at `pointer` in a command's input (a form's data is at /data). */
export function errorsAt(pointer: string, errors: FieldError[]): FieldError[] {
  return errors.map((e) => ({ ...e, path: `${pointer}${e.path}` }));
}

export interface ElementProblem {
  elementId: string | null;
  message: string;
  rule?: string;
  severity?: 'error' | 'warning';
  /** A lint problem's finer kind and parameters (engine/lint/problem.ts): what a client words it from. */
  code?: string;
  params?: Record<string, string | number>;
}

/**
 * The refusals a client words in its own language from the code and its
 * parameters (`message` stays the English detail for logs and other systems).
 * Adding one: a code here, where it is thrown `.because(code, params)`, and
 * its sentence under `problem.<code>` in web/shared/i18n.
 */
export type ProblemCode =
  | 'dossier-not-found'
  | 'task-not-found'
  | 'procedure-not-deployed'
  | 'dossier-status'
  | 'task-claimed'
  | 'task-done'
  | 'task-cancelled'
  | 'task-other-department'
  | 'dossier-other-department'
  | 'process-stuck'
  | 'apology-once'
  | 'after-promised-date'
  | 'working-day'
  | 'received-future'
  | 'received-too-old'
  | 'reasons-required'
  | 'invalid-data'
  | 'period-reversed';

export class DomainError extends Error {
  code?: ProblemCode;
  params?: ProblemParams;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }

  /** Names the refusal for clients: `throw new NotFoundError(...).because('dossier-not-found', { code })`. */
  because(code: ProblemCode, params: ProblemParams = {}): this {
    this.code = code;
    this.params = params;
    return this;
  }
}

export class NotFoundError extends DomainError {}

/** The request is understood but conflicts with the current state (already completed, claimed by another...). */
export class ConflictError extends DomainError {}

/** Input data does not satisfy a form schema or a rule. */
export class ValidationError extends DomainError {
  constructor(message: string, readonly errors: FieldError[] = []) {
    super(message);
  }
}

/** A BPMN definition was refused at deploy. */
export class DeploymentError extends DomainError {
  constructor(message: string, readonly problems: ElementProblem[]) {
    super(message);
  }
}

/** The caller may not do this (role, department). */
export class ForbiddenError extends DomainError {}

/** The process definition could not continue (e.g. no gateway branch matched). */
export class ProcessError extends DomainError {
  constructor(message: string, readonly elementId: string | null = null) {
    super(message);
  }
}
