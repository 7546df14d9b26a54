import type { Caller } from '../http/route.js';

/** What /api/me adds about who is signed in: a person (with memberships and the CSRF token of the session) or a system key. */
export function meExtras(caller: Caller) {
  if (caller.who?.kind === 'person') {
    const { who } = caller;
    return {
      kind: 'person' as const,
      fullName: who.fullName,
      memberships: who.memberships.map((m) => ({ role: m.role, department: m.department })),
      csrfToken: who.session.session.csrfToken,
      mustChangePassword: who.session.person.mustChangePassword,
      leadOf: caller.leadOf ?? [],
    };
  }
  return { kind: 'system' as const };
}
