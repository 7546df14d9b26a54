import type { ApiRole, Membership, PersonRole } from '../../engine/index.js';

// The broadest role first: a person who is a supervisor and an officer reads as a supervisor where both may.
const PREFERENCE: readonly PersonRole[] = ['admin', 'supervisor', 'analyst', 'desk', 'officer', 'lead'];

/** Does a membership give this role of a route? A lead is an officer of the department, and more. */
const gives = (m: Membership, role: PersonRole) => m.role === role || (role === 'officer' && m.role === 'lead');

/** The membership a person acts with on a route needing one of `roles`; null when none fits. Pure. */
export function membershipFor(roles: readonly PersonRole[], memberships: readonly Membership[]): Membership | null {
  for (const pref of PREFERENCE) {
    const m = memberships.find((x) => x.role === pref && roles.some((r) => gives(x, r)));
    if (m) return m;
  }
  return null;
}

/** The role the rest of the API sees for a membership: a lead acts as an officer of its department. */
export const apiRoleOf = (m: Membership): ApiRole => (m.role === 'lead' ? 'officer' : m.role);

/** The departments a person works in as an officer or lead. */
export const officerDepartments = (memberships: readonly Membership[]) =>
  [...new Set(memberships.filter((m) => m.role === 'officer' || m.role === 'lead').map((m) => m.department!))];

export const leadDepartments = (memberships: readonly Membership[]) =>
  [...new Set(memberships.filter((m) => m.role === 'lead').map((m) => m.department!))];
