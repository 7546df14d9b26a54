// Domain errors. Each carries what a caller needs to explain the refusal; the
// HTTP layer maps them to problem responses, so no message here mentions HTTP.

export interface FieldError {
  /** JSON pointer of the offending field ('' for the whole document). */
  path: string;
  message: string;
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
}

export class DomainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
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
