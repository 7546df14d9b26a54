import type { Queryable } from '../store/db.js';
import { insertAuditEntry, type ActorKind } from '../store/audit/auditRows.js';

/** Who acted, as the audit log names them: a person by username, a system by its key's name. */
export interface ActorRef {
  kind: ActorKind;
  name: string;
}

export const ANONYMOUS: ActorRef = { kind: 'anonymous', name: 'anonymous' };

export function audit(db: Queryable, at: Date, by: ActorRef, action: string, target: string | null, detail: Record<string, unknown> = {}): Promise<void> {
  return insertAuditEntry(db, { at, actor: by.name, actorKind: by.kind, action, target, detail });
}
