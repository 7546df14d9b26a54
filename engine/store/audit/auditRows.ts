import type { Queryable } from '../db.js';

export type ActorKind = 'person' | 'system' | 'anonymous';

export interface AuditEntry {
  at: Date;
  actor: string;
  actorKind: ActorKind;
  action: string;
  target: string | null;
  detail: Record<string, unknown>;
}

export async function insertAuditEntry(db: Queryable, e: AuditEntry): Promise<void> {
  await db.query(`INSERT INTO audit_log (at, actor, actor_kind, action, target, detail) VALUES ($1, $2, $3, $4, $5, $6)`, [
    e.at, e.actor, e.actorKind, e.action, e.target, JSON.stringify(e.detail),
  ]);
}
