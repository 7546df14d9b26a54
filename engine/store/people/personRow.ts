export const PERSON_ROLES = ['admin', 'analyst', 'desk', 'officer', 'supervisor', 'lead'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

export interface Membership {
  role: PersonRole;
  department: string | null;
}

export interface PersonRow {
  id: string;
  username: string;
  fullName: string;
  active: boolean;
  passwordHash: string | null;
  mustChangePassword: boolean;
  failedAttempts: number;
  lockedUntil: Date | null;
  bootstrap: boolean;
  createdAt: Date;
  createdBy: string | null;
  updatedAt: Date;
}

export const PERSON_COLUMNS = `p.id, p.username, p.full_name AS "fullName", p.active, p.password_hash AS "passwordHash",
  p.must_change_password AS "mustChangePassword", p.failed_attempts AS "failedAttempts", p.locked_until AS "lockedUntil",
  p.bootstrap, p.created_at AS "createdAt", p.created_by AS "createdBy", p.updated_at AS "updatedAt"`;
