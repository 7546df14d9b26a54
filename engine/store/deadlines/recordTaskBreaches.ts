import type { Queryable } from '../db.js';

export interface RecordedBreach {
  id: number;
  dossierId: number;
  dossierCode: string;
  taskId: string | null;
  elementId: string | null;
  name: string | null;
  department: string | null;
  dueAt: Date;
  detectedAt: Date;
}

export interface BreachScope {
  dossierId?: number | null;
  taskId?: string | null;
}

/**
 * Records a breach for every open step whose due time has passed, with its
 * history event, in one statement. The unique index on (dossier, task, due)
 * makes it idempotent, so a timer, the sweep and a second server can all run
 * it: a breach is recorded once. Steps of a dossier paused for a supplement
 * are not late: their clocks stand still.
 */
export async function recordTaskBreaches(db: Queryable, now: Date, scope: BreachScope = {}): Promise<RecordedBreach[]> {
  const { rows } = await db.query<RecordedBreach>(
    `WITH due AS (
       SELECT t.id AS task_id, t.dossier_id, t.department, t.due_at, t.element_id, t.name, d.code
         FROM tasks t JOIN dossiers d ON d.id = t.dossier_id
        WHERE t.status IN ('open', 'claimed') AND t.due_at <= $1 AND d.status = 'processing'
          AND ($2::bigint IS NULL OR t.dossier_id = $2) AND ($3::uuid IS NULL OR t.id = $3)
          FOR UPDATE OF t
     ), ins AS (
       INSERT INTO breaches (dossier_id, task_id, department, due_at, detected_at)
       SELECT dossier_id, task_id, department, due_at, $1 FROM due
       ON CONFLICT DO NOTHING
       RETURNING id, dossier_id, task_id, department, due_at, detected_at
     ), ev AS (
       INSERT INTO dossier_events (dossier_id, type, at, payload)
       SELECT ins.dossier_id, 'task.breached', ins.detected_at,
              jsonb_build_object('breachId', ins.id, 'taskId', ins.task_id, 'elementId', due.element_id,
                                 'name', due.name, 'department', ins.department, 'dueAt', ins.due_at)
         FROM ins JOIN due ON due.task_id = ins.task_id
     )
     SELECT ins.id, ins.dossier_id AS "dossierId", due.code AS "dossierCode", ins.task_id AS "taskId",
            due.element_id AS "elementId", due.name, ins.department, ins.due_at AS "dueAt", ins.detected_at AS "detectedAt"
       FROM ins JOIN due ON due.task_id = ins.task_id`,
    [now, scope.dossierId ?? null, scope.taskId ?? null],
  );
  return rows;
}
