import type { Queryable } from '../store/db.js';
import { listPeople, type PeopleQuery } from '../store/people/listPeople.js';
import { findPerson } from '../store/people/findPerson.js';
import { membershipsOf } from '../store/people/memberships.js';
import { listAudit, type AuditQuery } from '../store/audit/listAudit.js';

/** The reads of the people registry and the audit log, bound under engine.read. */
export function peopleReads(db: Queryable) {
  return {
    people: (q: PeopleQuery) => listPeople(db, q),
    person: async (id: string) => {
      const person = await findPerson(db, { id });
      return person ? { ...person, memberships: await membershipsOf(db, id) } : null;
    },
    audit: (q: AuditQuery) => listAudit(db, q),
  };
}
