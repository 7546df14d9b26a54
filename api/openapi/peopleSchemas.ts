import { PERSON_ROLES } from '../../engine/index.js';
import type { JsonSchema } from '../http/route.js';
import { closed, DEPARTMENT_CODE, dateTime, nullableDateTime, ref, UUID } from './schemas.js';

const USERNAME: JsonSchema = { type: 'string', minLength: 2, maxLength: 64, description: 'Letters, digits, dot, underscore, @ or dash; compared in lower case.' };
const FULL_NAME: JsonSchema = { type: 'string', minLength: 1, maxLength: 200 };
const PASSWORD: JsonSchema = { type: 'string', minLength: 1, maxLength: 256, description: 'At least 10 characters, not a common password, not containing the username.' };

/** Schemas of people, sessions and the audit log (api/routes/personRoutes.ts, sessionRoutes.ts, auditRoutes.ts). */
export const PEOPLE_SCHEMAS: Record<string, JsonSchema> = {
  PersonRole: { type: 'string', enum: [...PERSON_ROLES], description: 'As API keys, plus lead: the head of a department, who sees and reassigns its tasks.' },
  Membership: closed({ role: ref('PersonRole'), department: { type: ['string', 'null'], description: 'Required for officer and lead; a desk may name its receiving point; none for the others.' } }),
  NewMembership: closed({ role: ref('PersonRole'), department: { oneOf: [DEPARTMENT_CODE, { type: 'null' }] } }, ['role']),
  NewPerson: closed(
    { username: USERNAME, fullName: FULL_NAME, password: { ...PASSWORD, description: 'Optional: without one the person signs in through SSO, or after an administrator sets one. Changed at the first sign-in.' }, memberships: { type: 'array', minItems: 1, maxItems: 50, items: ref('NewMembership') } },
    ['username', 'fullName', 'memberships'],
  ),
  PersonChange: closed(
    { fullName: FULL_NAME, active: { type: 'boolean', description: 'false: deactivated, every session ends.' }, password: { ...PASSWORD, description: 'A new password (reset): every session ends; changed at the next sign-in.' }, memberships: { type: 'array', minItems: 1, maxItems: 50, items: ref('NewMembership') } },
    [],
    { minProperties: 1 },
  ),
  Person: closed({
    id: UUID,
    username: { type: 'string' },
    fullName: { type: 'string' },
    active: { type: 'boolean' },
    hasPassword: { type: 'boolean' },
    mustChangePassword: { type: 'boolean' },
    lockedUntil: nullableDateTime,
    memberships: { type: 'array', items: ref('Membership') },
    createdAt: dateTime,
    createdBy: { type: ['string', 'null'] },
    actor: { type: 'string', description: 'How history and the control slip name the person.' },
  }),
  PersonPage: closed({ items: { type: 'array', items: ref('Person') }, total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' } }),
  PeopleImport: closed({ csv: { type: 'string', minLength: 1, maxLength: 900_000, description: 'The CSV file: a header line naming the columns username, fullName, role, department, password (department and password optional); one line per membership.' } }),
  PeopleImportReport: closed({
    dryRun: { type: 'boolean' },
    imported: { type: 'boolean', description: 'Whether the people were created (never in a dry run, nor while a line has an error).' },
    people: { type: 'integer' },
    memberships: { type: 'integer' },
    errorLines: { type: 'integer' },
    lines: {
      type: 'array',
      items: closed({ line: { type: 'integer' }, username: { type: 'string' }, errors: { type: 'array', items: closed({ path: { type: 'string' }, message: { type: 'string' } }) } }),
    },
  }),
  TaskAssignment: closed({ personId: UUID, username: USERNAME }, [], { minProperties: 1, maxProperties: 1 }),

  SignIn: closed({ username: { type: 'string', minLength: 1, maxLength: 64 }, password: { type: 'string', minLength: 1, maxLength: 256 } }),
  Session: closed({
    person: ref('Person'),
    memberships: { type: 'array', items: ref('Membership') },
    csrfToken: { type: 'string', description: 'Send it as X-CSRF-Token on every request that changes something.' },
    mustChangePassword: { type: 'boolean' },
    expiresAt: dateTime,
  }),
  PasswordChange: closed({ currentPassword: { type: 'string', minLength: 1, maxLength: 256 }, newPassword: PASSWORD }),
  SsoSettings: closed({ enabled: { type: 'boolean' }, startUrl: { type: ['string', 'null'] } }),

  AuditEntry: closed({
    id: { type: 'string' },
    at: dateTime,
    actor: { type: 'string', description: 'A person’s username, a system key’s name, or the username tried for a failed sign-in.' },
    actorKind: { type: 'string', enum: ['person', 'system', 'anonymous'] },
    action: { type: 'string' },
    target: { type: ['string', 'null'] },
    detail: { type: 'object' },
  }),
  AuditPage: closed({ items: { type: 'array', items: ref('AuditEntry') }, total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' } }),
};
