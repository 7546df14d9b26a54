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
