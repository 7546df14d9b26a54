import type { ResolvedDeps } from '../apiDeps.js';
import type { Caller } from '../http/route.js';
import { forbidden } from '../http/problem.js';

/** Who "this key" is in a refusal: the key, or the signed-in person. */
const whoActs = (caller: Caller) => (caller.who?.kind === 'person' ? caller.who.username : 'this key');

/**
 * The department a list is restricted to: an officer sees its own
 * department(s) only (naming another is refused), other roles see what they
 * ask for (undefined: every department). A person who is an officer of
 * several departments names one, or sees the first.
 */
export function departmentScope(caller: Caller, requested: string | undefined, what: string): string | undefined {
  const key = caller.key!;
  if (key.role !== 'officer') return requested;
  const own = caller.departments ?? [key.department!];
  if (requested && !own.includes(requested)) {
    throw forbidden(`${whoActs(caller)} acts for department ${own.join(', ')}; it cannot ${what} of ${requested}`);
  }
  return requested ?? key.department!;
}

/** The department an officer acts for, which the engine holds its commands and reads to; null for every other role. */
export function actingFor(caller: Caller): string | null {
  return caller.key?.role === 'officer' ? caller.key.department : null;
}

/**
 * The department an officer acts for on one task: a person who is an officer
 * of several departments acts for the task's own department when it is one
 * of theirs (else for the first, and the engine refuses saying whose it is).
 */
export async function actingForTask(deps: Pick<ResolvedDeps, 'engine'>, caller: Caller, taskId: string): Promise<string | null> {
  const first = actingFor(caller);
  if (!first || !caller.departments || caller.departments.length < 2) return first;
  // A missing task is answered (404) by the command itself.
  const department = await deps.engine.read.task(taskId, null).then((t) => t.task.department, () => null);
  return department && caller.departments.includes(department) ? department : first;
}
