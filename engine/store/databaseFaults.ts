// What a database error means for the caller: the database is away for now
// (retry later), or its disk is full (an administrator must act). Anything
// else is not a fault of the database and is left to the caller.

export type DatabaseFaultKind = 'unavailable' | 'disk-full';

export class DatabaseFault extends Error {
  constructor(
    readonly kind: DatabaseFaultKind,
    message: string,
  ) {
    super(message);
    this.name = 'DatabaseFault';
  }
}

// SQLSTATE classes: 08 connection exception, 57P01-03 shutdown/cannot connect
// now, 57014 query cancelled (statement_timeout), 53 insufficient resources.
const UNAVAILABLE_MESSAGES = [
  /timeout exceeded when trying to connect/i,
  /Connection terminated/i,
  /Query read timeout/i,
  /Client has encountered a connection error/i,
  /Cannot use a pool after calling end/i,
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH|ENOTFOUND/,
];

export function classifyDatabaseError(err: unknown): DatabaseFault | null {
  if (err instanceof DatabaseFault) return err;
  if (!err || typeof err !== 'object') return null;
  const { code, message } = err as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' ? message : '';
  if (typeof code === 'string' || /No space left on device/.test(text)) {
    if (code === '53100' || /No space left on device/.test(text)) {
      noteDiskFull();
      return new DatabaseFault('disk-full', 'the database disk is full: nothing can be saved until an administrator frees space');
    }
    if (typeof code !== 'string') return null;
    if (code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03' || code === '53300' || code === '53000' || code === '53200') {
      return new DatabaseFault('unavailable', `the database is not reachable right now (${code})`);
    }
    if (code === '57014') return new DatabaseFault('unavailable', 'the database took too long to answer; the statement was cancelled');
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code) && UNAVAILABLE_MESSAGES.some((re) => re.test(code))) {
      return new DatabaseFault('unavailable', `the database is not reachable right now (${code})`);
    }
  }
  if (UNAVAILABLE_MESSAGES.some((re) => re.test(text))) return new DatabaseFault('unavailable', 'the database is not reachable right now');
  const cause = (err as { cause?: unknown }).cause;
  return cause && cause !== err ? classifyDatabaseError(cause) : null;
}

let diskFullSeenAt = 0;

function noteDiskFull(): void {
  diskFullSeenAt = Date.now();
}

/** Whether a write failed for a full disk within the last `withinMs` (what /health reports). */
export function diskFullRecently(withinMs = 60_000): boolean {
  return diskFullSeenAt > 0 && Date.now() - diskFullSeenAt < withinMs;
}
