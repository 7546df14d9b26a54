import type { Queryable } from '../store/db.js';
import { listDepartments } from '../store/departments/departmentRows.js';
import { PERSON_ROLES, type Membership, type PersonRole } from '../store/people/personRow.js';
import type { FieldError } from '../errors.js';

const DEPARTMENT_BOUND: readonly PersonRole[] = ['officer', 'lead'];
const NO_DEPARTMENT: readonly PersonRole[] = ['admin', 'analyst', 'supervisor'];

/** What is wrong with a list of memberships (pure): roles, department required or refused, duplicates, unknown departments. */
export function membershipErrors(list: readonly { role: string; department?: string | null }[], departments: ReadonlySet<string>, at: string): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  list.forEach((m, i) => {
    const path = `${at}/${i}`;
    if (!PERSON_ROLES.includes(m.role as PersonRole)) errors.push({ path: `${path}/role`, message: `must be one of ${PERSON_ROLES.join(', ')}` });
    else if (DEPARTMENT_BOUND.includes(m.role as PersonRole) && !m.department) errors.push({ path: `${path}/department`, message: `is required for the ${m.role} role` });
    else if (NO_DEPARTMENT.includes(m.role as PersonRole) && m.department) errors.push({ path: `${path}/department`, message: `is only for the officer, lead and desk roles` });
    if (m.department && !departments.has(m.department)) errors.push({ path: `${path}/department`, message: `department ${m.department} does not exist` });
    const key = `${m.role}|${m.department ?? ''}`;
    if (seen.has(key)) errors.push({ path, message: 'is listed twice' });
    seen.add(key);
  });
  return errors;
}

export async function departmentCodes(db: Queryable): Promise<Set<string>> {
  return new Set((await listDepartments(db)).map((d) => d.code));
}

export const normalizeMemberships = (list: readonly { role: string; department?: string | null }[]): Membership[] =>
  list.map((m) => ({ role: m.role as PersonRole, department: m.department || null }));
