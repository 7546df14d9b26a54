import { personActor, type Membership, type PersonRow } from '../../engine/index.js';
import { iso } from './jsonViews.js';

export const personJson = (p: PersonRow & { memberships: Membership[] }) => ({
  id: p.id,
  username: p.username,
  fullName: p.fullName,
  active: p.active,
  hasPassword: p.passwordHash !== null,
  mustChangePassword: p.mustChangePassword,
  lockedUntil: iso(p.lockedUntil),
  memberships: p.memberships.map((m) => ({ role: m.role, department: m.department })),
  createdAt: iso(p.createdAt),
  createdBy: p.createdBy,
  actor: personActor(p),
});
