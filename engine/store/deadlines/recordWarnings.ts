import type { Queryable } from '../db.js';

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
 * reached), once per due time, with their history events.
 */
export async function recordWarnings(
  db: Queryable,
  now: Date,
  scope: { dossierId?: number | null; taskId?: string | null; warnSince?: Date | null } = {},
): Promise<RecordedWarning[]> {
  const { rows } = await db.query<RecordedWarning>(
    `WITH step AS (
       -- Only steps not yet marked as warned for their current due time (tasks_unwarned_idx); one
       -- already due is marked without a warning (it is a breach now, the warning is moot).
       SELECT t.dossier_id, t.id AS task_id, t.name, t.department, t.due_at, t.warn_at, d.code,
              t.due_at <= $1 OR EXISTS (SELECT 1 FROM deadline_warnings w WHERE w.task_id = t.id AND w.due_at = t.due_at) AS settled
         FROM tasks t JOIN dossiers d ON d.id = t.dossier_id
        WHERE t.status IN ('open', 'claimed') AND t.warned_due_at IS DISTINCT FROM t.due_at AND COALESCE(t.warn_at, 'infinity'::timestamptz) <= $1 AND d.status = 'processing'
          AND ($2::bigint IS NULL OR t.dossier_id = $2) AND ($3::uuid IS NULL OR t.id = $3)
          AND ($4::timestamptz IS NULL OR t.warn_at >= $4)
          FOR UPDATE OF t SKIP LOCKED
     ), whole AS (
       SELECT d.id AS dossier_id, d.due_at, d.warn_at, d.code,
              d.due_at <= $1 OR EXISTS (SELECT 1 FROM deadline_warnings w WHERE w.dossier_id = d.id AND w.task_id IS NULL AND w.due_at = d.due_at) AS settled
         FROM dossiers d
        WHERE d.status = 'processing' AND d.warned_due_at IS DISTINCT FROM d.due_at AND COALESCE(d.warn_at, 'infinity'::timestamptz) <= $1 AND $3::uuid IS NULL
          AND ($2::bigint IS NULL OR d.id = $2) AND ($4::timestamptz IS NULL OR d.warn_at >= $4)
          FOR UPDATE OF d SKIP LOCKED
     ), due AS (
       SELECT dossier_id, task_id, name, department, due_at, warn_at, code FROM step WHERE NOT settled
       UNION ALL
       SELECT dossier_id, NULL, NULL, NULL, due_at, warn_at, code FROM whole WHERE NOT settled
     ), ins AS (
       INSERT INTO deadline_warnings (dossier_id, task_id, department, due_at, warn_at, warned_at)
       SELECT dossier_id, task_id, department, due_at, warn_at, $1 FROM due
       ON CONFLICT DO NOTHING
       RETURNING id, dossier_id, task_id, department, due_at, warn_at
     ), marked_steps AS (
       UPDATE tasks t SET warned_due_at = step.due_at FROM step WHERE t.id = step.task_id
     ), marked_dossiers AS (
       UPDATE dossiers d SET warned_due_at = whole.due_at FROM whole WHERE d.id = whole.dossier_id
     ), ev AS (
       INSERT INTO dossier_events (dossier_id, type, at, payload)
       SELECT ins.dossier_id, CASE WHEN ins.task_id IS NULL THEN 'dossier.warning' ELSE 'task.warning' END, $1,
              jsonb_build_object('taskId', ins.task_id, 'department', ins.department, 'dueAt', ins.due_at)
         FROM ins
     )
     SELECT ins.id, ins.dossier_id AS "dossierId", d.code AS "dossierCode", ins.task_id AS "taskId", t.name,
            ins.department, ins.due_at AS "dueAt", ins.warn_at AS "warnAt"
       FROM ins JOIN dossiers d ON d.id = ins.dossier_id LEFT JOIN tasks t ON t.id = ins.task_id`,
    [now, scope.dossierId ?? null, scope.taskId ?? null, scope.warnSince ?? null],
  );
  return rows;
}
