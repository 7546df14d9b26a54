import { membershipFor, officerDepartments, leadDepartments } from '../../api/auth/memberships.js';
import { passwordProblem } from '../../engine/people/passwordPolicy.js';
import { membershipErrors } from '../../engine/people/memberships.js';

const DEPARTMENTS = new Set(['TUPHAP_XA', 'CONGAN_XA']);

test('a route is served with the broadest membership that gives one of its roles; a lead is an officer of its department', () => {
  const both = [{ role: 'officer' as const, department: 'CONGAN_XA' }, { role: 'supervisor' as const, department: null }];
  expect(membershipFor(['officer', 'supervisor'], both)).toEqual({ role: 'supervisor', department: null });
  expect(membershipFor(['officer'], both)).toEqual({ role: 'officer', department: 'CONGAN_XA' });
  expect(membershipFor(['desk'], both)).toBeNull();
  const lead = [{ role: 'lead' as const, department: 'TUPHAP_XA' }];
  expect(membershipFor(['officer'], lead)).toEqual(lead[0]);
  expect(membershipFor(['lead'], lead)).toEqual(lead[0]);
  expect(membershipFor(['lead'], both)).toBeNull();
  expect(officerDepartments([...both, ...lead])).toEqual(['CONGAN_XA', 'TUPHAP_XA']);
  expect(leadDepartments([...both, ...lead])).toEqual(['TUPHAP_XA']);
});

test('passwords: ten characters at least, not a common one, not the username', () => {
  expect(passwordProblem('short-one', 'ha.le')).toMatch(/at least 10/);
  expect(passwordProblem('1234567890', 'ha.le')).toMatch(/common/);
  expect(passwordProblem('Password123', 'ha.le')).toMatch(/common/);
  expect(passwordProblem('my-ha.le-secret', 'ha.le')).toMatch(/username/);
  expect(passwordProblem('Sông Hồng mùa thu', 'ha.le')).toBeNull();
});

test('memberships: officer and lead need a department, admin takes none, departments must exist, no duplicates', () => {
  expect(membershipErrors([{ role: 'officer' }], DEPARTMENTS, '/m')).toEqual([{ path: '/m/0/department', message: 'is required for the officer role' }]);
  expect(membershipErrors([{ role: 'admin', department: 'TUPHAP_XA' }], DEPARTMENTS, '/m')[0].path).toBe('/m/0/department');
  expect(membershipErrors([{ role: 'desk', department: 'NOWHERE' }], DEPARTMENTS, '/m')[0].message).toBe('department NOWHERE does not exist');
  expect(membershipErrors([{ role: 'chief' }], DEPARTMENTS, '/m')[0].path).toBe('/m/0/role');
  expect(membershipErrors([{ role: 'desk' }, { role: 'desk', department: null }], DEPARTMENTS, '/m')).toEqual([{ path: '/m/1', message: 'is listed twice' }]);
  expect(membershipErrors([{ role: 'desk', department: 'TUPHAP_XA' }, { role: 'lead', department: 'TUPHAP_XA' }], DEPARTMENTS, '/m')).toEqual([]);
});
