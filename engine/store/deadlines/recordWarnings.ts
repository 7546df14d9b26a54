import type { Queryable } from '../db.js';
import { batchOf, type SweepBatch } from './sweepBatch.js';

export interface RecordedWarning {
  id: number;
  dossierId: number;
  dossierCode: string;
  taskId: string | null;
  name: string | null;
  department: string | null;
  dueAt: Date;
  warnAt: Date;
}

/**
 * Records the warnings that fell due (steps and promised dates not yet
 * reached), once per due time, with their history events: at most `limit`
 * steps and `limit` dossiers, earliest first. The steps' warnings are read
 * from their pending deadlines (migration 0024), whose warning time is
 * cleared once recorded (or moot: the step done, or already due).
 */
export async function recordWarnings(
  db: Queryable,
  now: Date,
  scope: { dossierId?: number | null; taskId?: string | null; warnSince?: Date | null },
  limit: number,
): Promise<SweepBatch<RecordedWarning>> {
  const { rows } = await db.query<RecordedWarning & { taken: number }>(
    `WITH step AS (
       SELECT q.task_id, t.dossier_id, t.name, t.department, t.due_at, q.warn_at, d.code,
              t.status IN ('open', 'claimed') AND t.due_at = q.due_at AND t.due_at > $1 AND warned.found IS NULL AS to_record
         FROM pending_step_deadlines q JOIN tasks t ON t.id = q.task_id JOIN dossiers d ON d.id = t.dossier_id
         -- Lateral probes, not EXISTS: on a large estimate the planner hashed every warning of every dossier (1.4 million).
         LEFT JOIN LATERAL (SELECT 1 AS found FROM deadline_warnings w WHERE w.task_id = t.id AND w.due_at = t.due_at LIMIT 1) warned ON true
        WHERE q.warn_at IS NOT NULL AND q.warn_at <= $1 AND (d.status = 'processing' OR t.status NOT IN ('open', 'claimed'))
          AND ($2::bigint IS NULL OR t.dossier_id = $2) AND ($3::uuid IS NULL OR q.task_id = $3)
          AND ($4::timestamptz IS NULL OR q.warn_at >= $4)
        ORDER BY q.warn_at LIMIT $5
          FOR UPDATE OF q, t SKIP LOCKED
     ), whole AS (
       SELECT d.id AS dossier_id, d.due_at, d.warn_at, d.code,
              d.due_at <= $1 OR warned.found IS NOT NULL AS settled
         FROM dossiers d
         LEFT JOIN LATERAL (SELECT 1 AS found FROM deadline_warnings w WHERE w.dossier_id = d.id AND w.task_id IS NULL AND w.due_at = d.due_at LIMIT 1) warned ON true
        WHERE d.status = 'processing' AND d.warned_due_at IS DISTINCT FROM d.due_at AND COALESCE(d.warn_at, 'infinity'::timestamptz) <= $1 AND $3::uuid IS NULL
          AND ($2::bigint IS NULL OR d.id = $2) AND ($4::timestamptz IS NULL OR d.warn_at >= $4)
        ORDER BY COALESCE(d.warn_at, 'infinity'::timestamptz) LIMIT $5
          FOR UPDATE OF d SKIP LOCKED
     ), due AS (
       SELECT dossier_id, task_id, name, department, due_at, warn_at, code FROM step WHERE to_record
       UNION ALL
       SELECT dossier_id, NULL, NULL, NULL, due_at, warn_at, code FROM whole WHERE NOT settled
     ), ins AS (
       INSERT INTO deadline_warnings (dossier_id, task_id, department, due_at, warn_at, warned_at)
       SELECT dossier_id, task_id, department, due_at, warn_at, $1 FROM due
       ON CONFLICT DO NOTHING
       RETURNING id, dossier_id, task_id, department, due_at, warn_at
     ), marked_steps AS (
       UPDATE pending_step_deadlines q SET warn_at = NULL FROM step WHERE q.task_id = step.task_id
     ), marked_dossiers AS (
       UPDATE dossiers d SET warned_due_at = whole.due_at FROM whole WHERE d.id = whole.dossier_id
     ), ev AS (
       INSERT INTO dossier_events (dossier_id, type, at, payload)
       SELECT ins.dossier_id, CASE WHEN ins.task_id IS NULL THEN 'dossier.warning' ELSE 'task.warning' END, $1,
              jsonb_build_object('taskId', ins.task_id, 'department', ins.department, 'dueAt', ins.due_at)
         FROM ins
     )
     -- The larger of the two batches: a full one means there may be more.
     SELECT c.taken, r.* FROM (SELECT GREATEST((SELECT count(*) FROM step), (SELECT count(*) FROM whole))::int AS taken) c LEFT JOIN (
       SELECT ins.id, ins.dossier_id AS "dossierId", d.code AS "dossierCode", ins.task_id AS "taskId", t.name,
              ins.department, ins.due_at AS "dueAt", ins.warn_at AS "warnAt"
         FROM ins JOIN dossiers d ON d.id = ins.dossier_id LEFT JOIN tasks t ON t.id = ins.task_id) r ON true`,
    [now, scope.dossierId ?? null, scope.taskId ?? null, scope.warnSince ?? null, limit],
  );
  return batchOf(rows);
}
