import type { Caller } from '../http/route.js';
import { forbidden } from '../http/problem.js';

/**
 * The department a list is restricted to: an officer key sees its own
 * department only (naming another is refused), other roles see what they ask
 * for (undefined: every department).
 */
export function departmentScope(caller: Caller, requested: string | undefined, what: string): string | undefined {
  const key = caller.key!;
  if (key.role !== 'officer') return requested;
  if (requested && requested !== key.department) {
    throw forbidden(`this key acts for department ${key.department}; it cannot ${what} of ${requested}`);
  }
  return key.department!;
}

/** The department an officer's key acts for, which the engine holds its commands and reads to; null for every other role. */
export function actingFor(caller: Caller): string | null {
  return caller.key?.role === 'officer' ? caller.key.department : null;
}
