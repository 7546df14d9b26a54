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
    `WITH due AS (
       SELECT t.dossier_id, t.id AS task_id, t.name, t.department, t.due_at, t.warn_at, d.code
         FROM tasks t JOIN dossiers d ON d.id = t.dossier_id
        WHERE t.status IN ('open', 'claimed') AND d.status = 'processing' AND t.warn_at <= $1 AND t.due_at > $1
          AND ($2::bigint IS NULL OR t.dossier_id = $2) AND ($3::uuid IS NULL OR t.id = $3)
          AND ($4::timestamptz IS NULL OR t.warn_at >= $4)
          AND NOT EXISTS (SELECT 1 FROM deadline_warnings w WHERE w.task_id = t.id AND w.due_at = t.due_at)
       UNION ALL
       SELECT d.id, NULL, NULL, NULL, d.due_at, d.warn_at, d.code
         FROM dossiers d
        WHERE d.status = 'processing' AND d.warn_at <= $1 AND d.due_at > $1 AND $3::uuid IS NULL
          AND ($2::bigint IS NULL OR d.id = $2) AND ($4::timestamptz IS NULL OR d.warn_at >= $4)
          AND NOT EXISTS (SELECT 1 FROM deadline_warnings w WHERE w.dossier_id = d.id AND w.task_id IS NULL AND w.due_at = d.due_at)
     ), ins AS (
       INSERT INTO deadline_warnings (dossier_id, task_id, department, due_at, warn_at, warned_at)
       SELECT dossier_id, task_id, department, due_at, warn_at, $1 FROM due
       ON CONFLICT DO NOTHING
       RETURNING id, dossier_id, task_id, department, due_at, warn_at
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
