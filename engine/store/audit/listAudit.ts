import type { Queryable } from '../db.js';
import type { AuditEntry } from './auditRows.js';

export interface AuditQuery {
  actor?: string;
  action?: string;
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

/** Newest first. `action` matches a whole action or a prefix ending in a dot ("session." = every session action). */
export async function listAudit(db: Queryable, q: AuditQuery): Promise<{ items: Array<AuditEntry & { id: string }>; total: number }> {
  const { rows } = await db.query<AuditEntry & { id: string; total: number }>(
    `SELECT id::text, at, actor, actor_kind AS "actorKind", action, target, detail, count(*) OVER ()::int AS total
     FROM audit_log
     WHERE ($1::text IS NULL OR actor = $1)
       AND ($2::text IS NULL OR action = $2 OR (right($2, 1) = '.' AND starts_with(action, $2)))
       AND ($3::timestamptz IS NULL OR at >= $3) AND ($4::timestamptz IS NULL OR at < $4)
     ORDER BY at DESC, id DESC LIMIT $5 OFFSET $6`,
    [q.actor ?? null, q.action ?? null, q.from ?? null, q.to ?? null, q.limit, q.offset],
  );
  return { items: rows.map(({ total: _t, ...r }) => r), total: rows[0]?.total ?? 0 };
}
